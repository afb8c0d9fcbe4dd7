import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomIds, systemClock } from '#shared/clock';
import { makeCreateGroup } from '#shared/groups/create-group';
import type { RemovalGuard } from '#shared/groups/group';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeHistoryRepository } from '#shared/history/history-repository';
import { makeApplyGroupMemberRows } from '#shared/imports/apply-group-member-rows';
import { makeApplyMembershipRows } from '#shared/jobs/apply-membership-rows';
import { makeFinishJob } from '#shared/jobs/finish-job';
import { type JobRow, settledOutcomeCounts } from '#shared/jobs/job';
import { makeJobRepository } from '#shared/jobs/job-repository';
import { presentJob } from '#shared/jobs/present-job';
import { makeListJobResults } from '#shared/jobs/read-jobs';
import { makeStartMembershipJob } from '#shared/jobs/start-membership-job';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { makeFinishPendingRemovals } from '#shared/memberships/finish-pending-removals';
import { makeMembershipRepository, type MembershipRepository } from '#shared/memberships/membership-repository';
import { makeRemoveLearners, makeRemoveMembers } from '#shared/memberships/remove-learners';
import { makeRemoveOrQueue } from '#shared/memberships/remove-or-queue';
import type { Notification } from '#shared/notifications/notification';
import { removalsHeldNotifications } from '#shared/notifications/removals-held';
import { makeApproveRemovals, makeCancelRemovals } from '#shared/rules/decide-removals';
import { makeRemovalGuardStore } from '#shared/rules/removal-guard';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';
import { inlineJobQueue } from './fixtures/inline-job-queue';

let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('guardjobs');
});

/**
 * The job engine of bulk removals and group-member imports wired to DynamoDB Local with the removal
 * guard's finish step; queued chunks are collected for `deliver`, as the worker would get them.
 */
function engine(options: { memberships?: MembershipRepository } = {}) {
  const groups = makeGroupRepository(db, table);
  const learners = makeLearnerRepository(db, table);
  const memberships = options.memberships ?? makeMembershipRepository(db, table);
  const jobs = makeJobRepository(db, table);
  const notices: Notification[] = [];
  const store = makeRemovalGuardStore(db, table);
  const finishRemovals = makeFinishPendingRemovals({
    groups,
    memberships,
    jobs,
    removeMembers: makeRemoveMembers({ groups, memberships, clock: systemClock }),
    clock: systemClock,
    guard: {
      store,
      learners,
      notify: async (group, job, hold) =>
        void notices.push(...removalsHeldNotifications(group, job, hold, systemClock.now())),
    },
  });
  const finish = makeFinishJob(jobs, finishRemovals, systemClock);
  const deps = { groups, learners, memberships, clock: systemClock, ids: randomIds, branches: undefined as never };
  const assign = makeAssignLearners(deps);
  const remove = makeRemoveLearners(deps);
  const membershipRows = makeApplyMembershipRows(assign, remove);
  const importRows = makeApplyGroupMemberRows({
    assign,
    remove,
    getGroup: (id) => groups.get(id),
    findGroup: (tenant, kind, value) => groups.findByUnique(tenant, kind, value),
    findLearners: (tenant, kind, values) => learners.findUuids(tenant, kind, values),
  });
  const appliers = {
    assign_learners: membershipRows,
    remove_learners: membershipRows,
    import_group_members: importRows,
  };
  const { queued, startJob, applyChunk, deliver } = inlineJobQueue({ jobs, appliers, finish });
  const startMembershipJob = makeStartMembershipJob(groups, startJob);
  return {
    groups,
    jobs,
    memberships,
    queued,
    notices,
    assign,
    remove,
    startJob,
    startMembershipJob,
    applyChunk,
    history: makeHistoryRepository(db, table),
    results: makeListJobResults(jobs),
    removeOrQueue: makeRemoveOrQueue({ remove, startJob: startMembershipJob, groups, memberships }),
    putLearner: makePutLearner({ learners, memberships, clock: systemClock }),
    createGroup: makeCreateGroup(groups, systemClock, randomIds),
    approve: makeApproveRemovals({
      jobs,
      store,
      // Approving queues the job's last chunk again, for `deliver` to run its finish step.
      resumeFinish: async (job) =>
        void queued.push({ jobId: job.job_id, chunk: Math.max(0, (job.chunks_total ?? 1) - 1) }),
      clock: systemClock,
    }),
    cancel: makeCancelRemovals({ jobs, store, clock: systemClock }),
    deliver,
  };
}

