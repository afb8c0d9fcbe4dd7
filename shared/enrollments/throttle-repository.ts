import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import type { BucketState } from './token-bucket';

/** A bucket as stored, with the sequence number its next write must still find. */
export interface StoredBucket {
  state: BucketState;
  seq: number;
}

/**
 * Token buckets, one item per caller and scope. Writes are conditional on the sequence number read
 * (or on the item's absence), so two concurrent requests can never both spend the same token.
 */
export function makeThrottleRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async get(scope: string, subject: string): Promise<StoredBucket | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.throttle(scope, subject), ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      return {
        state: { tokens: Number(out.Item.tokens), updatedMs: Number(out.Item.updated_ms) },
        seq: Number(out.Item.seq),
      };
    },

    /** Stores `next` if the bucket is still at `expectedSeq` (absent when undefined); false when it moved. */
    async put(scope: string, subject: string, next: BucketState, expectedSeq: number | undefined): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.throttle(scope, subject),
              entity: 'throttle',
              tokens: next.tokens,
              updated_ms: next.updatedMs,
              seq: (expectedSeq ?? 0) + 1,
            },
            ...(expectedSeq === undefined
              ? { ConditionExpression: 'attribute_not_exists(PK)' }
              : { ConditionExpression: 'seq = :seq', ExpressionAttributeValues: { ':seq': expectedSeq } }),
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}

export type ThrottleRepository = ReturnType<typeof makeThrottleRepository>;
