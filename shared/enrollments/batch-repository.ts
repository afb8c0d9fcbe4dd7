import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { once } from '#shared/once';
import { keys } from '#shared/db/keys';
import type { Batch } from './batch';

/** A stored batch as the service reads it: its fields in answer order, checked, keys dropped. */
const batchItem = /* @__PURE__ */ once(() => {
  return z.object({
    batch_id: z.string(),
    course_id: z.string(),
    enterprise_customer_uuid: z.string(),
    name: z.string(),
    enrollment_type: z.enum(['open', 'invite_only']),
    participant_count: z.number(),
    created_by: z.string(),
    created: z.string(),
    modified: z.string(),
  });
});

const toBatch = (item: Record<string, unknown>): Batch => batchItem().parse(item);

export function makeBatchRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async create(batch: Batch): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.batch(batch.batch_id), entity: 'batch', ...batch },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },

    async get(batchId: string): Promise<Batch | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.batch(batchId), ConsistentRead: true }),
      );
      return out.Item ? toBatch(out.Item) : undefined;
    },
  };
}

export type BatchRepository = ReturnType<typeof makeBatchRepository>;
