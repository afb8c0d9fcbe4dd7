import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import type { Batch } from './batch';

const FIELDS: (keyof Batch)[] = [
  'batch_id',
  'course_id',
  'enterprise_customer_uuid',
  'name',
  'enrollment_type',
  'participant_count',
  'created_by',
  'created',
  'modified',
];

const toBatch = (item: Record<string, unknown>) =>
  Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])) as unknown as Batch;

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
