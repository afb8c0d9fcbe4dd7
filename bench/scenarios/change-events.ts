import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDbClient } from '#local/dynamodb';
import { consoleLog } from '#local/local-log';
import { REGION } from '#local/aws-account';
import { startStreamPoller } from '#local/stream-poller';
import { tableDefinition } from '#local/table-definition';
import { batchWriteAll } from '#shared/db/batch-write';
import { keys } from '#shared/db/keys';
import { noEventBus } from '#shared/events/event-bus';
import { makeEventRepository } from '#shared/events/event-repository';
import { makePublishChangeEvents } from '#shared/events/publish-change-events';
import { publishStreamBatch } from '#shared/events/stream-records';
import type { BenchRow, Scenario } from '../bench-row';

/** Groups the changes are spread over: one stream (sequence) each, recorded one after the other per group. */
const GROUPS = 10;

/**
 * Change events: `--events-size` membership additions (over 10 groups) are written straight into a fresh
 * table with its stream, then read from the stream by the local stack's poller and turned into recorded
 * events by the stream function's use case (mapping, one conditional transaction per event moving its
 * group's sequence; no bus, as locally), until every group's counter holds its count. The reference is the
 * raw engine reading the same stream: GetRecords over every shard, from the oldest record to the newest;
 * and, as the floor of any exact numbering, the same count of bare two-item transactions (sequencedWriteFloor).
 */
export const changeEvents: Scenario = async ({ args, target }) => {
  const size = args.eventsSize;
  const client = dynamoDbClient(target.dynamodbEndpoint, { maxAttempts: 5 });
  const table = `bench-events-${randomUUID()}`;
  await client.send(new CreateTableCommand(tableDefinition(table)));
  try {
    const streamArn = await activeStream(client, table);
    const db = target.rawClient();
    const tenant = randomUUID();
    const groups = Array.from({ length: GROUPS }, () => randomUUID());
    await batchWriteAll(
      db,
      table,
      Array.from({ length: size }, (_, i) => ({ PutRequest: { Item: membership(tenant, groups[i % GROUPS]!, i) } })),
    );

    const raw = await readWholeStream(target.dynamodbEndpoint, streamArn);
    if (raw.records !== size) throw new Error(`stream holds ${raw.records} records, expected ${size}`);

    const publish = makePublishChangeEvents({
      events: makeEventRepository(db, table),
      bus: noEventBus,
      clock: { now: () => new Date().toISOString() },
    });
    const started = performance.now();
    const poller = startStreamPoller({
      endpoint: target.dynamodbEndpoint,
      tableName: table,
      dynamodb: client,
      consumers: [
        {
          name: 'PublishChangeEvents',
          batchSize: 100,
          maxRetries: 50,
          handler: (event) => publishStreamBatch(publish, event),
        },
      ],
      log: consoleLog({ quiet: true }),
      idleWaitMs: 20,
    });
    let seconds: number;
    try {
      await poller.idle({ timeoutMs: 30 * 60_000 });
      seconds = (performance.now() - started) / 1000;
    } finally {
      await poller.stop();
    }
    const recorded = await Promise.all(
      groups.map(async (group) => {
        const { Item } = await db.send(
          new GetCommand({ TableName: table, Key: keys.eventSequence(tenant, { group }), ConsistentRead: true }),
        );
        return Number(Item?.last_sequence ?? 0);
      }),
    );
    const total = recorded.reduce((a, b) => a + b, 0);
    if (total !== size) throw new Error(`recorded ${total} events, expected ${size}`);

    const floor = await sequencedWriteFloor(db, table, size);
    const measured = size / seconds;
    const rawRate = raw.records / raw.seconds;
    const row: BenchRow = {
      scenario: `change events: ${size} membership changes, stream → recorded event (${GROUPS} groups)`,
      measured,
      unit: 'events/s',
      raw: rawRate,
      raw_label: 'GetRecords of the same stream, every shard, oldest to newest',
      ratio: measured / rawRate,
      target: 'reported',
      met: null,
      details: {
        events: size,
        seconds,
        raw_seconds: raw.seconds,
        per_event:
          "one TransactWriteItems per block of up to 25 events of a group (each put if its id is new) + the group's " +
          'counter n → n+k, groups side by side (8 at once), each in stream order; GetItems only after a failed condition',
        exact_reference: {
          label: `one TransactWriteItems per event (event + its group's counter), ${GROUPS} groups 8 at once, each in order`,
          per_second: floor,
          ratio: measured / floor,
        },
      },
    };
    return [row];
  } finally {
    await client.send(new DeleteTableCommand({ TableName: table })).catch(() => {});
    client.destroy();
  }
};

/**
 * The engine's floor for numbered events: `size` two-item transactions (a conditional put, a conditional
 * counter move n → n+1), as the recording does them, with no stream, mapping or reads.
 */
async function sequencedWriteFloor(db: DynamoDBDocumentClient, table: string, size: number): Promise<number> {
  const counters = Array.from({ length: GROUPS }, () => randomUUID());
  const queue = [...counters];
  const started = performance.now();
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (let n = 0; n < size / GROUPS; n++) {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { PK: `FLOOR#${group}#${n}`, SK: 'EVENT', sequence: n + 1 },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: table,
                  Key: { PK: `FLOOR#${group}`, SK: 'SEQUENCE' },
                  UpdateExpression: 'SET last_sequence = :next',
                  ConditionExpression: n === 0 ? 'attribute_not_exists(PK)' : 'last_sequence = :last',
                  ExpressionAttributeValues: { ':next': n + 1, ...(n === 0 ? {} : { ':last': n }) },
                },
              },
            ],
          }),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return size / ((performance.now() - started) / 1000);
}

export function membership(tenant: string, group: string, i: number) {
  const learner = randomUUID();
  const at = new Date(Date.UTC(2026, 0, 1) + i).toISOString();
  return {
    ...keys.membership(group, { learnerUuid: learner }),
    ...keys.membershipByMember(tenant, { learnerUuid: learner }, group),
    entity: 'membership',
    enterprise_group_membership_uuid: randomUUID(),
    group_uuid: group,
    enterprise_customer_uuid: tenant,
    learner_uuid: learner,
    pending_learner_email: null,
    status: 'active',
    source: 'manual',
    created: at,
    modified: at,
    activated_at: at,
    permissions: [],
  };
}

export async function activeStream(client: ReturnType<typeof dynamoDbClient>, table: string): Promise<string> {
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    if (Table?.TableStatus === 'ACTIVE' && Table.LatestStreamArn) return Table.LatestStreamArn;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every record of the stream, read as fast as GetRecords answers (1,000 a call). */
export async function readWholeStream(
  endpoint: string,
  streamArn: string,
): Promise<{ records: number; seconds: number }> {
  const streams = new DynamoDBStreamsClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const started = performance.now();
    let records = 0;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      let { ShardIterator: iterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        records += page.Records?.length ?? 0;
        // An open shard never ends: its last page is the first that comes back empty.
        if (!page.Records?.length) break;
        iterator = page.NextShardIterator;
      }
    }
    return { records, seconds: (performance.now() - started) / 1000 };
  } finally {
    streams.destroy();
  }
}
