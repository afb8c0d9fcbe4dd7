import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBranchRepository } from '#shared/branches/branch-repository';
import { randomIds, systemClock } from '#shared/clock';
import { makeApplyBulkEnrollment } from '#shared/enrollments/apply-bulk-enrollment';
import { makeBatchRepository } from '#shared/enrollments/batch-repository';
import { makeEnrollGroupMembers } from '#shared/enrollments/enroll-group-members';
import { makeApplyBulkEnrollRows } from '#shared/enrollments/enrollment-jobs';
import { makeEnrollmentRepository } from '#shared/enrollments/enrollment-repository';
import { makeFulfillAllowedEnrollments } from '#shared/enrollments/fulfill-allowed-enrollments';
import {
  makeApplyModuleEnrollmentRows,
  makePlanModuleEnrollment,
  makeStartModuleEnrollment,
} from '#shared/enrollments/learning-module-jobs';
import { makeUsernameDirectory } from '#shared/enrollments/username-directory';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeUpdateGroup } from '#shared/groups/update-group';
import type { Job } from '#shared/jobs/job';
import { makeJobRepository } from '#shared/jobs/job-repository';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import { makeReconcileRuleMembers } from '#shared/rules/reconcile-rule-members';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';

let db: DynamoDBDocumentClient;
let table: string;
let repos: {
  groups: ReturnType<typeof makeGroupRepository>;
  memberships: ReturnType<typeof makeMembershipRepository>;
  learners: ReturnType<typeof makeLearnerRepository>;
  branches: ReturnType<typeof makeBranchRepository>;
  enrollments: ReturnType<typeof makeEnrollmentRepository>;
  batches: ReturnType<typeof makeBatchRepository>;
  usernames: ReturnType<typeof makeUsernameDirectory>;
  jobs: ReturnType<typeof makeJobRepository>;
};
const tenant = randomUUID();
const admin = adminOf(tenant);
const COURSE = 'course-v1:Acme+Safety+2026';
const OTHER_COURSE = 'course-v1:Acme+Ethics+2026';
const ONBOARDING = 'course-v1:Acme+Onboarding+2026';

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('modules');
  repos = {
    groups: makeGroupRepository(db, table),
    memberships: makeMembershipRepository(db, table),
    learners: makeLearnerRepository(db, table),
    branches: makeBranchRepository(db, table),
    enrollments: makeEnrollmentRepository(db, table),
    batches: makeBatchRepository(db, table),
    usernames: makeUsernameDirectory(db, table),
    jobs: makeJobRepository(db, table),
  };
});

const applyBulk = () => makeApplyBulkEnrollment({ ...repos, notify: async () => {}, clock: systemClock });
const enrollInModules = () => makeEnrollGroupMembers({ groups: repos.groups, apply: applyBulk(), ids: randomIds });
const assign = () =>
  makeAssignLearners({ ...repos, clock: systemClock, ids: randomIds, enrollInModules: enrollInModules() });
const putLearner = () =>
  makePutLearner({
    ...repos,
    clock: systemClock,
    onLearnerWritten: (learner, context) =>
      makeFulfillAllowedEnrollments({ enrollments: repos.enrollments, clock: systemClock, ids: randomIds })(
        learner,
        context,
      ),
  });
const createGroup = (extra: Record<string, unknown> = {}) =>
  makeCreateGroup(repos.groups, systemClock, randomIds)(admin, tenant, { name: `Modules ${randomUUID()}`, ...extra });

async function someLearners(n: number): Promise<string[]> {
  const put = putLearner();
  return Promise.all(
    Array.from({ length: n }, async () => {
      const id = randomUUID();
      await put(admin, tenant, id, { email: `${id}@example.com` });
      return id;
    }),
  );
}

const statusOf = async (course: string, ref: { learnerUuid: string } | { email: string }) =>
  (await repos.enrollments.get(tenant, course, ref))?.status ?? 'none';