type Engine = ReturnType<typeof engine>;

/** A manual group of 200 members (default guard unless given), in a tenant of its own. */
async function groupOf200(e: Engine, removalGuard?: RemovalGuard | null) {
  const tenant = randomUUID();
  const admin = adminOf(tenant);
  const uuids = Array.from({ length: 200 }, () => randomUUID());
  for (let i = 0; i < uuids.length; i += 25)
    await Promise.all(
      uuids.slice(i, i + 25).map((id) => e.putLearner(admin, tenant, id, { email: `${id}@example.com` })),
    );
  const group = await e.createGroup(admin, tenant, {
    name: `Guarded ${randomUUID()}`,
    notification_emails: ['owner@example.com'],
    ...(removalGuard !== undefined && { removal_guard: removalGuard }),
  });
  await e.assign(admin, group.group_uuid, { learner_uuids: uuids });
  expect(await memberCount(e, group.group_uuid)).toBe(200);
  return { tenant, admin, uuids, group };
}

const memberCount = async (e: Engine, groupUuid: string) => (await e.groups.get(groupUuid))!.member_count;

/** A remove job of the first `n` members, its chunks delivered; the job as it then stands. */
async function removeJob(e: Engine, s: Awaited<ReturnType<typeof groupOf200>>, n: number) {
  const job = await e.startMembershipJob(s.admin, s.group.group_uuid, 'remove_learners', {
    learner_uuids: s.uuids.slice(0, n),
  });
  await e.deliver();
  return (await e.jobs.get(job.job_id))!;
}

