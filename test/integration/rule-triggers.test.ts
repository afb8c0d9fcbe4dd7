import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePutBranch } from '#shared/branches/put-branch';
import { randomIds, systemClock } from '#shared/clock';
import { makeApplyBatchParticipants } from '#shared/enrollments/apply-batch-participants';
import { makeApplyBulkEnrollment } from '#shared/enrollments/apply-bulk-enrollment';
import { makeBatchRepository } from '#shared/enrollments/batch-repository';
import { makeCompleteEnrollment } from '#shared/enrollments/complete-enrollment';
import { makeCreateBatch } from '#shared/enrollments/create-batch';
import { makeApplyBulkEnrollRows } from '#shared/enrollments/enrollment-jobs';
import { makeUsernameDirectory } from '#shared/enrollments/username-directory';
import { makeCreateGroup } from '#shared/groups/create-group';
import type { Job } from '#shared/jobs/job';
import { newJob } from '#shared/jobs/start-job';
import { type EvaluateLearners } from '#shared/rules/load-rule-facts';
import { makeRecalculateOnBranchMove } from '#shared/rules/recalculate-on-branch-move';
import { makeReevaluateEnrollees } from '#shared/rules/reevaluate-enrollees';
import { Ruleset, type RulesetInput } from '#shared/rules/ruleset';
import { adminOf, staff } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';
import { ruleEngine } from './fixtures/rule-engine';

let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('triggers');
});

const C1 = 'course-v1:Rules+Completion+1';

/**
 * Automatic groups with the triggers that are not learner writes — enrollment changes and branch
 * moves — wired to DynamoDB Local. `evaluateFor` lets a test slip a change in between a
 * recalculation chunk's evaluation and its write.
 */
function system(options: { evaluateFor?: (real: EvaluateLearners) => EvaluateLearners } = {}) {
  const engine = ruleEngine(db, table, options);
  const { groups, learners, memberships, enrollments, branches, evaluate, reconcile, ports, startRecalculation } =
    engine;
  const batches = makeBatchRepository(db, table);
  const onEnrollmentsChanged = makeReevaluateEnrollees({ groups, evaluate, reconcile });
  const bulkEnroll = makeApplyBulkEnrollment({
    learners,
    usernames: makeUsernameDirectory(db, table),
    enrollments,
    notify: async () => {},
    clock: systemClock,
    onEnrollmentsChanged,
  });
  return {
    groups,
    memberships,
    chunks: engine.chunks,
    startRecalculation,
    bulkEnroll,
    bulkEnrollRows: makeApplyBulkEnrollRows(bulkEnroll),
    participants: makeApplyBatchParticipants({
      batches,
      learners,
      enrollments,
      clock: systemClock,
      onEnrollmentsChanged,
    }),
    createBatch: makeCreateBatch(batches, systemClock, randomIds),
    complete: makeCompleteEnrollment(enrollments, systemClock, randomIds, onEnrollmentsChanged),
    createGroup: makeCreateGroup(groups, systemClock, randomIds, ports),
    putBranch: makePutBranch(branches, systemClock, makeRecalculateOnBranchMove({ groups, start: startRecalculation })),
    putLearner: engine.putLearner,
    deliver: () => engine.deliver(),
  };
}
type System = ReturnType<typeof system>;

const enrollmentRule = (status: 'enrolled' | 'completed' | 'not_enrolled'): RulesetInput => ({
  operator: 'AND',
  sets: [{ rules: [{ type: 'enrollment_status', payload: { course_id: C1, status } }] }],
});

async function tenantWith(s: System, count: number, fields: (i: number) => Record<string, unknown> = () => ({})) {
  const tenant = randomUUID();
  const uuids = Array.from({ length: count }, () => randomUUID());
  for (const [i, uuid] of uuids.entries())
    await s.putLearner(adminOf(tenant), tenant, uuid, { email: `${uuid}@example.com`, ...fields(i) });
  return { tenant, uuids, email: (i: number) => `${uuids[i]}@example.com` };
}

