import { describe, expect, it } from 'vitest';
import type { Group } from '#shared/groups/group';
import { makeFanOutRecalculations } from '#shared/rules/fan-out-recalculations';
import { ScheduledRecalculation, ScheduledTickEvent } from '#shared/rules/schemas';
import { makeStartScheduledRecalculation } from '#shared/rules/start-scheduled-recalculation';
import { aGroup, OTHER_TENANT, TENANT } from '../fakes';
import { anAutomaticGroup, fakeRuleGroups, recalculations } from './fake-rule-groups';

const TICK = '2026-03-01T00:00:00.000Z';
const NEXT_TICK = '2026-03-02T00:00:00.000Z';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, 'a')}`;

/** Active automatic groups 1–3 (3 in the other tenant), a paused one, an inactive one and a manual one. */
function tenantsWithGroups(): Group[] {
  return [
    anAutomaticGroup({ group_uuid: uuid(1) }),
    anAutomaticGroup({ group_uuid: uuid(2) }),
    anAutomaticGroup({ group_uuid: uuid(3) }, OTHER_TENANT),
    anAutomaticGroup({
      group_uuid: uuid(4),
      rule_processing: {
        state: 'paused',
        status: 'succeeded',
        last_membership_update: null,
        error: null,
        job_id: null,
      },
    }),
    anAutomaticGroup({ group_uuid: uuid(5), status: 'inactive' }),
    aGroup({ group_uuid: uuid(6) }),
  ];
}

function fanOut(groups: ReturnType<typeof fakeRuleGroups>) {
  const sent: ScheduledRecalculation[][] = [];
  const run = makeFanOutRecalculations({ groups, send: async (m) => void sent.push(m) });
  return { run, sent, messages: () => sent.flat() };
}

describe('scheduled fan-out', () => {
  it('queues one message per active automatic group with rules on, of every tenant, with the tick', async () => {
    const { run, messages } = fanOut(fakeRuleGroups(tenantsWithGroups()));
    const summary = await run({ tick: TICK });
    expect(messages()).toEqual([
      { group_uuid: uuid(1), enterprise_customer_uuid: TENANT, tick: TICK },
      { group_uuid: uuid(2), enterprise_customer_uuid: TENANT, tick: TICK },
      { group_uuid: uuid(3), enterprise_customer_uuid: OTHER_TENANT, tick: TICK },
    ]);
    expect(summary).toEqual({
      tick: TICK,
      tenant: null,
      queued: 3,
      skipped: { deleted: 0, manual: 0, inactive: 1, paused: 1, awaiting_approval: 0 },
    });
  });

  it('limits a run to one tenant when asked', async () => {
    const { run, messages } = fanOut(fakeRuleGroups(tenantsWithGroups()));
    const summary = await run({ tick: TICK, tenant: OTHER_TENANT });
    expect(messages().map((m) => m.group_uuid)).toEqual([uuid(3)]);
    expect(summary).toMatchObject({ tenant: OTHER_TENANT, queued: 1 });
  });

  it('queues every group of a large registry, reading the groups 100 at a time', async () => {
    const many = Array.from({ length: 250 }, (_, i) => anAutomaticGroup({ group_uuid: uuid(100 + i) }));
    const groups = fakeRuleGroups(many);
    const read: number[] = [];
    const getMany = groups.getMany;
    const { run, messages } = fanOut({ ...groups, getMany: (ids) => (read.push(ids.length), getMany(ids)) });
    expect((await run({ tick: TICK })).queued).toBe(250);
    expect(new Set(messages().map((m) => m.group_uuid)).size).toBe(250);
    expect(Math.max(...read)).toBeLessThanOrEqual(100);
  });

  it('fails when the queue refuses the messages, rather than reporting them queued', async () => {
    const run = makeFanOutRecalculations({
      groups: fakeRuleGroups(tenantsWithGroups()),
      send: async () => {
        throw new Error('SQS refused 2 messages after 5 attempts');
      },
    });
    await expect(run({ tick: TICK })).rejects.toThrow(/SQS refused/);
  });
});

describe('scheduled recalculation worker', () => {
  function worker(initial: Group[] = tenantsWithGroups()) {
    const groups = fakeRuleGroups(initial);
    const { start, started, reads } = recalculations(groups, [uuid(900), uuid(901)]);
    return { groups, started, reads, run: makeStartScheduledRecalculation({ groups, start }) };
  }
  const message = (n: number, tick = TICK) => ({ group_uuid: uuid(n), enterprise_customer_uuid: TENANT, tick });

  it("starts the group's recalculation over every learner of its tenant, as the schedule's job", async () => {
    const w = worker();
    const result = await w.run(message(1));
    expect(result).toEqual({ outcome: 'started', job_id: w.started[0]!.spec.jobId });
    expect(w.started).toHaveLength(1);
    expect(w.started[0]!.spec).toMatchObject({
      kind: 'recalculate_group',
      target: { group_uuid: uuid(1), generation: '1' },
      source: { type: 'schedule', tick: TICK },
      sourceKey: 'schedule:recalculate_group',
      createdBy: 'schedule',
    });
    expect(w.started[0]!.rows.map((r) => r.input.learner_uuid)).toEqual([uuid(900), uuid(901)]);
    expect(w.groups.byId.get(uuid(1))?.rule_processing).toMatchObject({ status: 'running', scheduled_tick: TICK });
  });

  it('starts one run per group and tick, however often the tick is delivered; the next tick runs again', async () => {
    const w = worker();
    await w.run(message(1));
    expect(await w.run(message(1))).toEqual({ outcome: 'skipped', reason: 'already_started' });
    expect(await w.run(message(1))).toEqual({ outcome: 'skipped', reason: 'already_started' });
    expect(w.started).toHaveLength(1);
    expect(w.groups.byId.get(uuid(1))?.rule_generation).toBe(1);
    // A duplicate is refused before the tenant's learners are read.
    expect(w.reads.learners).toBe(1);
    expect(await w.run(message(1, NEXT_TICK))).toMatchObject({ outcome: 'started' });
    expect(w.groups.byId.get(uuid(1))?.rule_generation).toBe(2);
  });

  it('skips a late duplicate of an older tick', async () => {
    const w = worker();
    await w.run(message(1, NEXT_TICK));
    expect(await w.run(message(1, TICK))).toEqual({ outcome: 'skipped', reason: 'already_started' });
    expect(w.started).toHaveLength(1);
  });

  it('starts nothing when a duplicate claims the tick between its read and its start', async () => {
    const w = worker();
    const stale = await w.groups.get(uuid(1));
    await w.run(message(1));
    // The duplicate read the group before the first delivery claimed the tick.
    const racing = makeStartScheduledRecalculation({
      groups: { get: async () => stale },
      start: recalculations(w.groups).start,
    });
    expect(await racing(message(1))).toEqual({ outcome: 'skipped', reason: 'already_started' });
    expect(w.groups.byId.get(uuid(1))?.rule_generation).toBe(1);
  });

  it.each([
    [4, 'paused'],
    [5, 'inactive'],
    [6, 'manual'],
    [7, 'deleted'],
  ] as const)('skips group %i, which is %s by the time its message arrives', async (n, reason) => {
    const w = worker();
    expect(await w.run(message(n))).toEqual({ outcome: 'skipped', reason });
    expect(w.started).toEqual([]);
  });

  it('skips a group paused after it was read, before its run began', async () => {
    const w = worker();
    const read = await w.groups.get(uuid(1));
    w.groups.byId.get(uuid(1))!.rule_processing!.state = 'paused';
    const late = makeStartScheduledRecalculation({
      groups: { get: async () => read },
      start: recalculations(w.groups).start,
    });
    expect(await late(message(1))).toEqual({ outcome: 'skipped', reason: 'paused' });
    expect(w.groups.byId.get(uuid(1))?.rule_generation).toBe(0);
  });
});

describe('schedule events', () => {
  it('takes the tick from an EventBridge Scheduled Event, in one ISO form', () => {
    const parsed = ScheduledTickEvent.parse({
      'detail-type': 'Scheduled Event',
      time: '2026-03-01T00:00:00Z',
      detail: {},
    });
    expect(parsed).toEqual({ time: '2026-03-01T00:00:00.000Z', detail: {} });
    expect(ScheduledTickEvent.parse({ time: '2026-03-01T01:00:00+01:00' }).time).toBe('2026-03-01T00:00:00.000Z');
  });

  it('refuses a tick without a time and a tenant that is no uuid', () => {
    expect(ScheduledTickEvent.safeParse({ detail: {} }).success).toBe(false);
    expect(ScheduledTickEvent.safeParse({ time: TICK, detail: { enterprise_customer_uuid: 'x' } }).success).toBe(false);
  });
});
