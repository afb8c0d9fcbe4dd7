import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BatchWriteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queues } from '#functions/resources';
import type { LocalLog } from '#local/local-log';
import { type Messaging, startMessaging } from '#local/messaging';
import { type Pollers, startPollers } from '#local/pollers';
import { randomIds, systemClock } from '#shared/clock';
import { keys } from '#shared/db/keys';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeDeleteGroup } from '#shared/groups/delete-group';
import { makeUpdateGroup } from '#shared/groups/update-group';
import { makeFanOutRecalculations } from '#shared/rules/fan-out-recalculations';
import { Ruleset } from '#shared/rules/ruleset';
import { ScheduledRecalculation } from '#shared/rules/schemas';
import { makeStartScheduledRecalculation, type ScheduledOutcome } from '#shared/rules/start-scheduled-recalculation';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';
import { ruleEngine } from './fixtures/rule-engine';

const silent: LocalLog = { info: () => {}, warn: () => {}, error: () => {} };
let db: DynamoDBDocumentClient;
let table: string;
let messaging: Messaging<'recalculations'>;
let sqs: SQSClient;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('schedule');
  messaging = await startMessaging({
    port: 0,
    queues: {
      recalculations: {
        ...queues.recalculations,
        localName: `recalculations-${randomUUID()}`,
        visibilityTimeoutSeconds: 2,
      },
    },
  });
  sqs = new SQSClient({
    endpoint: messaging.sqsEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  sqs?.destroy();
  await messaging?.stop();
});

const dept = (value: string) =>
  Ruleset.parse({
    operator: 'AND',
    sets: [{ rules: [{ type: 'attribute', payload: { field: 'department', op: 'equals', value } }] }],
  });

/**
 * The scheduled path against DynamoDB Local and fauxqs: the fan-out sends to a real queue, pollers
 * deliver its batches to the worker (the same record handling as the Lambda), and the recalculation
 * jobs it starts are collected and applied as the job worker would.
 */
function system() {
  const engine = ruleEngine(db, table);
  const { groups, ports, startRecalculation } = engine;
  const outcomes: (ScheduledOutcome & { group_uuid: string })[] = [];
  const startScheduled = makeStartScheduledRecalculation({ groups, start: startRecalculation });
  const processor = new BatchProcessor(EventType.SQS);
  const worker = async (event: SQSEvent) =>
    processPartialResponse(
      event,
      async ({ body }: SQSRecord) => {
        const message = ScheduledRecalculation.parse(JSON.parse(body));
        outcomes.push({ group_uuid: message.group_uuid, ...(await startScheduled(message)) });
      },
      processor,
    );
  const send = async (messages: ScheduledRecalculation[]) => {
    for (let i = 0; i < messages.length; i += 10) {
      const entries = messages.slice(i, i + 10).map((m, n) => ({ Id: String(n), MessageBody: JSON.stringify(m) }));
      const out = await sqs.send(
        new SendMessageBatchCommand({ QueueUrl: messaging.queueUrls.recalculations, Entries: entries }),
      );
      expect(out.Failed ?? []).toEqual([]);
    }
  };
  return {
    ...engine,
    outcomes,
    fanOut: makeFanOutRecalculations({ groups, send }),
    createGroup: makeCreateGroup(groups, systemClock, randomIds, ports),
    updateGroup: makeUpdateGroup(groups, systemClock, ports),
    deleteGroup: makeDeleteGroup(groups, async () => {}, systemClock),
    /** Polls the recalculations queue with the worker until it is empty. */
    async drainSchedule() {
      const pollers: Pollers = startPollers({
        endpoint: messaging.endpoint,
        log: silent,
        consumers: [
          {
            name: 'StartScheduledRecalculation',
            queueUrl: messaging.queueUrls.recalculations,
            queueArn: messaging.queueArns.recalculations,
            batchSize: 5,
            handler: worker,
          },
        ],
        waitTimeSeconds: 0,
      });
      try {
        await pollers.idle({ timeoutMs: 20_000 });
      } finally {
        await pollers.stop();
      }
    },
    /** Applies every collected job chunk, as the job worker would. */
    deliverChunks: () => engine.deliver(),
  };
}
type System = ReturnType<typeof system>;

