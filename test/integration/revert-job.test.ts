import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomIds, systemClock } from '#shared/clock';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeHistoryRepository } from '#shared/history/history-repository';
import { makeApplyMembershipRows } from '#shared/jobs/apply-membership-rows';
import { makeApplyRevertRows } from '#shared/jobs/apply-revert-rows';
import { makeFinishJob } from '#shared/jobs/finish-job';
import { type Job, settledOutcomeCounts } from '#shared/jobs/job';
import { makeJobRepository } from '#shared/jobs/job-repository';
import { makeRevertJob, targetGroupsOf } from '#shared/jobs/revert-job';
import { makeStartMembershipJob } from '#shared/jobs/start-membership-job';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { makeMembershipRepository, type MembershipRepository } from '#shared/memberships/membership-repository';
import { makeFinishPendingRemovals } from '#shared/memberships/finish-pending-removals';
import { makeRemoveLearners, makeRemoveMembers } from '#shared/memberships/remove-learners';
import { makeRemovalGuardStore } from '#shared/rules/removal-guard';
import { makeRevertMemberChanges } from '#shared/memberships/revert-member-changes';
import { makeUpdateGroup } from '#shared/groups/update-group';
import { Ruleset } from '#shared/rules/ruleset';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';
import { inlineJobQueue } from './fixtures/inline-job-queue';
import { ruleEngine } from './fixtures/rule-engine';

let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('revert');
});

/** The engine with assign, remove and revert jobs wired to DynamoDB Local; tests deliver the queued chunks. */
function engine(options: { memberships?: MembershipRepository } = {}) {
  const groups = makeGroupRepository(db, table);
  const learners = makeLearnerRepository(db, table);
  const real = makeMembershipRepository(db, table);
  const memberships = options.memberships ?? real;
  const jobs = makeJobRepository(db, table);
  // A bulk removal's finish step makes the removals its chunks left pending (the removal guard's).
  const finishRemovals = makeFinishPendingRemovals({
    groups,
    memberships: real,
    jobs,
    removeMembers: makeRemoveMembers({ groups, memberships: real, clock: systemClock }),
    clock: systemClock,
    guard: { store: makeRemovalGuardStore(db, table), learners, notify: async () => {} },
  });
  const finish = makeFinishJob(
    jobs,
    async (job) => void (job.kind === 'remove_learners' && (await finishRemovals(job))),
    systemClock,
  );
  const deps = {
    groups,
    learners,
    memberships: real,
    clock: systemClock,
    ids: randomIds,
    branches: undefined as never,
  };
  const assign = makeAssignLearners(deps);
  const remove = makeRemoveLearners(deps);
  const membershipRows = makeApplyMembershipRows(assign, remove);
  const revertRows = makeApplyRevertRows(makeRevertMemberChanges({ groups, memberships, clock: systemClock }));
  const appliers = { assign_learners: membershipRows, remove_learners: membershipRows, revert: revertRows };
  const { queued, startJob, applyChunk, deliver } = inlineJobQueue({ jobs, appliers, finish });
  return {
    groups,
    jobs,
    memberships: real,
    queued,
    assign,
    remove,
    applyChunk,
    deliver,
    putLearner: makePutLearner({ learners, memberships: real, clock: systemClock }),
    startMembershipJob: makeStartMembershipJob(groups, startJob),
    createGroup: makeCreateGroup(groups, systemClock, randomIds),
    revertJob: makeRevertJob({
      jobs,
      history: makeHistoryRepository(db, table),
      groupsOf: async (job) => targetGroupsOf(job) ?? [],
      startJob,
      clock: systemClock,
    }),
  };
}
type Engine = ReturnType<typeof engine>;

const tenant = randomUUID();
const admin = adminOf(tenant);

async function learnersOf(e: Engine, n: number) {
  const uuids: string[] = [];
  for (let i = 0; i < n; i += 50)
    uuids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, async () => {
          const id = randomUUID();
          await e.putLearner(admin, tenant, id, { email: `${id}@example.com` });
          return id;
        }),
      )),
    );
  return uuids;
}

async function finished(e: Engine, job: Job) {
  await e.deliver();
  return (await e.jobs.get(job.job_id))!;
}

const memberCount = async (e: Engine, groupUuid: string) => (await e.groups.get(groupUuid))!.member_count;

async function statusOf(e: Engine, groupUuid: string, learnerUuid: string) {
  return (await e.memberships.getMany(groupUuid, [{ learnerUuid }])).get(`L#${learnerUuid}`)?.status;
}