async function group(s: System, tenant: string, ruleset: RulesetInput) {
  const created = await s.createGroup(adminOf(tenant), tenant, {
    name: `Auto ${randomUUID()}`,
    type: 'automatic',
    ruleset: Ruleset.parse(ruleset),
  });
  await s.deliver();
  return created.group_uuid;
}

async function members(s: System, groupUuid: string) {
  const page = await s.memberships.list({ groupUuid, statuses: ['active'], pageSize: 1000 });
  return new Set(page.items.map((m) => m.learner_uuid));
}

const enroll = (tenant: string, identifiers: string[], opId: string, action: 'enroll' | 'unenroll' = 'enroll') => ({
  tenant,
  action,
  courses: [{ course_id: C1, cohort: null }],
  identifiers,
  autoEnroll: false,
  emailStudents: false,
  withCohorts: false,
  actor: staff.sub,
  opId,
});

describe('enrollment changes re-evaluate automatic groups with enrollment rules', () => {
  it('moves learners in and out as bulk_enroll, completions and batch participants change, without a recalculation', async () => {
    const s = system();
    const { tenant, uuids, email } = await tenantWith(s, 4);
    const enrolled = await group(s, tenant, enrollmentRule('enrolled'));
    const done = await group(s, tenant, enrollmentRule('completed'));
    const notEnrolled = await group(s, tenant, enrollmentRule('not_enrolled'));
    expect(await members(s, notEnrolled)).toEqual(new Set(uuids));

    await s.bulkEnroll(enroll(tenant, [email(0), email(1)], randomUUID()));
    expect(s.chunks).toEqual([]);
    expect(await members(s, enrolled)).toEqual(new Set([uuids[0], uuids[1]]));
    expect(await members(s, notEnrolled)).toEqual(new Set([uuids[2], uuids[3]]));

    await s.complete(adminOf(tenant), C1, uuids[0]!, { enterprise_customer_uuid: tenant });
    expect(await members(s, done)).toEqual(new Set([uuids[0]]));
    expect(await members(s, enrolled)).toEqual(new Set([uuids[1]]));

    const batch = await s.createBatch(adminOf(tenant), C1, {
      name: 'Cohort',
      enrollment_type: 'invite_only',
      enterprise_customer_uuid: tenant,
    });
    const participants = { batchId: batch.batch_id, identifierType: 'email' as const, actor: 'admin-1' };
    await s.participants({ ...participants, action: 'add', identifiers: [email(2)], opId: randomUUID() });
    expect(await members(s, enrolled)).toEqual(new Set([uuids[1], uuids[2]]));
    await s.participants({ ...participants, action: 'remove', identifiers: [email(2)], opId: randomUUID() });
    await s.bulkEnroll(enroll(tenant, [email(1)], randomUUID(), 'unenroll'));
    expect(await members(s, enrolled)).toEqual(new Set());
    expect(await members(s, notEnrolled)).toEqual(new Set([uuids[1], uuids[2], uuids[3]]));
    expect((await s.groups.get(notEnrolled))?.member_count).toBe(3);
    expect(s.chunks).toEqual([]);
  });

  it('applies a bulk_enroll job chunk to the groups once, however often the chunk is replayed', async () => {
    const s = system();
    const { tenant, uuids, email } = await tenantWith(s, 3);
    const enrolled = await group(s, tenant, enrollmentRule('enrolled'));
    const job: Job = {
      ...newJob(
        {
          tenant,
          kind: 'bulk_enroll',
          target: {
            action: 'enroll',
            courses: JSON.stringify([{ course_id: C1, cohort: null }]),
            auto_enroll: 'false',
            email_students: 'false',
            with_cohorts: 'false',
          },
          source: { type: 'api', route: 'bulk_enroll', caller: staff.sub },
          sourceKey: 'api:bulk_enroll',
          createdBy: staff.sub,
        },
        randomUUID(),
        systemClock.now(),
      ),
    };
    const rows = uuids.map((_, i) => ({ index: i, input: { identifier: email(i) } }));
    const first = await s.bulkEnrollRows(job, rows, `${job.job_id}#0`);
    expect(first.map((r) => r.outcome)).toEqual(['enrolled', 'enrolled', 'enrolled']);
    expect(await members(s, enrolled)).toEqual(new Set(uuids));
    const replay = await s.bulkEnrollRows(job, rows, `${job.job_id}#0`);
    expect(replay).toEqual(first);
    expect(await members(s, enrolled)).toEqual(new Set(uuids));
    expect((await s.groups.get(enrolled))?.member_count).toBe(3);
  });

  it('lets no recalculation chunk undo a completion that lands between its evaluation and its write', async () => {
    let race: (() => Promise<void>) | undefined;
    const s = system({
      evaluateFor: (real) => async (tenant, ruleset, learnerUuids) => {
        const result = await real(tenant, ruleset, learnerUuids);
        const run = race;
        race = undefined;
        await run?.();
        return result;
      },
    });
    const { tenant, uuids, email } = await tenantWith(s, 3);
    await s.bulkEnroll(enroll(tenant, [email(0), email(1)], randomUUID()));
    const done = await group(s, tenant, enrollmentRule('completed'));
    expect(await members(s, done)).toEqual(new Set());
    // A recalculation starts; its chunk reads learner 0 as enrolled, then the completion lands.
    const current = (await s.groups.get(done))!;
    await s.startRecalculation(adminOf(tenant), current);
    race = async () => void (await s.complete(adminOf(tenant), C1, uuids[0]!, { enterprise_customer_uuid: tenant }));
    await s.deliver();
    expect(race).toBeUndefined();
    expect(await members(s, done)).toEqual(new Set([uuids[0]]));
  });
});

