import { describe, expect, it } from 'vitest';
import type { EnrollmentAudit } from '#shared/enrollments/enrollment';
import type { HistoryEntry } from '#shared/history/history-entry';
import type { Job, JobRow } from '#shared/jobs/job';
import { revertedByUpdate } from '#shared/jobs/job-items';
import { makeRevertJob } from '#shared/jobs/revert-job';
import { newJob, type NewJob } from '#shared/jobs/start-job';
import { adminOf, fixedClock, OTHER_TENANT, staff as staffCaller, TENANT } from '../fakes';

const AT = '2026-12-06T10:00:00.000Z';
const GROUP = 'g-1';
const original = (over: Partial<Job> = {}): Job => ({
  ...newJob(
    {
      tenant: TENANT,
      kind: 'assign_learners',
      target: { group_uuid: GROUP },
      source: { type: 'api', route: 'assign_learners', caller: 'admin-1' },
      sourceKey: `api:assign_learners:${GROUP}`,
      createdBy: 'admin-1',
    },
    'j-1',
    AT,
  ),
  status: 'succeeded',
  finished: AT,
  ...over,
});

const added = (learner: string, opId: string): HistoryEntry => ({
  history_id: learner,
  group_uuid: GROUP,
  enterprise_customer_uuid: TENANT,
  actor: 'admin-1',
  at: AT,
  action: 'memberships_changed',
  op_id: opId,
  members: [
    {
      enterprise_group_membership_uuid: `m-${learner}`,
      learner_uuid: learner,
      pending_learner_email: null,
      outcome: 'added',
      before: null,
      after: { status: 'active', home_group: false, permissions: [] },
    },
  ],
});

function setup(job: Job, entries: HistoryEntry[] = [], audits: EnrollmentAudit[] = []) {
  const started: { spec: NewJob; rows: JobRow[] }[] = [];
  const revert = makeRevertJob({
    jobs: { get: async (id) => (id === job.job_id ? job : undefined) },
    history: {
      async *entriesOfJob(group, jobId) {
        for (const e of entries) if (e.group_uuid === group && e.op_id?.startsWith(`${jobId}#`)) yield e;
      },
    },
    groupsOf: async () => [GROUP],
    startJob: async (spec, rows) => {
      started.push({ spec, rows });
      return { ...newJob(spec, 'r-1', AT), status: 'running', total: rows.length };
    },
    clock: fixedClock(AT),
    enrollments: {
      audit: {
        async *auditOfJob({ courseId, jobId }) {
          for (const a of audits) if (a.course_id === courseId && a.op_id.startsWith(`${jobId}#`)) yield a;
        },
      },
      coursesOf: async (j) => (j.kind === 'bulk_enroll' ? ['c-1', 'c-2'] : []),
    },
  });
  return { revert, started };
}

describe('makeRevertJob', () => {
  it("starts a revert job whose rows are the job's own membership changes", async () => {
    const { revert, started } = setup(original(), [added('a', 'j-1#0'), added('b', 'j-1#1'), added('c', 'j-2#0')]);
    const job = await revert(adminOf(TENANT), 'j-1');
    expect(job).toMatchObject({ kind: 'revert', reverts: 'j-1', total: 2 });
    expect(started[0]!.spec).toMatchObject({ kind: 'revert', reverts: 'j-1', target: { group_uuid: GROUP } });
    expect(started[0]!.rows.map((r) => [r.index, r.input.learner_uuid, r.input.op_id])).toEqual([
      [0, 'a', 'j-1#0'],
      [1, 'b', 'j-1#1'],
    ]);
  });

  it('refuses a job that has not ended, was reverted, or changes no memberships', async () => {
    const refusal = (job: Job) => setup(job).revert(adminOf(TENANT), 'j-1');
    await expect(refusal(original({ status: 'running' }))).rejects.toMatchObject({ code: 'job_not_finished' });
    await expect(refusal(original({ status: 'awaiting_approval' }))).rejects.toMatchObject({
      code: 'job_not_finished',
    });
    await expect(refusal(original({ reverted_by: 'r-0' }))).rejects.toMatchObject({ code: 'job_already_reverted' });
    await expect(refusal(original({ kind: 'export_members' }))).rejects.toMatchObject({ code: 'job_not_revertible' });
  });

  it("answers another tenant's job as missing", async () => {
    await expect(setup(original()).revert(adminOf(OTHER_TENANT), 'j-1')).rejects.toMatchObject({
      code: 'job_not_found',
    });
  });
});

const enrolled = (learner: string, course: string, opId: string): EnrollmentAudit => ({
  enterprise_customer_uuid: TENANT,
  course_id: course,
  learner_uuid: learner,
  pending_email: null,
  transition: 'from unenrolled to enrolled',
  from_status: 'unenrolled',
  to_status: 'enrolled',
  cohort: null,
  batch_id: null,
  actor: 'staff-1',
  at: AT,
  op_id: opId,
  reason: 'bulk_enroll',
});

describe('makeRevertJob of an enrollment job', () => {
  it("starts a revert whose rows are the job's own enrollment writes, in every course it named", async () => {
    const job = original({ kind: 'bulk_enroll', target: { action: 'enroll', courses: '[]' } });
    const { revert, started } = setup(
      job,
      [],
      [enrolled('a', 'c-1', 'j-1#0'), enrolled('a', 'c-2', 'j-1#0'), enrolled('b', 'c-1', 'j-2#0')],
    );
    await revert(staffCaller, 'j-1');
    expect(started[0]!.spec).toMatchObject({ kind: 'revert', reverts: 'j-1', target: { courses: '["c-1","c-2"]' } });
    expect(started[0]!.rows.map((r) => [r.input.course_id, r.input.learner_uuid, r.input.op_id])).toEqual([
      ['c-1', 'a', 'j-1#0'],
      ['c-2', 'a', 'j-1#0'],
    ]);
  });

  it('still refuses a learning-module enrollment job', async () => {
    await expect(setup(original({ kind: 'enroll_learning_modules' })).revert(staffCaller, 'j-1')).rejects.toMatchObject(
      { code: 'job_not_revertible' },
    );
  });
});

describe('revertedByUpdate', () => {
  it('marks the reverted job once, only while it exists and has ended', () => {
    const u = revertedByUpdate('table', 'j-1', 'r-1');
    expect(u.ConditionExpression).toContain('attribute_not_exists(reverted_by)');
    expect(u.ConditionExpression).toContain('attribute_exists(PK)');
    expect(Object.values(u.ExpressionAttributeValues)).toEqual(
      expect.arrayContaining(['succeeded', 'completed_with_errors', 'failed', 'aborted', 'cancelled', 'r-1']),
    );
    expect(Object.values(u.ExpressionAttributeValues)).not.toContain('running');
  });
});
