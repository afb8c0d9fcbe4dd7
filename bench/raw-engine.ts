import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
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
 * Writes `items` in batches at each of `concurrencies`, each run into a fresh table (its batches built
 * by `batchesFor`) on the same DynamoDB endpoint, and keeps the fastest run.
 */
async function bestOf<B>(
  target: BenchTarget,
  items: number,
  concurrencies: readonly number[],
  batchesFor: (client: DynamoDBDocumentClient, table: string) => Promise<B[]>,
  write: (client: DynamoDBDocumentClient, table: string, batch: B) => Promise<void>,
): Promise<RawWrite> {
  const client = target.rawClient();
  let best: RawWrite = { seconds: Number.POSITIVE_INFINITY, per_second: 0, concurrency: 0 };
  try {
    for (const concurrency of concurrencies) {
      const table = `bench-raw-${randomUUID()}`;
      // Without a stream: DynamoDB Local slows every write to a table with one (AWS does not).
      await client.send(new CreateTableCommand(tableDefinition(table, { stream: false })));
      const batches = await batchesFor(client, table);
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let b = next++; b < batches.length; b = next++) await write(client, table, batches[b]!);
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      if (seconds < best.seconds) best = { seconds, per_second: items / seconds, concurrency };
      await client.send(new DeleteTableCommand({ TableName: table }));
    }
  } finally {
    client.destroy();
  }
  return best;
}

/**
 * The raw engine's best: `items` plain puts (one partition key, like one group's members) with
 * BatchWriteItem, 25 per call, at each of a few concurrencies, each into a fresh table on the same
 * DynamoDB endpoint; the fastest wins. UnprocessedItems are resent until none is left.
 */
export function rawBatchWrite(target: BenchTarget, items: number): Promise<RawWrite> {
  const now = new Date().toISOString();
  return bestOf(
    target,
    items,
    RAW_CONCURRENCIES,
    async () =>
      Array.from({ length: Math.ceil(items / 25) }, (_, b) =>
        Array.from({ length: Math.min(25, items - b * 25) }, (_, i) => ({
          PutRequest: { Item: { PK: 'GROUP#bench', SK: `MEMBER#L#${b * 25 + i}`, status: 'active', created: now } },
        })),
      ),
    async (client, table, batch) => {
      let pending = batch;
      while (pending.length) {
        const out = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    },
  );
}

const ceilings = new WeakMap<BenchTarget, Promise<RawWrite>>();

/** The exact-write reference of 10,000 items, measured once per run and shared by the throughput scenarios. */
export function exactWriteCeiling(target: BenchTarget): Promise<RawWrite> {
  let ceiling = ceilings.get(target);
  if (!ceiling) {
    ceiling = rawTransactWrite(target, 10_000);
    ceilings.set(target, ceiling);
  }
  return ceiling;
}

/** Items per transaction of the exact-write reference: the membership commit's own size. */
const EXACT_BATCH = 98;
export const EXACT_CONCURRENCIES = [4, 8, 16] as const;

/**
 * The raw engine's best exact write: `items` membership-shaped puts (one partition key, an inverted
 * index entry each, like one group's members) in TransactWriteItems of 98, each put conditioned on the
 * item's absence and each transaction moving one counter item, at a few concurrencies, into a fresh
 * table on the same endpoint; the fastest wins. This is the floor of any write path that keeps a
 * counter exact and never overwrites a concurrent change (what a membership commit does), so a bulk
 * path's ratio to it says how much of the gap to BatchWriteItem is the engine's and how much its own.
 * A cancelled transaction (a conflict on the counter) is sent again.
 */
export function rawTransactWrite(target: BenchTarget, items: number): Promise<RawWrite> {
  const counter = { PK: 'GROUP#bench', SK: 'GROUP' };
  const now = new Date().toISOString();
  return bestOf(
    target,
    items,
    EXACT_CONCURRENCIES,
    async (client, table) => {
      await client.send(
        new BatchWriteCommand({
          RequestItems: { [table]: [{ PutRequest: { Item: { ...counter, member_count: 0 } } }] },
        }),
      );
      return Array.from({ length: Math.ceil(items / EXACT_BATCH) }, (_, b) =>
        Array.from({ length: Math.min(EXACT_BATCH, items - b * EXACT_BATCH) }, () => {
          const learner = randomUUID();
          return {
            PK: 'GROUP#bench',
            SK: `MEMBER#L#${learner}`,
            GSI1PK: `MEMBERSHIPS#bench#L#${learner}`,
            GSI1SK: 'GROUP#bench',
            learner_uuid: learner,
            status: 'active',
            created: now,
          };
        }),
      );
    },
    async (client, table, batch) => {
      const input = {
        TransactItems: [
          ...batch.map((Item) => ({
            Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(PK)' },
          })),
          {
            Update: {
              TableName: table,
              Key: counter,
              UpdateExpression: 'ADD member_count :n',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':n': batch.length },
            },
          },
        ],
      };
      for (;;) {
        try {
          await client.send(new TransactWriteCommand(input));
          return;
        } catch (error) {
          if ((error as Error).name !== 'TransactionCanceledException') throw error;
        }
      }
    },
  );
}

/**
 * The query a recalculation starts with (access pattern R2): every learner uuid of a tenant from
 * GSI1, page after page. Returns the uuids and the time it took.
 */
export async function rawTenantLearners(
  target: BenchTarget,
  tenant: string,
): Promise<{ seconds: number; count: number }> {
  const { ms, count } = await rawQueryAll(target, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.tenantLearnersPartition(tenant), ':prefix': 'EMAIL#' },
    ProjectionExpression: 'learner_uuid',
  });
  return { seconds: ms / 1000, count };
}

/** Every page of one Query on the bench's table, with a client of its own: how long it took and how many items. */
export async function rawQueryAll(
  target: BenchTarget,
  query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<{ ms: number; count: number }> {
  const client = target.rawClient();
  const started = performance.now();
  let count = 0;
  try {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({ ...query, TableName: target.tableName, ExclusiveStartKey: startKey }),
      );
      count += page.Items?.length ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  } finally {
    client.destroy();
  }
  return { ms: performance.now() - started, count };
}
