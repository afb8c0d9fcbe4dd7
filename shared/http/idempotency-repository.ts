import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: string | undefined;
}

export type Claim =
  { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse } | { kind: 'in_progress' } | { kind: 'reused' };

/** One caller's Idempotency-Key records: claimed before the work, completed with its first response. */
export function makeIdempotencyRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** Claims `key` for this request fingerprint, or says why not (replay, still running, other request). */
    async claim(
      caller: string,
      key: string,
      fingerprint: string,
      nowSeconds: number,
      ttlSeconds: number,
    ): Promise<Claim> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.idempotency(caller, key),
              entity: 'idempotency',
              fingerprint,
              state: 'in_progress',
              expires_at: nowSeconds + ttlSeconds,
            },
            // An expired record no longer counts, whether or not DynamoDB's TTL has removed it yet.
            ConditionExpression: 'attribute_not_exists(PK) OR expires_at < :now',
            ExpressionAttributeValues: { ':now': nowSeconds },
          }),
        );
        return { kind: 'claimed' };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.idempotency(caller, key), ConsistentRead: true }),
      );
      const item = out.Item;
      if (!item || item.fingerprint !== fingerprint) return { kind: 'reused' };
      if (item.state !== 'completed') return { kind: 'in_progress' };
      return { kind: 'replay', response: item.response as StoredResponse };
    },

    async complete(caller: string, key: string, response: StoredResponse): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.idempotency(caller, key),
          UpdateExpression: 'SET #state = :completed, #response = :response',
          ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
          ExpressionAttributeValues: { ':completed': 'completed', ':response': response },
        }),
      );
    },

    /** Frees a key whose request failed on our side, so the client can retry with it. */
    async release(caller: string, key: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.idempotency(caller, key) }));
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof makeIdempotencyRepository>;
