import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomIds, systemClock } from '#shared/clock';
import { makeCreateGroup } from '#shared/groups/create-group';
import type { RemovalGuard } from '#shared/groups/group';
import { makeUpdateGroup } from '#shared/groups/update-group';
import { makeHistoryRepository } from '#shared/history/history-repository';
import { makeListJobResults } from '#shared/jobs/read-jobs';
import { settledOutcomeCounts } from '#shared/jobs/job';
import { presentJob } from '#shared/jobs/present-job';
import { Ruleset } from '#shared/rules/ruleset';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';
import { ruleEngine } from './fixtures/rule-engine';

let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('guard');
});

function system() {
  const engine = ruleEngine(db, table);
  return {
    ...engine,
    createGroup: makeCreateGroup(engine.groups, systemClock, randomIds, engine.ports),
    updateGroup: makeUpdateGroup(engine.groups, systemClock, engine.ports),
    history: makeHistoryRepository(db, table),
    results: makeListJobResults(engine.jobs),
  };
}

type System = ReturnType<typeof system>;

const dept = (value: string) => ({
  type: 'attribute' as const,
  payload: { field: 'department', op: 'equals' as const, value },
});
const everyone = Ruleset.parse({
  operator: 'AND',
  sets: [{ rules: [{ type: 'attribute', payload: { field: 'level', op: 'gte', value: 0 } }] }],
});
const onlyA = Ruleset.parse({ operator: 'AND', sets: [{ rules: [dept('a')] }] });

/** 200 learners: 80 of department `a`, 120 of `b`; an automatic group of all of them. */
async function groupOf200(s: System, removalGuard?: RemovalGuard | null) {
  const tenant = randomUUID();
  const admin = adminOf(tenant);
  const learners = Array.from({ length: 200 }, (_, i) => ({ uuid: randomUUID(), department: i < 80 ? 'a' : 'b' }));
  for (let i = 0; i < learners.length; i += 25)
    await Promise.all(
      learners.slice(i, i + 25).map((l) =>
        s.putLearner(admin, tenant, l.uuid, {
          email: `${l.uuid}@example.com`,
          attributes: { department: l.department, level: 1 },
        }),
      ),
    );
  const group = await s.createGroup(admin, tenant, {
    name: `Guarded ${randomUUID()}`,
    type: 'automatic',
    ruleset: everyone,
    notification_emails: ['owner@example.com', 'deputy@example.com'],
    ...(removalGuard !== undefined && { removal_guard: removalGuard }),
  });
  await s.deliver();
  expect((await s.groups.get(group.group_uuid))?.member_count).toBe(200);
  return { tenant, admin, learners, group };
}

async function memberCount(s: System, groupUuid: string) {
  return (await s.groups.get(groupUuid))!.member_count;
}

/** Edits the ruleset to department `a` only (120 of 200 no longer match) and runs the recalculation's chunks. */
async function narrow(s: System, admin: ReturnType<typeof adminOf>, groupUuid: string) {
  await s.updateGroup(admin, groupUuid, { ruleset: onlyA });
  const jobId = (await s.groups.get(groupUuid))!.rule_processing!.job_id!;
  await s.deliver();
  return jobId;
}