async function automaticGroup(s: System, tenant: string, department = 'sales') {
  const group = await s.createGroup(adminOf(tenant), tenant, {
    name: `Auto ${randomUUID()}`,
    type: 'automatic',
    ruleset: dept(department),
  });
  await s.deliverChunks();
  return group;
}

async function registry(s: System, tenant?: string) {
  const refs: string[] = [];
  for await (const page of s.groups.automaticGroupPages(tenant)) refs.push(...page.map((r) => r.group_uuid));
  return refs;
}

describe('automatic-group registry (the scheduled access pattern)', () => {
  it('lists the automatic groups of every tenant, or of one, from their own create and delete transactions', async () => {
    const s = system();
    const [t1, t2] = [randomUUID(), randomUUID()];
    const a = await automaticGroup(s, t1);
    const b = await automaticGroup(s, t2);
    const manual = await s.createGroup(adminOf(t1), t1, { name: `Manual ${randomUUID()}` });
    const all = await registry(s);
    expect(all).toEqual(expect.arrayContaining([a.group_uuid, b.group_uuid]));
    expect(all).not.toContain(manual.group_uuid);
    expect(await registry(s, t1)).toEqual([a.group_uuid]);
    expect(await registry(s, t2)).toEqual([b.group_uuid]);

    await s.deleteGroup(adminOf(t1), a.group_uuid);
    expect(await registry(s, t1)).toEqual([]);
    expect(await registry(s)).not.toContain(a.group_uuid);
  });

  it('writes no registry entry when the create is refused', async () => {
    const s = system();
    const tenant = randomUUID();
    const first = await automaticGroup(s, tenant);
    await expect(
      s.createGroup(adminOf(tenant), tenant, {
        name: (await s.groups.get(first.group_uuid))!.name,
        type: 'automatic',
        ruleset: dept('hr'),
      }),
    ).rejects.toMatchObject({ code: 'group_name_taken' });
    expect(await registry(s, tenant)).toEqual([first.group_uuid]);
  });

  it('reads every page of a registry bigger than one Query page', async () => {
    const s = system();
    const tenant = randomUUID();
    // ~3.6 KB of padding per item makes 300 items exceed DynamoDB's 1 MB page.
    const filler = 'x'.repeat(3600);
    const items = Array.from({ length: 300 }, () => {
      const group_uuid = randomUUID();
      const item = { ...keys.automaticGroup(tenant, group_uuid), entity: 'automatic_group', group_uuid, filler };
      return { PutRequest: { Item: { ...item, enterprise_customer_uuid: tenant } } };
    });
    for (let i = 0; i < items.length; i += 25)
      await db.send(new BatchWriteCommand({ RequestItems: { [table]: items.slice(i, i + 25) } }));
    let pages = 0;
    let count = 0;
    for await (const page of s.groups.automaticGroupPages(tenant)) {
      pages++;
      count += page.length;
    }
    expect(count).toBe(300);
    expect(pages).toBeGreaterThan(1);
  });
});

