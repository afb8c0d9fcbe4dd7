import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import { tableDefinition } from '#local/table-definition';
import type { BenchTarget } from './bench-target';

export const RAW_CONCURRENCIES = [4, 16, 32] as const;

export interface RawWrite {
  seconds: number;
  per_second: number;
  concurrency: number;
}

/**
 * The raw engine's best: `items` plain puts (one partition key, like one group's members) with
 * BatchWriteItem, 25 per call, at each of a few concurrencies, each into a fresh table on the same
 * DynamoDB endpoint; the fastest wins. UnprocessedItems are resent until none is left.
 */
export async function rawBatchWrite(target: BenchTarget, items: number): Promise<RawWrite> {
  const client = target.rawClient();
  let best: RawWrite = { seconds: Number.POSITIVE_INFINITY, per_second: 0, concurrency: 0 };
  try {
    for (const concurrency of RAW_CONCURRENCIES) {
      const name = `bench-raw-${randomUUID()}`;
      await client.send(new CreateTableCommand(tableDefinition(name)));
      const now = new Date().toISOString();
      const batches = Array.from({ length: Math.ceil(items / 25) }, (_, b) =>
        Array.from({ length: Math.min(25, items - b * 25) }, (_, i) => ({
          PutRequest: { Item: { PK: 'GROUP#bench', SK: `MEMBER#L#${b * 25 + i}`, status: 'active', created: now } },
        })),
      );
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let b = next++; b < batches.length; b = next++) {
            let pending = batches[b]!;
            while (pending.length) {
              const out = await client.send(new BatchWriteCommand({ RequestItems: { [name]: pending } }));
              pending = (out.UnprocessedItems?.[name] ?? []) as typeof pending;
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      if (seconds < best.seconds) best = { seconds, per_second: items / seconds, concurrency };
      await client.send(new DeleteTableCommand({ TableName: name }));
    }
  } finally {
    client.destroy();
  }
  return best;
}

/**
 * The query a recalculation starts with (access pattern R2): every learner uuid of a tenant from
 * GSI1, page after page. Returns the uuids and the time it took.
 */
export async function rawTenantLearners(
  target: BenchTarget,
  tenant: string,
): Promise<{ seconds: number; count: number }> {
  const client = target.rawClient();
  const started = performance.now();
  let count = 0;
  try {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: target.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.tenantLearnersPartition(tenant), ':prefix': 'EMAIL#' },
          ProjectionExpression: 'learner_uuid',
          ExclusiveStartKey: startKey,
        }),
      );
      count += page.Items?.length ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  } finally {
    client.destroy();
  }
  return { seconds: (performance.now() - started) / 1000, count };
}