describe('the mass-removal guard of a recalculation, against DynamoDB Local', () => {
  it('holds a run that would remove 120 of 200 members before removing anyone, and says so', async () => {
    const s = system();
    const { admin, group } = await groupOf200(s);
    const jobId = await narrow(s, admin, group.group_uuid);

    const job = (await s.jobs.get(jobId))!;
    expect(job.status).toBe('awaiting_approval');
    expect(job.guard).toMatchObject({
      would_remove: 120,
      member_count: 200,
      percent: 60,
      max_percent: 20,
      min_removals: 50,
    });
    expect(job.guard!.sample).toHaveLength(10);
    expect(job.guard!.sample.every((m) => m.email === `${m.learner_uuid}@example.com`)).toBe(true);
    expect(job.outcome_counts).toEqual({ already_member: 80, removal_pending: 120 });
    expect(await memberCount(s, group.group_uuid)).toBe(200);
    expect((await s.groups.get(group.group_uuid))!.rule_processing!.status).toBe('awaiting_approval');

    const entries = (await s.history.list(group.group_uuid, 50)).items;
    expect(entries.filter((e) => e.action === 'removals_held')).toEqual([
      expect.objectContaining({ job_id: jobId, actor: 'rules', guard: job.guard }),
    ]);
    expect(s.notices.map((n) => n.to).sort()).toEqual(['deputy@example.com', 'owner@example.com']);
    expect(s.notices[0]).toMatchObject({
      template: 'removals_awaiting_approval',
      context: { job_id: jobId, would_remove: 120, member_count: 200 },
    });

    // A second delivery of the last chunk (a redelivered message) holds nothing twice and tells no one again.
    s.chunks.push({ jobId, chunk: 0 });
    await s.deliver();
    expect((await s.history.list(group.group_uuid, 50)).items.filter((e) => e.action === 'removals_held')).toHaveLength(
      1,
    );
    expect(s.notices).toHaveLength(2);
  });

  it('approved, removes the members stale then (not those counted at the hold) and settles every row', async () => {
    const s = system();
    const { tenant, admin, learners, group } = await groupOf200(s);
    const jobId = await narrow(s, admin, group.group_uuid);
    expect((await s.jobs.get(jobId))!.status).toBe('awaiting_approval');

    // While it waits, one of the 120 moves to department `a`: its own evaluation keeps it.
    const mover = learners[150]!;
    await s.putLearner(admin, tenant, mover.uuid, {
      email: `${mover.uuid}@example.com`,
      attributes: { department: 'a', level: 1 },
    });

    const approved = await s.approveRemovals(admin, jobId);
    expect(approved).toMatchObject({ status: 'running', approved_by: admin.sub });
    await s.deliver();

    const job = (await s.jobs.get(jobId))!;
    expect(job.status).toBe('succeeded');
    expect(settledOutcomeCounts(job)).toEqual({ already_member: 80, removed: 119, changed_since: 1 });
    expect({ succeeded: job.succeeded, skipped: job.skipped, processed: job.processed }).toEqual({
      succeeded: 119,
      skipped: 81,
      processed: 200,
    });
    expect(await memberCount(s, group.group_uuid)).toBe(81);
    const moved = await s.results(admin, jobId, { outcome: 'changed_since', pageSize: 10 });
    expect(moved.items.map((r) => r.identifier)).toEqual([mover.uuid]);
    expect((await s.results(admin, jobId, { outcome: 'removed', pageSize: 500 })).count).toBe(119);
    expect((await s.groups.get(group.group_uuid))!.rule_processing).toMatchObject({ status: 'succeeded' });
    const actions = (await s.history.list(group.group_uuid, 100)).items.map((e) => e.action);
    expect(actions).toContain('removals_approved');

    // Approving again is refused: it no longer waits.
    await expect(s.approveRemovals(admin, jobId)).rejects.toMatchObject({ code: 'job_not_awaiting_approval' });
  });

  it('cancelled, ends the job with nobody removed, and reports the held rows as removal_cancelled', async () => {
    const s = system();
    const { admin, group } = await groupOf200(s);
    const jobId = await narrow(s, admin, group.group_uuid);

    const cancelled = await s.cancelRemovals(admin, jobId);
    expect(cancelled.status).toBe('cancelled');
    expect(await memberCount(s, group.group_uuid)).toBe(200);
    expect((await s.groups.get(group.group_uuid))!.rule_processing).toMatchObject({ status: 'cancelled' });
    const shown = presentJob(cancelled, { resultsUrl: 'https://x/' });
    expect(shown.outcome_counts).toEqual({ already_member: 80, removal_cancelled: 120 });
    const rows = await s.results(admin, jobId, { outcome: 'removal_cancelled', pageSize: 500 });
    expect(rows.count).toBe(120);
    expect(rows.items).toHaveLength(120);
    expect((await s.results(admin, jobId, { outcome: 'removal_pending', pageSize: 10 })).count).toBe(0);
    const entry = (await s.history.list(group.group_uuid, 100)).items.find((e) => e.action === 'removals_cancelled');
    expect(entry).toMatchObject({ job_id: jobId, actor: admin.sub });

    // Nothing of it runs later: a redelivered chunk of a cancelled job changes nothing.
    s.chunks.push({ jobId, chunk: 0 });
    await s.deliver();
    expect(await memberCount(s, group.group_uuid)).toBe(200);
    await expect(s.cancelRemovals(admin, jobId)).rejects.toMatchObject({ code: 'job_not_awaiting_approval' });
  });

  it('a newer ruleset edit cancels the held run and decides the removals itself', async () => {
    const s = system();
    const { admin, group } = await groupOf200(s);
    const held = await narrow(s, admin, group.group_uuid);
    // Back to everyone: the new run removes nobody, so it is not held, and the old one is cancelled.
    await s.updateGroup(admin, group.group_uuid, { ruleset: everyone });
    expect((await s.jobs.get(held))!.status).toBe('cancelled');
    await s.deliver();
    expect(await memberCount(s, group.group_uuid)).toBe(200);
    expect((await s.groups.get(group.group_uuid))!.rule_processing).toMatchObject({ status: 'succeeded' });
    await expect(s.approveRemovals(admin, held)).rejects.toMatchObject({ code: 'job_not_awaiting_approval' });
  });

  it('lets a run under the guard remove at once, and a group without a guard too', async () => {
    const s = system();
    const loose = await groupOf200(s, { max_percent: 70, min_removals: 50 });
    const jobId = await narrow(s, loose.admin, loose.group.group_uuid);
    const looseJob = (await s.jobs.get(jobId))!;
    expect(looseJob.status).toBe('succeeded');
    expect(settledOutcomeCounts(looseJob)).toEqual({ already_member: 80, removed: 120 });
    expect(await memberCount(s, loose.group.group_uuid)).toBe(80);

    const off = await groupOf200(s, null);
    const offJob = await narrow(s, off.admin, off.group.group_uuid);
    const unguarded = (await s.jobs.get(offJob))!;
    expect(unguarded.status).toBe('succeeded');
    // No guard: the chunks removed them, with nothing left to settle.
    expect(unguarded.outcome_counts).toEqual({ already_member: 80, removed: 120 });
    expect(await memberCount(s, off.group.group_uuid)).toBe(80);
  });
});
