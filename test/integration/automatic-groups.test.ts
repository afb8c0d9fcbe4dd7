import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomIds, systemClock } from '#shared/clock';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeUpdateGroup } from '#shared/groups/update-group';
import type { Job } from '#shared/jobs/job';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { makeRemoveLearners } from '#shared/memberships/remove-learners';
import { makeEndAbortedRun } from '#shared/rules/end-aborted-run';
import { makeRecalculateGroup } from '#shared/rules/read-rules';
import type { RulesetInput } from '#shared/rules/ruleset';
import { Ruleset } from '#shared/rules/ruleset';
import { makeRulesetHistoryRepository } from '#shared/rules/ruleset-history-repository';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';
import { ruleEngine } from './fixtures/rule-engine';

let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('rules');
});

/**
 * Automatic groups wired to DynamoDB Local; queued chunks are collected, and tests deliver them.
 * `afterChunkEvaluated` runs between a chunk's evaluation and its writes (a learner changing meanwhile).
 */
function system({
  afterChunkEvaluated,
  applyOnEnqueue = false,
}: {
  afterChunkEvaluated?: () => Promise<void>;
  /** Chunks are applied as soon as the planner queues them, while the job is still being planned. */
  applyOnEnqueue?: boolean;
} = {}) {
  let hook = afterChunkEvaluated;
  const engine = ruleEngine(db, table, {
    applyOnEnqueue,
    evaluateFor:
      (evaluate) =>
      async (...args) => {
        const evaluated = await evaluate(...args);
        const once = hook;
        hook = undefined;
        await once?.();
        return evaluated;
      },
  });
  const { groups, ports, startRecalculation } = engine;
  const deps = { ...engine, clock: systemClock, ids: randomIds };
  return {
    ...engine,
    queued: engine.chunks,
    recalculateGroup: makeRecalculateGroup(groups, startRecalculation),
    rulesetHistory: makeRulesetHistoryRepository(db, table),
    createGroup: makeCreateGroup(groups, systemClock, randomIds, ports),
    updateGroup: makeUpdateGroup(groups, systemClock, ports),
    assign: makeAssignLearners(deps),
    remove: makeRemoveLearners(deps),
  };
}

type System = ReturnType<typeof system>;

const dept = (value: string) => ({
  type: 'attribute' as const,
  payload: { field: 'department', op: 'equals' as const, value },
});
const levelAtLeast = (n: number) => ({
  type: 'attribute' as const,
  payload: { field: 'level', op: 'gte' as const, value: n },
});

/** 40 learners: departments cycle sales/hr/it/ops, level = index. */
async function tenantWithLearners(s: System) {
  const tenant = randomUUID();
  const admin = adminOf(tenant);
  const learners = Array.from({ length: 40 }, (_, i) => ({
    uuid: randomUUID(),
    department: ['sales', 'hr', 'it', 'ops'][i % 4]!,
    level: i,
  }));
  for (const l of learners) {
    await s.putLearner(admin, tenant, l.uuid, {
      email: `${l.uuid}@example.com`,
      attributes: { department: l.department, level: l.level },
    });
  }
  return { tenant, admin, learners };
}

async function ruleMembers(s: System, groupUuid: string) {
  const page = await s.memberships.list({ groupUuid, statuses: ['active'], pageSize: 1000 });
  return new Set(page.items.map((m) => m.learner_uuid));
}