describe('reverting a job, against DynamoDB Local', () => {
  it('removes exactly the members an assign job added, leaving those added or touched by hand since', async () => {
    const e = engine();
    const group = await e.createGroup(admin, tenant, { name: `Revert ${randomUUID()}` });
    const uuids = await learnersOf(e, 620);
    const [byHand] = await learnersOf(e, 1);
    const job = await finished(
      e,
      await e.startMembershipJob(admin, group.group_uuid, 'assign_learners', { learner_uuids: uuids }),
    );
    expect(job).toMatchObject({ status: 'succeeded', succeeded: 620 });
    // Meanwhile: a member added by hand, one of the job's removed and added again, another given a permission.
    await e.assign(admin, group.group_uuid, { learner_uuids: [byHand!] });
    await e.remove(admin, group.group_uuid, { learner_uuids: [uuids[3]!] });
    await e.assign(admin, group.group_uuid, { learner_uuids: [uuids[3]!] });
    await e.assign(admin, group.group_uuid, { learner_uuids: [uuids[600]!], permissions: ['MARKER'] });

    const revert = await e.revertJob(admin, job.job_id);
    expect(revert).toMatchObject({ kind: 'revert', reverts: job.job_id, total: 620, chunks_total: 2 });
    const done = await finished(e, revert);
    expect(done).toMatchObject({
      status: 'succeeded',
      processed: 620,
      succeeded: 618,
      skipped: 2,
      outcome_counts: { removed: 618, changed_since: 2 },
    });
    expect((await e.jobs.get(job.job_id))?.reverted_by).toBe(revert.job_id);
    const skipped = await e.jobs.results(revert.job_id, { outcome: 'changed_since', pageSize: 10 });
    expect(skipped.items.map((r) => r.identifier).sort()).toEqual([uuids[3], uuids[600]].sort());
    expect(await memberCount(e, group.group_uuid)).toBe(3);
    expect(await statusOf(e, group.group_uuid, byHand!)).toBe('active');
    expect(await statusOf(e, group.group_uuid, uuids[0]!)).toBe('removed');

    // Twice is refused; the revert itself may be reverted, which redoes the job's adds.
    await expect(e.revertJob(admin, job.job_id)).rejects.toMatchObject({ code: 'job_already_reverted' });
    const redo = await finished(e, await e.revertJob(admin, revert.job_id));
    expect(redo).toMatchObject({ status: 'succeeded', processed: 618, outcome_counts: { revived: 618 } });
    expect(await memberCount(e, group.group_uuid)).toBe(621);
  });

  it('revives the members a remove job removed with their home group and permissions, up to the user limit', async () => {
    const e = engine();
    const group = await e.createGroup(admin, tenant, { name: `Revive ${randomUUID()}`, user_limit: 10 });
    const uuids = await learnersOf(e, 10);
    await e.assign(admin, group.group_uuid, { learner_uuids: uuids, home_group: true, permissions: ['MARKER'] });
    const removal = await finished(
      e,
      await e.startMembershipJob(admin, group.group_uuid, 'remove_learners', { learner_uuids: uuids }),
    );
    // As the API shows them: a guarded removal's rows settle from removal_pending to removed.
    expect(settledOutcomeCounts(removal)).toEqual({ removed: 10 });
    // Two seats taken by hand meanwhile: only eight of the ten fit back.
    const others = await learnersOf(e, 2);
    await e.assign(admin, group.group_uuid, { learner_uuids: others });

    const revert = await finished(e, await e.revertJob(admin, removal.job_id));
    expect(revert).toMatchObject({ processed: 10, outcome_counts: { revived: 8, over_capacity: 2 } });
    expect(await memberCount(e, group.group_uuid)).toBe(10);
    const revived = (await e.jobs.results(revert.job_id, { outcome: 'revived', pageSize: 10 })).items.map(
      (r) => r.identifier,
    );
    const memberships = await e.memberships.getMany(
      group.group_uuid,
      revived.map((learnerUuid) => ({ learnerUuid })),
    );
    const homes = await e.memberships.homeGroupsOf(
      tenant,
      revived.map((learnerUuid) => ({ learnerUuid })),
    );
    for (const uuid of revived) {
      expect(memberships.get(`L#${uuid}`)).toMatchObject({ status: 'active', permissions: ['MARKER'] });
      expect(homes.get(`L#${uuid}`)).toBe(group.group_uuid);
    }
  });

  it('counts a revert chunk delivered twice once, and completes one whose worker died half way', async () => {
    const real = makeMembershipRepository(db, table);
    let commits = 0;
    let crash = false;
    const dying: MembershipRepository = {
      ...real,
      commit: async (...args) => {
        const outcome = await real.commit(...args);
        if (crash && ++commits === 2) throw new Error('worker killed');
        return outcome;
      },
    };
    const e = engine({ memberships: dying });
    const group = await e.createGroup(admin, tenant, { name: `Redelivered ${randomUUID()}` });
    const uuids = await learnersOf(e, 300);
    const job = await finished(
      e,
      await e.startMembershipJob(admin, group.group_uuid, 'assign_learners', { learner_uuids: uuids }),
    );
    const revert = await e.revertJob(admin, job.job_id);
    e.queued.length = 0;
    crash = true;
    await expect(e.applyChunk(revert.job_id, 0, { lastAttempt: false })).rejects.toThrow('worker killed');
    expect(await memberCount(e, group.group_uuid)).toBe(300 - 2 * 98);
    crash = false;
    expect(await e.applyChunk(revert.job_id, 0, { lastAttempt: false })).toBe('applied');
    expect(await e.applyChunk(revert.job_id, 0, { lastAttempt: false })).toBe('job_ended');
    expect(await e.jobs.get(revert.job_id)).toMatchObject({
      status: 'succeeded',
      processed: 300,
      outcome_counts: { removed: 300 },
    });
    expect(await memberCount(e, group.group_uuid)).toBe(0);
  });

  it("revives the members a recalculation's sweep removed, as rule members", async () => {
    const e = engine();
    const rules = ruleEngine(db, table);
    const owner = adminOf(randomUUID());
    const tenantUuid = [...owner.enterprises][0]!;
    const learners = Array.from({ length: 20 }, (_, i) => ({ uuid: randomUUID(), department: i < 8 ? 'a' : 'b' }));
    for (const l of learners)
      await rules.putLearner(owner, tenantUuid, l.uuid, {
        email: `${l.uuid}@example.com`,
        attributes: { department: l.department },
      });
    const ruleset = (value?: string) =>
      Ruleset.parse({
        operator: 'AND',
        sets: [
          {
            rules: [
              value
                ? { type: 'attribute', payload: { field: 'department', op: 'equals', value } }
                : { type: 'attribute', payload: { field: 'department', op: 'is_not_empty' } },
            ],
          },
        ],
      });
    const group = await makeCreateGroup(
      rules.groups,
      systemClock,
      randomIds,
      rules.ports,
    )(owner, tenantUuid, {
      name: `Rules ${randomUUID()}`,
      type: 'automatic',
      ruleset: ruleset(),
      removal_guard: null,
    });
    await rules.deliver();
    expect(await memberCount(e, group.group_uuid)).toBe(20);
    await makeUpdateGroup(rules.groups, systemClock, rules.ports)(owner, group.group_uuid, { ruleset: ruleset('a') });
    const runId = (await rules.groups.get(group.group_uuid))!.rule_processing!.job_id!;
    await rules.deliver();
    expect(await rules.jobs.get(runId)).toMatchObject({ status: 'succeeded' });
    expect(await memberCount(e, group.group_uuid)).toBe(8);

    const revert = await finished(e, await e.revertJob(owner, runId));
    expect(revert).toMatchObject({ status: 'succeeded', processed: 12, outcome_counts: { revived: 12 } });
    expect(await memberCount(e, group.group_uuid)).toBe(20);
    const back = await e.memberships.getMany(
      group.group_uuid,
      learners.slice(8).map((l) => ({ learnerUuid: l.uuid })),
    );
    for (const m of back.values()) expect(m).toMatchObject({ status: 'active', source: 'rule' });
  });

  it('refuses a job that has not ended', async () => {
    const e = engine();
    const group = await e.createGroup(admin, tenant, { name: `Running ${randomUUID()}` });
    const uuids = await learnersOf(e, 2);
    const job = await e.startMembershipJob(admin, group.group_uuid, 'assign_learners', { learner_uuids: uuids });
    await expect(e.revertJob(admin, job.job_id)).rejects.toMatchObject({ code: 'job_not_finished' });
  });

  it('undoes a 5,000-row assign job of invitations exactly', async () => {
    const e = engine();
    const group = await e.createGroup(admin, tenant, { name: `Large ${randomUUID()}` });
    const emails = Array.from({ length: 5000 }, (_, i) => `invitee-${i}-${randomUUID()}@example.com`);
    const job = await finished(
      e,
      await e.startMembershipJob(admin, group.group_uuid, 'assign_learners', { learner_emails: emails }),
    );
    expect(job.outcome_counts).toEqual({ invited: 5000 });
    const revert = await finished(e, await e.revertJob(admin, job.job_id));
    expect(revert).toMatchObject({ status: 'succeeded', processed: 5000, outcome_counts: { removed: 5000 } });
    expect(await memberCount(e, group.group_uuid)).toBe(0);
  }, 120_000);
});
