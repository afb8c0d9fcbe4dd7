import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';

const ATTEMPTS = 5;
/** Counters outlive their day by a day (TTL), for operators to read yesterday's. */
const KEEP_SECONDS = 2 * 24 * 60 * 60;

/**
 * Per-tenant daily send counters, one item per tenant, template and UTC day. `reserve` takes as many
 * of `wanted` sends as the quota has left, with one conditional `ADD` (`sent <= quota − n`); when the
 * quota cannot take them all it reads what is left and takes that, so concurrent assigns never pass it.
 */
export function makeSendQuotaRepository(db: DynamoDBDocumentClient, tableName: string) {
  async function sentSoFar(key: ReturnType<typeof keys.sendQuota>, error: ConditionalCheckFailedException) {
    const reported = (error.Item?.sent as { N?: string } | undefined)?.N;
    if (reported !== undefined) return Number(reported);
    const out = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Number(out.Item?.sent ?? 0);
  }

  return {
    async reserve(tenant: string, template: string, day: string, wanted: number, quota: number): Promise<number> {
      const key = keys.sendQuota(tenant, template, day);
      let n = Math.min(wanted, quota);
      for (let attempt = 0; attempt < ATTEMPTS && n > 0; attempt++) {
        try {
          await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: key,
              UpdateExpression: 'ADD sent :n SET entity = :entity, expires_at = :expires',
              ConditionExpression: 'attribute_not_exists(sent) OR sent <= :left',
              ExpressionAttributeValues: {
                ':n': n,
                ':left': quota - n,
                ':entity': 'send_quota',
                ':expires': Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + KEEP_SECONDS,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          );
          return n;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          n = Math.min(wanted, Math.max(0, quota - (await sentSoFar(key, error))));
        }
      }
      return 0;
    },
  };
}

export type SendQuotaRepository = ReturnType<typeof makeSendQuotaRepository>;
