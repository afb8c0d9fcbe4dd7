import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '#shared/db/keys';
import type { ChangeCandidate, ChangeEvent } from '#shared/events/change-event';
import { type EventPublisher, makeEventBridgePublisher } from '#shared/events/event-bus';
import { type EventPosition, makeEventRepository } from '#shared/events/event-repository';
import { makePublishChangeEvents } from '#shared/events/publish-change-events';
import { itemChangeOf, publishStreamBatch } from '#shared/events/stream-records';
import { consoleLog } from '#local/local-log';
import {
  type FailedStreamRecords,
  startStreamPoller,
  type StreamPoller,
  type StreamPollerOptions,
} from '#local/stream-poller';
import { createTestTable, documentClient, dynamoClient, dynamodbEndpoint } from './dynamo';

const TENANT = '11111111-1111-4111-8111-111111111111';
const clock = { now: () => new Date().toISOString() };

let table: string;
let poller: StreamPoller | undefined;

beforeEach(async () => {
  table = await createTestTable('events', { stream: true });
});
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
});
afterAll(() => dynamoClient().destroy());

const member = (group: string, learner: string, status: string, modified: string) => ({
  ...keys.membership(group, { learnerUuid: learner }),
  entity: 'membership',
  enterprise_group_membership_uuid: `${group}-${learner}`,
  group_uuid: group,
  enterprise_customer_uuid: TENANT,
  learner_uuid: learner,
  status,
  source: 'manual',
  created: '2026-01-01T00:00:00.000Z',
  modified,
});

/** Adds `count` members to `group`, removes every third, and changes a group's count (no event). */
async function writeChanges(group: string, count: number): Promise<number> {
  const db = documentClient();
  let changes = 0;
  for (let i = 0; i < count; i++) {
    await db.send(
      new PutCommand({ TableName: table, Item: member(group, `l${i}`, 'active', `2026-01-02T00:00:${i}`) }),
    );
    changes++;
    if (i % 3 === 0) {
      await db.send(
        new PutCommand({ TableName: table, Item: member(group, `l${i}`, 'removed', `2026-01-03T00:00:${i}`) }),
      );
      changes++;
    }
  }
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: keys.group(group),
      UpdateExpression:
        'SET member_count = :n, entity = :e, group_uuid = :g, enterprise_customer_uuid = :t, ' +
        '#name = :name, #type = :manual, #status = :active, created = :at, modified = :at, version = :one',
      ConditionExpression: 'attribute_not_exists(PK)',
      ExpressionAttributeNames: { '#name': 'name', '#type': 'type', '#status': 'status' },
      ExpressionAttributeValues: {
        ':n': count,
        ':e': 'group',
        ':g': group,
        ':t': TENANT,
        ':name': `Group ${group}`,
        ':manual': 'manual',
        ':active': 'active',
        ':at': '2026-01-01T00:00:00.000Z',
        ':one': 1,
      },
    }),
  );
  return changes + 1; // the group item's insert is a group.created
}

async function streamEvents(group: string): Promise<ChangeEvent[]> {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.streamEventsPartition(TENANT, { group }) },
    }),
  );
  return Items as ChangeEvent[];
}

/** The stream function as the poller invokes it, with `bus` and a count of its invocations. */
function consumer(bus: EventPublisher) {
  const publish = makePublishChangeEvents({ events: makeEventRepository(documentClient(), table), bus, clock });
  const batches: DynamoDBStreamEvent[] = [];
  const handler = async (event: DynamoDBStreamEvent) => {
    batches.push(structuredClone(event));
    return publishStreamBatch(publish, event);
  };
  return { publish, batches, handler };
}

function recordingBus() {
  const published: ChangeEvent[] = [];
  return { published, publish: async (events: readonly ChangeEvent[]) => void published.push(...events) };
}

const startPolling = (
  handler: (event: DynamoDBStreamEvent) => Promise<unknown>,
  batchSize = 25,
  options: Pick<StreamPollerOptions, 'onFailure' | 'failureWaitMs'> & { maxRetries?: number } = {},
) => {
  poller = startStreamPoller({
    endpoint: dynamodbEndpoint,
    tableName: table,
    dynamodb: dynamoClient(),
    consumers: [{ name: 'PublishChangeEvents', batchSize, maxRetries: options.maxRetries ?? 50, handler }],
    log: consoleLog({ quiet: true }),
    idleWaitMs: 50,
    ...options,
  });
  return poller;
};

