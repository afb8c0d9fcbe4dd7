import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomIds, systemClock } from '#shared/clock';
import { makeApplyBatchParticipants } from '#shared/enrollments/apply-batch-participants';
import { makeApplyBulkEnrollment } from '#shared/enrollments/apply-bulk-enrollment';
import { makeBatchRepository } from '#shared/enrollments/batch-repository';
import { makeCoursesOfJob } from '#shared/enrollments/courses-of-job';
import { makeCreateBatch } from '#shared/enrollments/create-batch';
import {
  bulkEnrollTarget,
  identifierRows,
  makeApplyBulkEnrollRows,
  makeApplyParticipantRows,
} from '#shared/enrollments/enrollment-jobs';
import { makeEnrollmentRepository } from '#shared/enrollments/enrollment-repository';
import { makeRevertEnrollmentChanges } from '#shared/enrollments/revert-enrollment-changes';
import { makeUsernameDirectory } from '#shared/enrollments/username-directory';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeHistoryRepository } from '#shared/history/history-repository';
import { makeApplyEnrollmentCsvRows } from '#shared/imports/apply-enrollment-rows';
import { makeApplyRevertRows } from '#shared/jobs/apply-revert-rows';
import { makeFinishJob } from '#shared/jobs/finish-job';
import type { Job } from '#shared/jobs/job';
import { makeJobRepository } from '#shared/jobs/job-repository';
import { makeRevertJob, targetGroupsOf } from '#shared/jobs/revert-job';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import { makeRevertMemberChanges } from '#shared/memberships/revert-member-changes';
import { staff } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';
import { inlineJobQueue } from './fixtures/inline-job-queue';

let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('revert-enrollments');
});

const tenant = randomUUID();

/** The engine with bulk_enroll, participant and revert jobs wired to DynamoDB Local; tests deliver the chunks. */
function engine() {
  const learners = makeLearnerRepository(db, table);
  const memberships = makeMembershipRepository(db, table);
  const enrollments = makeEnrollmentRepository(db, table);
  const batches = makeBatchRepository(db, table);
  const jobs = makeJobRepository(db, table);
  const groups = makeGroupRepository(db, table);
  const finish = makeFinishJob(jobs, async () => {}, systemClock);
  const applyBulk = makeApplyBulkEnrollment({
    enrollments,
    learners,
    usernames: makeUsernameDirectory(db, table),
    notify: async () => {},
    clock: systemClock,
  });
  const applyParticipants = makeApplyBatchParticipants({ batches, learners, enrollments, clock: systemClock });
  const appliers = {
    bulk_enroll: makeApplyBulkEnrollRows(applyBulk),
    batch_participants: makeApplyParticipantRows(applyParticipants),
    import_enrollments: makeApplyEnrollmentCsvRows(applyBulk),
    revert: makeApplyRevertRows(
      makeRevertMemberChanges({ groups, memberships, clock: systemClock }),
      makeRevertEnrollmentChanges({ enrollments, clock: systemClock }),
    ),
  };
  const { queued, startJob, applyChunk, deliver } = inlineJobQueue({ jobs, appliers, finish });
  return {
    deliver,
    jobs,
    enrollments,
    batches,
    queued,
    startJob,
    applyBulk,
    applyParticipants,
    applyChunk,
    putLearner: makePutLearner({ learners, memberships, clock: systemClock }),
    createBatch: makeCreateBatch(batches, systemClock, randomIds),
    revertJob: makeRevertJob({
      jobs,
      history: makeHistoryRepository(db, table),
      groupsOf: async (job) => targetGroupsOf(job) ?? [],
      startJob,
      clock: systemClock,
      enrollments: { audit: enrollments, coursesOf: makeCoursesOfJob({ batches, jobs }) },
    }),
  };
}
type Engine = ReturnType<typeof engine>;