describe('scheduled recalculation through SQS', () => {
  it('fixes the members of an active group that drifted, and skips paused and inactive groups', async () => {
    const s = system();
    const tenant = randomUUID();
    const admin = adminOf(tenant);
    const uuids = Array.from({ length: 6 }, () => randomUUID());
    for (const [i, uuid] of uuids.entries())
      await s.putLearner(admin, tenant, uuid, {
        email: `${uuid}@example.com`,
        attributes: { department: i < 3 ? 'sales' : 'hr' },
      });
    const active = await automaticGroup(s, tenant);
    const paused = await automaticGroup(s, tenant);
    await s.updateGroup(admin, paused.group_uuid, { rule_processing: { state: 'paused' } });
    const inactive = await automaticGroup(s, tenant);
    await s.updateGroup(admin, inactive.group_uuid, { status: 'inactive' });
    // Drift: a learner's department changes behind the service's back (no incremental evaluation).
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.learner(tenant, uuids[5]!),
        UpdateExpression: 'SET attributes.department = :d',
        ExpressionAttributeValues: { ':d': 'sales' },
      }),
    );
    const members = async (g: string) =>
      new Set(
        (await s.memberships.list({ groupUuid: g, statuses: ['active'], pageSize: 100 })).items.map(
          (m) => m.learner_uuid,
        ),
      );
    expect(await members(active.group_uuid)).toEqual(new Set(uuids.slice(0, 3)));

    const summary = await s.fanOut({ tick: '2026-03-01T00:00:00.000Z', tenant });
    expect(summary).toMatchObject({ queued: 1, skipped: { paused: 1, inactive: 1 } });
    await s.drainSchedule();
    expect(s.outcomes).toEqual([expect.objectContaining({ group_uuid: active.group_uuid, outcome: 'started' })]);
    await s.deliverChunks();

    expect(await members(active.group_uuid)).toEqual(new Set([...uuids.slice(0, 3), uuids[5]]));
    expect(await s.groups.get(active.group_uuid)).toMatchObject({
      member_count: 4,
      rule_processing: { status: 'succeeded', scheduled_tick: '2026-03-01T00:00:00.000Z' },
    });
    expect((await s.groups.get(paused.group_uuid))?.rule_generation).toBe(1);
    expect((await s.groups.get(inactive.group_uuid))?.rule_generation).toBe(1);
  });

  it('starts one run per group for a tick delivered twice and fanned out twice', async () => {
    const s = system();
    const tenant = randomUUID();
    await s.putLearner(adminOf(tenant), tenant, randomUUID(), {
      email: `${randomUUID()}@example.com`,
      attributes: { department: 'sales' },
    });
    const groups = [await automaticGroup(s, tenant), await automaticGroup(s, tenant)];
    const tick = '2026-03-02T00:00:00.000Z';
    await s.fanOut({ tick, tenant });
    await s.fanOut({ tick, tenant });
    // And one more copy of the first group's message, as SQS may deliver it.
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: messaging.queueUrls.recalculations,
        MessageBody: JSON.stringify({ group_uuid: groups[0]!.group_uuid, enterprise_customer_uuid: tenant, tick }),
      }),
    );
    await s.drainSchedule();

    for (const g of groups) {
      const mine = s.outcomes.filter((o) => o.group_uuid === g.group_uuid);
      expect(
        mine.filter((o) => o.outcome === 'started'),
        g.group_uuid,
      ).toHaveLength(1);
      expect(mine.filter((o) => o.outcome === 'skipped' && o.reason === 'already_started').length).toBe(
        mine.length - 1,
      );
      // Created (generation 1), then exactly one scheduled run.
      expect((await s.groups.get(g.group_uuid))?.rule_generation).toBe(2);
    }
    expect(new Set(s.chunks.map((c) => c.jobId)).size).toBe(2);

    await s.fanOut({ tick: '2026-03-03T00:00:00.000Z', tenant });
    await s.drainSchedule();
    for (const g of groups) expect((await s.groups.get(g.group_uuid))?.rule_generation).toBe(3);
  });

  it('skips, and says why, a group deleted or paused after the fan-out queued it', async () => {
    const s = system();
    const tenant = randomUUID();
    const admin = adminOf(tenant);
    const gone = await automaticGroup(s, tenant);
    const paused = await automaticGroup(s, tenant);
    await s.fanOut({ tick: '2026-03-04T00:00:00.000Z', tenant });
    await s.deleteGroup(admin, gone.group_uuid);
    await s.updateGroup(admin, paused.group_uuid, { rule_processing: { state: 'paused' } });
    await s.drainSchedule();
    expect(s.outcomes).toEqual(
      expect.arrayContaining([
        { group_uuid: gone.group_uuid, outcome: 'skipped', reason: 'deleted' },
        { group_uuid: paused.group_uuid, outcome: 'skipped', reason: 'paused' },
      ]),
    );
    expect(s.chunks).toEqual([]);
  });
});