describe('learning modules (SmarterU auto-enroll)', () => {
  it('enrolls members an assign adds, and turns an invited e-mail into an enrollment once its learner exists', async () => {
    const group = await createGroup({
      learning_modules: [
        { course_id: COURSE, allow_self_enroll: false, auto_enroll: true },
        { course_id: OTHER_COURSE, allow_self_enroll: true, auto_enroll: false },
      ],
    });
    const [ada] = await someLearners(1);
    const email = `invited-${randomUUID()}@example.com`;
    const summary = await assign()(admin, group.group_uuid, { learner_uuids: [ada!], learner_emails: [email] });
    expect(summary.count).toBe(2);

    expect(await statusOf(COURSE, { learnerUuid: ada! })).toBe('enrolled');
    expect(await statusOf(OTHER_COURSE, { learnerUuid: ada! })).toBe('none');
    const allowance = await repos.enrollments.get(tenant, COURSE, { email });
    expect(allowance).toMatchObject({ status: 'allowed', auto_enroll: true });

    const later = randomUUID();
    await putLearner()(admin, tenant, later, { email });
    expect(await statusOf(COURSE, { learnerUuid: later })).toBe('enrolled');
    const audit = await repos.enrollments.listAudit({ tenant, courseId: COURSE, learnerUuid: ada!, pageSize: 10 });
    expect(audit.items).toEqual([
      expect.objectContaining({
        reason: 'learning_module',
        transition: 'from unenrolled to enrolled',
        actor: admin.sub,
      }),
    ]);
  });

  it('enrolls nobody for a group without auto-enroll modules', async () => {
    const group = await createGroup({
      learning_modules: [{ course_id: COURSE, allow_self_enroll: true, auto_enroll: false }],
    });
    const [bo] = await someLearners(1);
    await assign()(admin, group.group_uuid, { learner_uuids: [bo!] });
    expect(await statusOf(COURSE, { learnerUuid: bo! })).toBe('none');
  });

  it('enrolls the present members through a job when a module starts auto-enrolling, once even when chunks replay', async () => {
    const group = await createGroup();
    const learners = await someLearners(7);
    const pending = `pending-${randomUUID()}@example.com`;
    await assign()(admin, group.group_uuid, { learner_uuids: learners, learner_emails: [pending] });

    const planned: string[] = [];
    const start = makeStartModuleEnrollment({
      jobs: repos.jobs,
      enqueuePlan: async (jobId) => void planned.push(jobId),
      clock: systemClock,
      ids: randomIds,
    });
    const update = makeUpdateGroup(repos.groups, systemClock, undefined, start);
    const updated = await update(admin, group.group_uuid, {
      learning_modules: [{ course_id: ONBOARDING, allow_self_enroll: false, auto_enroll: true }],
    });
    const job = updated.learning_module_enrollment as Job;
    expect(job).toMatchObject({ kind: 'enroll_learning_modules', status: 'queued' });
    expect(planned).toEqual([job.job_id]);
    // Nothing is enrolled before the job runs.
    expect(await statusOf(ONBOARDING, { learnerUuid: learners[0]! })).toBe('none');

    const queued: number[] = [];
    const plan = makePlanModuleEnrollment({
      jobs: repos.jobs,
      memberships: repos.memberships,
      enqueue: async (_jobId, chunks) => void queued.push(...chunks),
      finish: async () => {},
      clock: systemClock,
      chunkSize: 3,
    });
    expect(await plan(job, { lastAttempt: false })).toBe('planned');
    expect(queued).toEqual([0, 1, 2]);
    const running = (await repos.jobs.get(job.job_id))!;
    expect(running).toMatchObject({ status: 'running', total: 8, chunks_total: 3 });

    const apply = makeApplyModuleEnrollmentRows(repos.groups, makeApplyBulkEnrollRows(applyBulk()));
    const results = [];
    for (const chunk of queued) {
      const rows = (await repos.jobs.getChunk(job.job_id, chunk))!;
      const first = await apply(running, rows, `${job.job_id}#${chunk}`);
      const replay = await apply(running, rows, `${job.job_id}#${chunk}`);
      expect(replay).toEqual(first);
      results.push(...first);
    }
    expect(results.map((r) => r.outcome).sort()).toEqual(['allowed', ...Array(7).fill('enrolled')]);
    for (const learner of learners) expect(await statusOf(ONBOARDING, { learnerUuid: learner })).toBe('enrolled');
    expect(await statusOf(ONBOARDING, { email: pending })).toBe('allowed');
    const audit = await repos.enrollments.listAudit({ tenant, courseId: ONBOARDING, pageSize: 100 });
    expect(audit.count).toBe(8);
  });

  it('skips the rows of a module detached before its job ran, and fails those of a deleted group', async () => {
    const group = await createGroup({
      learning_modules: [{ course_id: OTHER_COURSE, allow_self_enroll: false, auto_enroll: true }],
    });
    const [cy] = await someLearners(1);
    const job = {
      job_id: randomUUID(),
      kind: 'enroll_learning_modules',
      enterprise_customer_uuid: tenant,
      created_by: admin.sub,
      target: {
        group_uuid: group.group_uuid,
        action: 'enroll',
        courses: JSON.stringify([{ course_id: COURSE, cohort: null }]),
        auto_enroll: 'true',
        email_students: 'false',
        with_cohorts: 'false',
      },
    } as unknown as Job;
    const apply = makeApplyModuleEnrollmentRows(repos.groups, makeApplyBulkEnrollRows(applyBulk()));
    const rows = [{ index: 0, input: { identifier: cy! } }];
    expect(await apply(job, rows, 'op-1')).toEqual([expect.objectContaining({ outcome: 'unchanged' })]);
    expect(await statusOf(COURSE, { learnerUuid: cy! })).toBe('none');
    const gone = { ...job, target: { ...job.target, group_uuid: randomUUID() } };
    expect(await apply(gone, rows, 'op-2')).toEqual([expect.objectContaining({ code: 'group_not_found' })]);
  });

  it('enrolls learners the rules add, and reports a replayed rule chunk with its first outcomes', async () => {
    const group = await createGroup({
      type: 'automatic',
      ruleset: {
        operator: 'AND',
        sets: [{ rules: [{ type: 'attribute', payload: { field: 'email', op: 'is_not_empty' } }] }],
      },
      learning_modules: [{ course_id: COURSE, allow_self_enroll: false, auto_enroll: true }],
    });
    const learners = await someLearners(3);
    const outcomesOf = (r: { outcomes: Map<string, string> }) => learners.map((l) => r.outcomes.get(l));
    const reconcile = makeReconcileRuleMembers({
      memberships: repos.memberships,
      clock: systemClock,
      ids: randomIds,
      enrollInModules: enrollInModules(),
    });
    const decisions = learners.map((learnerUuid, i) => ({ learnerUuid, matches: i < 2 }));
    const first = await reconcile(group, decisions, { actor: 'rules', opId: 'job-1#0' });
    expect(outcomesOf(first)).toEqual(['added', 'added', 'not_member']);
    const replay = await reconcile(group, decisions, { actor: 'rules', opId: 'job-1#0' });
    expect(outcomesOf(replay)).toEqual(outcomesOf(first));
    expect(replay.written.size).toBe(0);
    expect(await statusOf(COURSE, { learnerUuid: learners[0]! })).toBe('enrolled');
    expect(await statusOf(COURSE, { learnerUuid: learners[1]! })).toBe('enrolled');
    expect(await statusOf(COURSE, { learnerUuid: learners[2]! })).toBe('none');
    // A later run of the rules does not enroll again someone it finds already a member.
    const later = await reconcile(group, decisions, { actor: 'rules', opId: 'job-2#0' });
    expect(outcomesOf(later)).toEqual(['already_member', 'already_member', 'not_member']);
  });
});