async function learnersOf(e: Engine, n: number) {
  const uuids: string[] = [];
  for (let i = 0; i < n; i += 50)
    uuids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, async () => {
          const id = randomUUID();
          await e.putLearner(staff, tenant, id, { email: `${id}@example.com` });
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

const course = () => `course-v1:Revert+${randomUUID().slice(0, 8)}+2026`;

async function enrollmentOf(e: Engine, courseId: string, ref: { learnerUuid: string } | { email: string }) {
  return e.enrollments.get(tenant, courseId, ref);
}

describe('reverting an enrollment job, against DynamoDB Local', () => {
  it('unenrolls what a bulk_enroll job enrolled, gives an allowance its setting back, and leaves one enrolled since', async () => {
    const e = engine();
    const courseId = course();
    const uuids = await learnersOf(e, 520);
    const pending = `pending-${randomUUID()}@example.com`;
    const settings = { courses: [{ course_id: courseId, cohort: null }], emailStudents: false, withCohorts: false };
    // Before the job: an allowance without auto_enroll, which the job turns on.
    await e.applyBulk({
      ...settings,
      tenant,
      action: 'enroll',
      identifiers: [pending],
      autoEnroll: false,
      actor: staff.sub,
      opId: randomUUID(),
    });
    const job = await finished(
      e,
      await e.startJob(
        {
          tenant,
          kind: 'bulk_enroll',
          target: bulkEnrollTarget({ ...settings, action: 'enroll', autoEnroll: true }),
          source: { type: 'api', route: 'bulk_enroll', caller: staff.sub },
          sourceKey: 'api:bulk_enroll',
          createdBy: staff.sub,
        },
        identifierRows([...uuids, pending]),
      ),
    );
    expect(job).toMatchObject({ status: 'succeeded', outcome_counts: { enrolled: 520, updated: 1 } });
    // Since: one of the job's learners unenrolled and enrolled again by another call.
    const since = uuids[7]!;
    for (const action of ['unenroll', 'enroll'] as const)
      await e.applyBulk({
        ...settings,
        tenant,
        action,
        identifiers: [since],
        autoEnroll: false,
        actor: staff.sub,
        opId: randomUUID(),
      });

    const revert = await finished(e, await e.revertJob(staff, job.job_id));
    expect(revert).toMatchObject({
      kind: 'revert',
      reverts: job.job_id,
      status: 'succeeded',
      total: 521,
      outcome_counts: { unenrolled: 519, changed_since: 1, updated: 1 },
    });
    expect(await enrollmentOf(e, courseId, { learnerUuid: uuids[0]! })).toMatchObject({ status: 'unenrolled' });
    expect(await enrollmentOf(e, courseId, { learnerUuid: since })).toMatchObject({ status: 'enrolled' });
    expect(await enrollmentOf(e, courseId, { email: pending })).toMatchObject({
      status: 'allowed',
      auto_enroll: false,
    });
    expect(await e.revertJob(staff, job.job_id).catch((err: { code: string }) => err.code)).toBe(
      'job_already_reverted',
    );
  });

  it("takes a participants job's learners out of the batch once, however often a chunk is delivered, and redoes it when the revert is reverted", async () => {
    const e = engine();
    const courseId = course();
    const batch = await e.createBatch(staff, courseId, {
      name: 'Revert',
      enrollment_type: 'invite_only',
      enterprise_customer_uuid: tenant,
    });
    const [before, ...uuids] = await learnersOf(e, 601);
    await e.applyParticipants({
      batchId: batch.batch_id,
      action: 'add',
      identifierType: 'user_id',
      identifiers: [before!],
      actor: staff.sub,
      opId: randomUUID(),
    });
    const job = await finished(
      e,
      await e.startJob(
        {
          tenant,
          kind: 'batch_participants',
          target: { batch_id: batch.batch_id, action: 'add', identifier_type: 'user_id' },
          source: { type: 'api', route: 'batch_participants_add', caller: staff.sub },
          sourceKey: 'api:batch_participants_add',
          createdBy: staff.sub,
        },
        identifierRows([before!, ...uuids]),
      ),
    );
    expect(job).toMatchObject({ status: 'succeeded', outcome_counts: { added: 600, already_present: 1 } });
    const participants = async () => (await e.batches.get(batch.batch_id))!.participant_count;
    expect(await participants()).toBe(601);

    const revert = await e.revertJob(staff, job.job_id);
    expect(revert.total).toBe(600);
    e.queued.length = 0;
    // Chunk 0 delivered twice before chunk 1: the second changes and counts nothing.
    expect(await e.applyChunk(revert.job_id, 0, { lastAttempt: false })).toBe('applied');
    const half = await participants();
    await e.applyChunk(revert.job_id, 0, { lastAttempt: false });
    expect(await participants()).toBe(half);
    await e.applyChunk(revert.job_id, 1, { lastAttempt: false });
    expect(await e.jobs.get(revert.job_id)).toMatchObject({
      status: 'succeeded',
      processed: 600,
      outcome_counts: { unenrolled: 600 },
    });
    expect(await participants()).toBe(1);
    expect(await enrollmentOf(e, courseId, { learnerUuid: before! })).toMatchObject({
      status: 'enrolled',
      batch_id: batch.batch_id,
    });

    const redo = await finished(e, await e.revertJob(staff, revert.job_id));
    expect(redo).toMatchObject({ status: 'succeeded', outcome_counts: { enrolled: 600 } });
    expect(await participants()).toBe(601);
    expect(await enrollmentOf(e, courseId, { learnerUuid: uuids[0]! })).toMatchObject({
      status: 'enrolled',
      batch_id: batch.batch_id,
    });
  });

  it('puts an enrollment an enrollments CSV moved twice back to its state before the file', async () => {
    const e = engine();
    const courseId = course();
    const [twice, once] = await learnersOf(e, 2);
    await e.applyBulk({
      tenant,
      action: 'enroll',
      courses: [{ course_id: courseId, cohort: 'old' }],
      identifiers: [twice!],
      autoEnroll: false,
      emailStudents: false,
      withCohorts: true,
      actor: staff.sub,
      opId: randomUUID(),
    });
    const csv = [
      { course_id: courseId, identifier: twice!, action: 'enroll', cohort: 'new' },
      { course_id: courseId, identifier: once!, action: '', cohort: '' },
      { course_id: courseId, identifier: twice!, action: 'unenroll', cohort: '' },
    ];
    const job = await finished(
      e,
      await e.startJob(
        {
          tenant,
          kind: 'import_enrollments',
          source: { type: 'api', route: 'test', caller: staff.sub },
          sourceKey: `test:${randomUUID()}`,
          createdBy: staff.sub,
        },
        csv.map((input, index) => ({ index, input })),
      ),
    );
    expect(job.outcome_counts).toEqual({ updated: 1, enrolled: 1, unenrolled: 1 });
    expect(await enrollmentOf(e, courseId, { learnerUuid: twice! })).toMatchObject({ status: 'unenrolled' });

    const revert = await finished(e, await e.revertJob(staff, job.job_id));
    expect(revert).toMatchObject({ status: 'succeeded', total: 2, outcome_counts: { enrolled: 1, unenrolled: 1 } });
    expect(await enrollmentOf(e, courseId, { learnerUuid: twice! })).toMatchObject({
      status: 'enrolled',
      cohort: 'old',
    });
    expect(await enrollmentOf(e, courseId, { learnerUuid: once! })).toMatchObject({ status: 'unenrolled' });
  });
});