describe('branch moves re-evaluate automatic groups with branch rules', () => {
  it('moves the learners of a moved subtree in and out of a descendants rule, through a recalculation', async () => {
    const s = system();
    const branchOf = ['paris', 'paris', 'tokyo', 'lyon'];
    const { tenant, uuids } = await tenantWith(s, 4, (i) => ({ branch_id: branchOf[i] }));
    const admin = adminOf(tenant);
    await s.putBranch(admin, tenant, 'emea', { name: 'EMEA' });
    await s.putBranch(admin, tenant, 'apac', { name: 'APAC' });
    await s.putBranch(admin, tenant, 'fr', { name: 'France', parent_id: 'apac' });
    await s.putBranch(admin, tenant, 'paris', { name: 'Paris', parent_id: 'fr' });
    await s.putBranch(admin, tenant, 'tokyo', { name: 'Tokyo', parent_id: 'apac' });
    await s.deliver();
    const emea = await group(s, tenant, {
      operator: 'AND',
      sets: [{ rules: [{ type: 'branch', payload: { branch_ids: ['emea'], include_descendants: true } }] }],
    });
    const exact = await group(s, tenant, {
      operator: 'AND',
      sets: [{ rules: [{ type: 'branch', payload: { branch_ids: ['paris'] } }] }],
    });
    expect(await members(s, emea)).toEqual(new Set());

    const move = await s.putBranch(admin, tenant, 'fr', { name: 'France', parent_id: 'emea' });
    expect(move.recalculations.map((r) => r.group_uuid)).toEqual([emea]);
    await s.deliver();
    expect(await members(s, emea)).toEqual(new Set([uuids[0], uuids[1]]));

    // A branch created under emea for learners who already carry it.
    const created = await s.putBranch(admin, tenant, 'lyon', { name: 'Lyon', parent_id: 'fr' });
    expect(created.recalculations.map((r) => r.group_uuid)).toEqual([emea]);
    await s.deliver();
    expect(await members(s, emea)).toEqual(new Set([uuids[0], uuids[1], uuids[3]]));

    const back = await s.putBranch(admin, tenant, 'fr', { name: 'France', parent_id: 'apac' });
    expect(back.recalculations).toHaveLength(1);
    await s.deliver();
    expect(await members(s, emea)).toEqual(new Set());
    expect((await s.groups.get(emea))?.member_count).toBe(0);
    expect(await members(s, exact)).toEqual(new Set([uuids[0], uuids[1]]));
    expect((await s.groups.get(exact))?.rule_generation).toBe(1);
  });
});