describe('the mass-removal guard of bulk removal jobs, remove_all and imports, against DynamoDB Local', () => {
  it('holds a remove job of 120 of 200 members before removing anyone, and says so', async () => {
    const e = engine();
    const s = await groupOf200(e);
    const job = await removeJob(e, s, 120);

    expect(job.status).toBe('awaiting_approval');
    expect(job.guard).toMatchObject({
      group_uuid: s.group.group_uuid,
      would_remove: 120,
      member_count: 200,
      percent: 60,
      max_percent: 20,
      min_removals: 50,
    });
    expect(job.guard!.sample).toHaveLength(10);
    expect(job.guard!.sample.every((m) => m.email === `${m.learner_uuid}@example.com`)).toBe(true);
    expect(job.outcome_counts).toEqual({ removal_pending: 120 });
    expect(await memberCount(e, s.group.group_uuid)).toBe(200);
    const held = (await e.history.list(s.group.group_uuid, 50)).items.filter((h) => h.action === 'removals_held');
    expect(held).toEqual([expect.objectContaining({ job_id: job.job_id, actor: s.admin.sub, guard: job.guard })]);
    expect(e.notices).toEqual([
      expect.objectContaining({ to: 'owner@example.com', context: expect.objectContaining({ would_remove: 120 }) }),
    ]);
    // The member each pending row names is the finish step's note, not part of the answer.
    const rows = await e.results(s.admin, job.job_id, { outcome: 'removal_pending', pageSize: 500 });
    expect(rows.count).toBe(120);
    expect(rows.items.every((r) => !('pending_removal' in r))).toBe(true);

    // The last chunk delivered again holds nothing twice and tells no one again.
    e.queued.push({ jobId: job.job_id, chunk: 0 });
    await e.deliver();
    const again = (await e.history.list(s.group.group_uuid, 50)).items.filter((h) => h.action === 'removals_held');
    expect(again).toHaveLength(1);
    expect(e.notices).toHaveLength(1);
  });

  it('cancelled, ends the job with all 200 kept and its rows removal_cancelled', async () => {
    const e = engine();
    const s = await groupOf200(e);
    const job = await removeJob(e, s, 120);
    const cancelled = await e.cancel(s.admin, job.job_id);
    expect(cancelled.status).toBe('cancelled');
    expect(await memberCount(e, s.group.group_uuid)).toBe(200);
    expect(presentJob(cancelled, { resultsUrl: 'https://x/' }).outcome_counts).toEqual({ removal_cancelled: 120 });
    expect((await e.results(s.admin, job.job_id, { outcome: 'removal_cancelled', pageSize: 500 })).count).toBe(120);
    const entry = (await e.history.list(s.group.group_uuid, 50)).items.find((h) => h.action === 'removals_cancelled');
    expect(entry).toMatchObject({ job_id: job.job_id, actor: s.admin.sub });
    e.queued.push({ jobId: job.job_id, chunk: 0 });
    await e.deliver();
    expect(await memberCount(e, s.group.group_uuid)).toBe(200);
  });

  it('approved, removes the 120 and leaves 80, counters exact', async () => {
    const e = engine();
    const s = await groupOf200(e);
    const job = await removeJob(e, s, 120);
    expect(await e.approve(s.admin, job.job_id)).toMatchObject({ status: 'running', approved_by: s.admin.sub });
    await e.deliver();

    const done = (await e.jobs.get(job.job_id))!;
    expect(done.status).toBe('succeeded');
    expect(done.outcome_counts).toEqual({ removal_pending: 0, removed: 120 });
    expect({ processed: done.processed, succeeded: done.succeeded, skipped: done.skipped }).toEqual({
      processed: 120,
      succeeded: 120,
      skipped: 0,
    });
    expect(await memberCount(e, s.group.group_uuid)).toBe(80);
    const actions = (await e.history.list(s.group.group_uuid, 100)).items.map((h) => h.action);
    expect(actions).toContain('removals_approved');
    // A redelivered chunk of the finished job counts nothing twice.
    e.queued.push({ jobId: job.job_id, chunk: 0 });
    await e.deliver();
    expect((await e.jobs.get(job.job_id))!.outcome_counts).toEqual(done.outcome_counts);
    await expect(e.approve(s.admin, job.job_id)).rejects.toMatchObject({ code: 'job_not_awaiting_approval' });
  });

  it('approved, computes the removals afresh: a learner removed and re-added meanwhile is kept (changed_since)', async () => {
    const e = engine();
    const s = await groupOf200(e);
    const job = await removeJob(e, s, 120);
    const readded = s.uuids[7]!;
    await e.remove(s.admin, s.group.group_uuid, { learner_uuids: [readded] });
    await e.assign(s.admin, s.group.group_uuid, { learner_uuids: [readded] });

    await e.approve(s.admin, job.job_id);
    await e.deliver();
    const done = (await e.jobs.get(job.job_id))!;
    expect(done.status).toBe('succeeded');
    expect(settledOutcomeCounts(done)).toEqual({ removed: 119, changed_since: 1 });
    expect(await memberCount(e, s.group.group_uuid)).toBe(81);
    const kept = await e.results(s.admin, job.job_id, { outcome: 'changed_since', pageSize: 10 });
    expect(kept.items.map((r) => r.identifier)).toEqual([readded]);
    expect(
      (await e.memberships.getMany(s.group.group_uuid, [{ learnerUuid: readded }])).values().next().value,
    ).toMatchObject({ status: 'active' });
  });

  it('completes the removals of a finish step that died half way, counting each once', async () => {
    const real = makeMembershipRepository(db, table);
    let commits = 0;
    let crash = false;
    // The worker dies after the first transaction of the approved removals: some are made, no row settled.
    const dying: MembershipRepository = {
      ...real,
      commit: async (...args) => {
        const outcome = await real.commit(...args);
        if (crash && ++commits === 1) throw new Error('worker killed');
        return outcome;
      },
    };
    const e = engine({ memberships: dying });
    const s = await groupOf200(e);
    const job = await removeJob(e, s, 120);
    await e.approve(s.admin, job.job_id);
    crash = true;
    await expect(e.deliver()).rejects.toThrow('worker killed');
    crash = false;
    const midway = (await e.jobs.get(job.job_id))!;
    expect(midway).toMatchObject({ status: 'running', outcome_counts: { removal_pending: 120 } });
    expect(await memberCount(e, s.group.group_uuid)).toBeLessThan(200);

    e.queued.push({ jobId: job.job_id, chunk: 0 });
    await e.deliver();
    const done = (await e.jobs.get(job.job_id))!;
    expect(done.status).toBe('succeeded');
    expect(settledOutcomeCounts(done)).toEqual({ removed: 120 });
    expect(done.processed).toBe(120);
    expect(await memberCount(e, s.group.group_uuid)).toBe(80);
  });

  it('lets a removal within the guard remove at once, and a group without a guard remove in its chunks', async () => {
    const e = engine();
    const within = await groupOf200(e);
    const small = await removeJob(e, within, 30);
    expect(small.status).toBe('succeeded');
    expect(settledOutcomeCounts(small)).toEqual({ removed: 30 });
    expect(small.guard).toBeNull();
    expect(await memberCount(e, within.group.group_uuid)).toBe(170);

    const off = await groupOf200(e, null);
    const unguarded = await removeJob(e, off, 120);
    expect(unguarded.status).toBe('succeeded');
    // No guard: the chunks removed them, with nothing left to settle.
    expect(unguarded.outcome_counts).toEqual({ removed: 120 });
    expect(await memberCount(e, off.group.group_uuid)).toBe(80);
  });

  it('turns remove_all in a guarded group into a job that waits; approved, it removes every member', async () => {
    const e = engine();
    const s = await groupOf200(e);
    const out = await e.removeOrQueue(s.admin, s.group.group_uuid, { remove_all: true });
    expect(out.job).toMatchObject({ kind: 'remove_learners', total: 200 });
    await e.deliver();
    const held = (await e.jobs.get(out.job!.job_id))!;
    expect(held.status).toBe('awaiting_approval');
    expect(held.guard).toMatchObject({ would_remove: 200, member_count: 200, percent: 100 });
    expect(await memberCount(e, s.group.group_uuid)).toBe(200);

    await e.approve(s.admin, held.job_id);
    await e.deliver();
    expect((await e.jobs.get(held.job_id))!.status).toBe('succeeded');
    expect(await memberCount(e, s.group.group_uuid)).toBe(0);

    // A group below min_removals, or without a guard, is emptied at once as before.
    const off = await groupOf200(e, null);
    const sync = await e.removeOrQueue(off.admin, off.group.group_uuid, { remove_all: true });
    expect(sync.sync).toMatchObject({ count: 200 });
    expect(await memberCount(e, off.group.group_uuid)).toBe(0);
  });

  it('holds an import whose removals pass the guard while its adds proceed', async () => {
    const e = engine();
    const s = await groupOf200(e);
    const newcomers = Array.from({ length: 5 }, () => randomUUID());
    for (const id of newcomers) await e.putLearner(s.admin, s.tenant, id, { email: `${id}@example.com` });
    const rows: JobRow[] = [
      ...s.uuids.slice(0, 120).map((id) => ({ group: s.group.group_uuid, identifier: id, action: 'remove' })),
      ...newcomers.map((id) => ({ group: s.group.name, identifier: `${id}@example.com`, action: 'add' })),
    ].map((input, index) => ({ index: index + 2, input }));
    const job = await e.startJob(
      {
        tenant: s.tenant,
        kind: 'import_group_members',
        target: {},
        source: { type: 'api', route: 'test', caller: s.admin.sub },
        sourceKey: `test:${randomUUID()}`,
        createdBy: s.admin.sub,
      },
      rows,
    );
    await e.deliver();
    const held = (await e.jobs.get(job.job_id))!;
    expect(held.status).toBe('awaiting_approval');
    expect(held.outcome_counts).toEqual({ removal_pending: 120, added: 5 });
    expect(held.guard).toMatchObject({ group_uuid: s.group.group_uuid, would_remove: 120, member_count: 205 });
    expect(await memberCount(e, s.group.group_uuid)).toBe(205);
    const entry = (await e.history.list(s.group.group_uuid, 50)).items.find((h) => h.action === 'removals_held');
    expect(entry).toMatchObject({ job_id: job.job_id });

    await e.approve(s.admin, job.job_id);
    await e.deliver();
    const done = (await e.jobs.get(job.job_id))!;
    expect(done.status).toBe('succeeded');
    expect(settledOutcomeCounts(done)).toEqual({ removed: 120, added: 5 });
    expect(await memberCount(e, s.group.group_uuid)).toBe(85);
  });
});
