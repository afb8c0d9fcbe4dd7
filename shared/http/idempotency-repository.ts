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

/** What a claim compares: the request (method, path, body) and the caller's access (roles and tenants). */
export interface RequestFingerprints {
  request: string;
  access: string;
}

/** How long a record lives, and how long an unfinished first request holds it. */
export interface ClaimTimes {
  nowSeconds: number;
  ttlSeconds: number;
  /** Past this many seconds an `in_progress` record no longer blocks: its invocation has timed out. */
  runningSeconds: number;
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in_progress' }
  | { kind: 'reused' }
  | { kind: 'access_changed' };

/** Idempotency-Key records: claimed before the work, completed with its first response. */
export function makeIdempotencyRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** Claims the record for this request, or says why not (replay, still running, other request, other access). */
    async claim(recordId: string, fingerprints: RequestFingerprints, times: ClaimTimes): Promise<Claim> {
      const { nowSeconds, ttlSeconds, runningSeconds } = times;
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.idempotency(recordId),
              entity: 'idempotency',
              fingerprint: fingerprints.request,
              access: fingerprints.access,
              state: 'in_progress',
              in_progress_until: nowSeconds + runningSeconds,
              expires_at: nowSeconds + ttlSeconds,
            },
            // An expired record no longer counts, whether or not DynamoDB's TTL has removed it yet; nor
            // does a claim whose invocation timed out before it could complete or release it.
            ConditionExpression:
              'attribute_not_exists(PK) OR expires_at < :now OR (#state = :in_progress AND in_progress_until < :now)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':now': nowSeconds, ':in_progress': 'in_progress' },
          }),
        );
        return { kind: 'claimed' };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.idempotency(recordId), ConsistentRead: true }),
      );
      const item = out.Item;
      if (!item || item.fingerprint !== fingerprints.request) return { kind: 'reused' };
      if (item.access !== fingerprints.access) return { kind: 'access_changed' };
      if (item.state !== 'completed') return { kind: 'in_progress' };
      return { kind: 'replay', response: item.response as StoredResponse };
    },

    async complete(recordId: string, response: StoredResponse): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.idempotency(recordId),
          UpdateExpression: 'SET #state = :completed, #response = :response REMOVE in_progress_until',
          ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
          ExpressionAttributeValues: { ':completed': 'completed', ':response': response },
        }),
      );
    },

    /** Frees a key whose request failed on our side, so the client can retry with it. */
    async release(recordId: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.idempotency(recordId) }));
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof makeIdempotencyRepository>;