describe('automatic groups against DynamoDB Local', () => {
  it('recalculates to exactly the learners a two-set OR ruleset matches, then to a new ruleset', async () => {
    const s = system();
    const { tenant, admin, learners } = await tenantWithLearners(s);
    const ruleset: RulesetInput = {
      operator: 'OR',
      sets: [{ rules: [dept('sales')] }, { rules: [dept('hr'), levelAtLeast(30)] }],
    };
    const created = await s.createGroup(admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse(ruleset),
    });
    expect(created.rule_processing).toMatchObject({ state: 'on', status: 'running' });
    await s.deliver();
    const expected = learners.filter((l) => l.department === 'sales' || (l.department === 'hr' && l.level >= 30));
    expect(await ruleMembers(s, created.group_uuid)).toEqual(new Set(expected.map((l) => l.uuid)));
    const done = await s.groups.get(created.group_uuid);
    expect(done).toMatchObject({ member_count: expected.length, rule_processing: { status: 'succeeded' } });

    await s.updateGroup(admin, created.group_uuid, {
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('it')] }] }),
    });
    await s.deliver();
    const it = learners.filter((l) => l.department === 'it').map((l) => l.uuid);
    expect(await ruleMembers(s, created.group_uuid)).toEqual(new Set(it));
    expect((await s.groups.get(created.group_uuid))?.member_count).toBe(it.length);
    const history = await s.rulesetHistory.list(created.group_uuid, 10);
    expect(history.items.map((v) => v.version)).toEqual([2, 1]);
  });

  it('moves a changed learner in and out without a recalculation', async () => {
    const s = system();
    const { tenant, admin, learners } = await tenantWithLearners(s);
    const group = await s.createGroup(admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('ops')] }] }),
    });
    await s.deliver();
    const hr = learners.find((l) => l.department === 'hr')!;
    await s.putLearner(admin, tenant, hr.uuid, { email: `${hr.uuid}@example.com`, attributes: { department: 'ops' } });
    expect(s.queued).toHaveLength(0);
    expect((await ruleMembers(s, group.group_uuid)).has(hr.uuid)).toBe(true);
    await s.putLearner(admin, tenant, hr.uuid, { email: `${hr.uuid}@example.com`, attributes: { department: 'hr' } });
    expect((await ruleMembers(s, group.group_uuid)).has(hr.uuid)).toBe(false);
  });

  it('keeps manual members and never revives a member an admin removed', async () => {
    const s = system();
    const { tenant, admin, learners } = await tenantWithLearners(s);
    const group = await s.createGroup(admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('sales')] }] }),
    });
    await s.deliver();
    const pinned = learners.find((l) => l.department === 'it')!;
    const excluded = learners.find((l) => l.department === 'sales')!;
    await s.assign(admin, group.group_uuid, { learner_uuids: [pinned.uuid] });
    await s.remove(admin, group.group_uuid, { learner_uuids: [excluded.uuid] });
    await s.startRecalculation(admin, (await s.groups.get(group.group_uuid))!);
    await s.deliver();
    const members = await ruleMembers(s, group.group_uuid);
    expect(members.has(pinned.uuid)).toBe(true);
    expect(members.has(excluded.uuid)).toBe(false);
    const sales = learners.filter((l) => l.department === 'sales' && l !== excluded).map((l) => l.uuid);
    expect(members).toEqual(new Set([...sales, pinned.uuid]));
  });

  it('pins a rule member an admin adds again: it stays when the rules stop matching', async () => {
    const s = system();
    const { tenant, admin, learners } = await tenantWithLearners(s);
    const group = await s.createGroup(admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('sales')] }] }),
    });
    await s.deliver();
    const pinned = learners.find((l) => l.department === 'sales')!;
    const summary = await s.assign(admin, group.group_uuid, { learner_uuids: [pinned.uuid] });
    expect(summary.results[0]).toMatchObject({ outcome: 'updated' });
    await s.updateGroup(admin, group.group_uuid, {
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('hr')] }] }),
    });
    await s.deliver();
    const hr = learners.filter((l) => l.department === 'hr').map((l) => l.uuid);
    expect(await ruleMembers(s, group.group_uuid)).toEqual(new Set([...hr, pinned.uuid]));
  });

  it('converges to the latest fields of learners that change while their chunk is applied', async () => {
    const midChunk: { change?: () => Promise<void> } = {};
    const s = system({ afterChunkEvaluated: () => midChunk.change!() });
    const { tenant, admin, learners } = await tenantWithLearners(s);
    const [leaving, joining] = [learners[0]!, learners[1]!]; // sales, hr
    // Between the chunk's evaluation and its writes: one matching learner stops matching, one starts.
    midChunk.change = async () => {
      await s.putLearner(admin, tenant, leaving.uuid, {
        email: `${leaving.uuid}@example.com`,
        attributes: { department: 'ops', level: leaving.level },
      });
      await s.putLearner(admin, tenant, joining.uuid, {
        email: `${joining.uuid}@example.com`,
        attributes: { department: 'sales', level: joining.level },
      });
    };
    const group = await s.createGroup(admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('sales')] }] }),
    });
    await s.deliver();
    const sales = learners.filter((l) => l.department === 'sales' && l !== leaving).map((l) => l.uuid);
    expect(await ruleMembers(s, group.group_uuid)).toEqual(new Set([...sales, joining.uuid]));
    expect(await s.groups.get(group.group_uuid)).toMatchObject({
      member_count: sales.length + 1,
      rule_processing: { status: 'succeeded' },
    });
  });

  it('lets only the newest of two racing runs write, whatever order their chunks arrive in', async () => {
    const s = system();
    const { tenant, admin, learners } = await tenantWithLearners(s);
    const group = await s.createGroup(admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('sales')] }] }),
    });
    // The first run (sales) is still queued when the ruleset changes to hr: deliver the new run first.
    await s.updateGroup(admin, group.group_uuid, {
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('hr')] }] }),
    });
    await s.deliver('lifo');
    const hr = learners.filter((l) => l.department === 'hr').map((l) => l.uuid);
    expect(await ruleMembers(s, group.group_uuid)).toEqual(new Set(hr));
    const jobs = await s.jobs.get((await s.groups.get(group.group_uuid))!.rule_processing!.job_id!);
    expect(jobs?.status).toBe('succeeded');
  });

  it('reports a run whose adds an inactive group refused as completed_with_errors, with the counts', async () => {
    const s = system();
    const { tenant, admin, learners } = await tenantWithLearners(s);
    const group = await s.createGroup(admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('sales')] }] }),
    });
    await s.deliver();
    // The run for sales OR hr is queued when the group turns inactive: its hr adds are refused.
    await s.updateGroup(admin, group.group_uuid, {
      ruleset: Ruleset.parse({ operator: 'OR', sets: [{ rules: [dept('sales')] }, { rules: [dept('hr')] }] }),
    });
    await s.updateGroup(admin, group.group_uuid, { status: 'inactive' });
    await s.deliver();
    const after = (await s.groups.get(group.group_uuid))!;
    const job = (await s.jobs.get(after.rule_processing!.job_id!))!;
    expect(job).toMatchObject({ status: 'completed_with_errors', processed: learners.length });
    expect(job.failed).toBeGreaterThanOrEqual(learners.filter((l) => l.department === 'hr').length);
    expect(after.rule_processing).toMatchObject({ status: 'completed_with_errors', job_id: job.job_id });
    expect(after.rule_processing!.error).toContain(
      `${job.failed} of ${learners.length} learners failed (${job.succeeded} applied, ${job.skipped} skipped)`,
    );
  });

  it('refuses to recalculate an inactive group by hand, starting no run', async () => {
    const s = system();
    const { tenant, admin } = await tenantWithLearners(s);
    const group = await s.createGroup(admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('sales')] }] }),
    });
    await s.deliver();
    await s.updateGroup(admin, group.group_uuid, { status: 'inactive' });
    await expect(s.recalculateGroup(admin, group.group_uuid)).rejects.toMatchObject({ code: 'group_inactive' });
    expect(await s.groups.get(group.group_uuid)).toMatchObject({
      rule_generation: 1,
      rule_processing: { status: 'succeeded', job_id: group.rule_processing!.job_id },
    });
  });

  it('ends the group run aborted and keeps processed within total when a chunk in flight outlives the abort', async () => {
    let tenant = '';
    let aborted: Job | undefined;
    const s = system({
      applyOnEnqueue: true,
      // The abort lands while the first chunk is being applied, before the planner saved its place.
      afterChunkEvaluated: async () => {
        const { items } = await s.jobs.list({ tenant, pageSize: 1 });
        aborted = await s.abortJob(adminOf(tenant), items[0]!.job_id);
      },
    });
    const made = await tenantWithLearners(s);
    tenant = made.tenant;
    const group = await s.createGroup(made.admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('sales')] }] }),
    });
    expect(aborted).toMatchObject({ status: 'aborted', processed: 0 });
    const job = (await s.jobs.get(aborted!.job_id))!;
    // The chunk in flight was applied and is counted, within the job's total.
    expect(job).toMatchObject({ status: 'aborted', processed: made.learners.length, total: made.learners.length });
    const sales = made.learners.filter((l) => l.department === 'sales').map((l) => l.uuid);
    expect(await ruleMembers(s, group.group_uuid)).toEqual(new Set(sales));
    const after = (await s.groups.get(group.group_uuid))!;
    expect(after.rule_processing).toMatchObject({ status: 'aborted', job_id: job.job_id });
    expect(after.rule_processing!.error).toContain('aborted by');
    expect(after.rule_processing!.last_membership_update).not.toBeNull();
  });

  it('ends the group run aborted when its recalculation is aborted before any chunk, and a retry is refused', async () => {
    const s = system();
    const { tenant, admin } = await tenantWithLearners(s);
    const group = await s.createGroup(admin, tenant, {
      name: `Auto ${randomUUID()}`,
      type: 'automatic',
      ruleset: Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('sales')] }] }),
    });
    const jobId = group.rule_processing!.job_id!;
    await s.abortJob(admin, jobId);
    await s.deliver();
    expect(await s.jobs.get(jobId)).toMatchObject({ status: 'aborted', processed: 0 });
    expect(await ruleMembers(s, group.group_uuid)).toEqual(new Set());
    expect((await s.groups.get(group.group_uuid))?.rule_processing).toMatchObject({ status: 'aborted', job_id: jobId });
    await expect(s.abortJob(admin, jobId)).rejects.toMatchObject({ code: 'job_already_ended' });
    // A later run owns the group: settling the aborted one again changes nothing.
    const next = await s.recalculateGroup(admin, group.group_uuid);
    await makeEndAbortedRun({ groups: s.groups, clock: systemClock })((await s.jobs.get(jobId))!);
    expect((await s.groups.get(group.group_uuid))?.rule_processing).toMatchObject({
      status: 'running',
      job_id: next.job_id,
    });
  });
});