const expectExactlyOnce = (events: ChangeEvent[], changes: number) => {
  expect(events).toHaveLength(changes);
  expect(new Set(events.map((e) => e.id)).size).toBe(changes);
  expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: changes }, (_, i) => i + 1));
};

describe('change events from the table stream', () => {
  it('records one event per change, numbered 1..n without a gap, in the order of the changes', async () => {
    const group = 'g-order';
    const changes = await writeChanges(group, 30);
    const bus = recordingBus();
    await startPolling(consumer(bus).handler).idle();
    const events = await streamEvents(group);
    expectExactlyOnce(events, changes);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual([
      'membership.added',
      'membership.removed',
      'membership.added',
    ]);
    expect(bus.published.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('records nothing twice when records are delivered again, and keeps their first sequence', async () => {
    const group = 'g-duplicates';
    const changes = await writeChanges(group, 12);
    const bus = recordingBus();
    const { handler, batches, publish } = consumer(bus);
    await startPolling(handler).idle();
    await poller!.stop();
    const before = await streamEvents(group);

    // Every batch again, then all records at once in reverse (a redelivery out of any order).
    for (const batch of batches) await publish(batch.Records.map(itemChangeOf));
    await publish(
      batches
        .flatMap((b) => b.Records)
        .reverse()
        .map(itemChangeOf),
    );

    expect(await streamEvents(group)).toEqual(before);
    expectExactlyOnce(before, changes);
    // Published again (at least once), always under the same ids.
    expect(new Set(bus.published.map((e) => e.id))).toEqual(new Set(before.map((e) => e.id)));
  });

  it('loses and duplicates nothing while the event bus throttles: the batch is retried from its first event', async () => {
    const group = 'g-throttled';
    const changes = await writeChanges(group, 20);
    const client = new EventBridgeClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    const mock = mockClient(client);
    const onBus: string[] = [];
    let calls = 0;
    mock.on(PutEventsCommand).callsFake((input: { Entries: { Detail: string }[] }) => {
      calls++;
      // Every third call: throttled outright, or one entry refused (PutEvents' partial failure).
      if (calls % 3 === 1) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      if (calls % 3 === 2) {
        return {
          FailedEntryCount: 1,
          Entries: input.Entries.map((_, i) => (i === 0 ? { ErrorCode: 'ThrottlingException' } : { EventId: 'x' })),
        };
      }
      onBus.push(...input.Entries.map((e) => (JSON.parse(e.Detail) as ChangeEvent).id));
      return { FailedEntryCount: 0, Entries: input.Entries.map(() => ({ EventId: 'x' })) };
    });
    await startPolling(consumer(makeEventBridgePublisher(client, 'bus')).handler, 10).idle({ timeoutMs: 60_000 });
    const events = await streamEvents(group);
    expectExactlyOnce(events, changes);
    expect(calls).toBeGreaterThan(3);
    expect(new Set(onBus)).toEqual(new Set(events.map((e) => e.id)));
    mock.restore();
  });

  it('records interleaved groups side by side and resumes every group at the earliest failed record', async () => {
    const groups = ['g-a', 'g-b', 'g-c', 'g-d', 'g-e'];
    const db = documentClient();
    for (let i = 0; i < 40; i++) {
      const group = groups[i % groups.length]!;
      await db.send(new PutCommand({ TableName: table, Item: member(group, `l${i}`, 'active', `2026-01-02T00:${i}`) }));
    }
    const repository = makeEventRepository(documentClient(), table);
    // The 7th change of group c fails on its first two attempts (a table error), in the middle of a batch.
    let failures = 0;
    const flaky = {
      record: async (candidates: Parameters<typeof repository.record>[0], at: string) => {
        const seventh = candidates.some((c) => c.group_uuid === 'g-c' && c.data.after?.learner_uuid === 'l32');
        if (seventh && failures++ < 2) throw Object.assign(new Error('Internal'), { name: 'InternalServerError' });
        return repository.record(candidates, at);
      },
    };
    const publish = makePublishChangeEvents({ events: flaky, bus: recordingBus(), clock });
    await startPolling((event) => publishStreamBatch(publish, event), 100).idle();
    expect(failures).toBe(3);
    for (const group of groups) {
      const events = await streamEvents(group);
      expectExactlyOnce(events, 8);
      // In each group, the order of its writes.
      expect(events.map((e) => e.data.after?.learner_uuid)).toEqual(
        Array.from({ length: 8 }, (_, k) => `l${k * groups.length + groups.indexOf(group)}`),
      );
    }
  });

  it('gives up a record that fails every time after its retries, as the AWS mapping does, and goes on after it', async () => {
    const group = 'g-poison';
    const changes = await writeChanges(group, 10);
    const { handler } = consumer(recordingBus());
    const poisoned = (r: DynamoDBStreamEvent['Records'][number]) =>
      r.dynamodb?.NewImage?.group_uuid?.S === group && r.dynamodb.NewImage.learner_uuid?.S === 'l4';
    const given: FailedStreamRecords[] = [];
    const triedAlone: string[] = [];
    await startPolling(
      async (event) => {
        const poison = event.Records.find(poisoned);
        if (!poison) return handler(event);
        if (event.Records.length === 1) triedAlone.push(poison.dynamodb!.SequenceNumber!);
        throw new Error('this record can never be mapped');
      },
      25,
      { maxRetries: 2, failureWaitMs: 10, onFailure: (failed) => void given.push(failed) },
    ).idle();
    // Its batch halved until it was read alone (no retry counted), then tried once and retried twice.
    expect(triedAlone).toHaveLength(3);
    expect(given).toEqual([
      expect.objectContaining({
        consumer: 'PublishChangeEvents',
        startSequenceNumber: triedAlone[0],
        endSequenceNumber: triedAlone[0],
        batchSize: 1,
      }),
    ]);
    const events = await streamEvents(group);
    expectExactlyOnce(events, changes - 1);
    expect(events.some((e) => e.data.after?.learner_uuid === 'l4')).toBe(false);
  });

  it("keeps each stream's sequence order in the tenant feed, across recorders' clocks and within a millisecond", async () => {
    const group = 'g-feed-order';
    const candidate = (n: number, id: string): ChangeCandidate => ({
      id,
      type: 'membership.added',
      occurred_at: '2026-01-01T00:00:00.000Z',
      enterprise_customer_uuid: TENANT,
      group_uuid: group,
      course_id: null,
      data: { before: null, after: { learner_uuid: `l${n}` } },
    });
    // Ids that sort against the order of the changes.
    const ids = Array.from({ length: 6 }, (_, i) => `evt_${String(9 - i).repeat(32)}`);
    const ahead = makeEventRepository(documentClient(), table);
    const behind = makeEventRepository(documentClient(), table);
    await ahead.record(
      [0, 1, 2].map((n) => candidate(n, ids[n]!)),
      '2026-01-01T00:00:02.000Z',
    );
    // A second recorder whose batch began a second earlier by its clock.
    await behind.record(
      [3, 4, 5].map((n) => candidate(n, ids[n]!)),
      '2026-01-01T00:00:01.000Z',
    );
    const feed: ChangeEvent[] = [];
    let after: EventPosition | undefined;
    do {
      const page = await ahead.tenantPage(TENANT, { after, until: '2026-01-01T00:00:03.000Z', limit: 2 });
      feed.push(...page.events);
      after = page.lastRead;
    } while (after);
    expect(feed.map((e) => [e.sequence, e.id])).toEqual(ids.map((id, i) => [i + 1, id]));
  });

  it('gives concurrent recorders of one stream distinct numbers without a gap', async () => {
    const group = 'g-concurrent';
    const changes = await writeChanges(group, 15);
    const { handler, batches } = consumer(recordingBus());
    await startPolling(handler, 1000).idle();
    await poller!.stop();
    const records = batches.flatMap((b) => b.Records);
    const fresh = await createTestTable('events-copy');
    // The same records, recorded by four writers at once into an empty table.
    const publishers = Array.from({ length: 4 }, () =>
      makePublishChangeEvents({ events: makeEventRepository(documentClient(), fresh), bus: recordingBus(), clock }),
    );
    await Promise.all(publishers.map((publish) => publish(records.map(itemChangeOf))));
    table = fresh;
    const events = await streamEvents(group);
    expectExactlyOnce(events, changes);
  });
});
