import { describe, expect, it } from 'vitest';
import { makeApplyBatchParticipants } from '#shared/enrollments/apply-batch-participants';
import type { Enrollment, EnrollmentAudit } from '#shared/enrollments/enrollment';
import {
  makeRevertEnrollmentChanges,
  enrollmentUndoSchema,
  netEnrollmentChanges,
  planEnrollmentUndo,
  type EnrollmentUndo,
} from '#shared/enrollments/revert-enrollment-changes';
import { fixedClock, TENANT } from '../fakes';
import { aBatch, directory, fakeBatches, fakeEnrollments, learnerN } from './fake-enrollments';

const COURSE = aBatch.course_id;
const learners = [1, 2, 3].map((n) => learnerN(n));

const audit = (learner: string, opId: string, at: string, course = COURSE): EnrollmentAudit => ({
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
  at,
  op_id: opId,
  reason: 'bulk_enroll',
});

const enrollment = (over: Partial<Enrollment> = {}): Enrollment => ({
  enterprise_customer_uuid: TENANT,
  course_id: COURSE,
  learner_uuid: 'l-1',
  pending_email: null,
  status: 'enrolled',
  auto_enroll: false,
  cohort: null,
  batch_id: null,
  completed_at: null,
  created: 'x',
  modified: 'x',
  version: 1,
  last_op_id: 'j-1#0',
  last_op_before: { status: 'unenrolled', auto_enroll: false, cohort: null, batch_id: null },
  ...over,
});

const undo = (over: Partial<EnrollmentUndo> = {}): EnrollmentUndo => ({
  course_id: COURSE,
  learner_uuid: 'l-1',
  pending_email: null,
  op_id: 'j-1#0',
  version: null,
  before: null,
  ...over,
});

describe('netEnrollmentChanges', () => {
  it('makes one row per enrollment and course, in first-write order, naming its last write in the job', () => {
    const rows = netEnrollmentChanges([
      audit('b', 'j-1#1', '2026-12-06T10:00:02.000Z'),
      audit('a', 'j-1#0', '2026-12-06T10:00:01.000Z'),
      audit('a', 'j-1#2', '2026-12-06T10:00:03.000Z'),
      audit('a', 'j-1#0', '2026-12-06T10:00:01.000Z', 'other-course'),
    ]);
    expect(rows.map((r) => [r.course_id, r.learner_uuid, r.op_id])).toEqual([
      [COURSE, 'a', 'j-1#2'],
      ['other-course', 'a', 'j-1#0'],
      [COURSE, 'b', 'j-1#1'],
    ]);
  });
});

describe('netEnrollmentChanges of an enrollment written twice', () => {
  it('goes back to before the first write and names the last, in version order even within one instant', () => {
    const at = '2026-12-06T10:00:01.000Z';
    const enroll = {
      ...audit('a', 'j-1#0|enroll', at),
      before: { status: 'unenrolled' as const, auto_enroll: false, cohort: 'x', batch_id: null },
      version: 4,
    };
    const unenroll = {
      ...audit('a', 'j-1#0|unenroll', at),
      before: { status: 'enrolled' as const, auto_enroll: false, cohort: 'x', batch_id: null },
      version: 5,
    };
    expect(netEnrollmentChanges([unenroll, enroll])).toEqual([
      {
        course_id: COURSE,
        learner_uuid: 'a',
        pending_email: null,
        op_id: 'j-1#0|unenroll',
        version: 5,
        before: enroll.before,
      },
    ]);
  });
});

describe('enrollmentUndoSchema', () => {
  it("reads an undo back from its revert row's JSON, and refuses a row of another shape", () => {
    const before = { status: 'enrolled' as const, auto_enroll: false, cohort: null, batch_id: 'b-1' };
    const [undo] = netEnrollmentChanges([{ ...audit('a', 'j-1#0', '2026-12-06T10:00:01.000Z'), before, version: 3 }]);
    const row = JSON.parse(JSON.stringify({ ...undo })) as Record<string, unknown>;
    expect(enrollmentUndoSchema().parse(row)).toEqual(undo);
    expect(() => enrollmentUndoSchema().parse({ ...row, before: { ...before, status: 'gone' } })).toThrow();
  });
});

describe('planEnrollmentUndo', () => {
  it("restores the row's state before the job rather than the one before its last write", () => {
    const before = { status: 'allowed' as const, auto_enroll: true, cohort: null, batch_id: null };
    expect(
      planEnrollmentUndo(enrollment({ status: 'unenrolled', version: 5 }), undo({ version: 5, before }), 'r-1#0'),
    ).toEqual({ kind: 'restore', to: before, outcome: 'allowed' });
  });

  it('reads a later version as changed since, even under the same operation', () => {
    expect(planEnrollmentUndo(enrollment({ version: 6 }), undo({ version: 5 }), 'r-1#0')).toEqual({
      kind: 'changed_since',
    });
  });

  it('unenrolls an enrollment the job created, without batch or cohort', () => {
    expect(planEnrollmentUndo(enrollment({ batch_id: 'b-1', cohort: 'c' }), undo(), 'r-1#0')).toEqual({
      kind: 'restore',
      outcome: 'unenrolled',
      to: { status: 'unenrolled', auto_enroll: false, cohort: null, batch_id: null },
    });
  });

  it('gives a changed setting back its value before', () => {
    const moved = enrollment({
      cohort: 'new',
      last_op_before: { status: 'enrolled', auto_enroll: false, cohort: 'old', batch_id: null },
    });
    expect(planEnrollmentUndo(moved, undo(), 'r-1#0')).toMatchObject({
      kind: 'restore',
      outcome: 'updated',
      to: { status: 'enrolled', cohort: 'old' },
    });
  });

  it('re-enrolls a learner the job unenrolled, and removes an allowance it granted', () => {
    const unenrolled = enrollment({
      status: 'unenrolled',
      last_op_before: { status: 'enrolled', auto_enroll: false, cohort: null, batch_id: 'b-1' },
    });
    expect(planEnrollmentUndo(unenrolled, undo(), 'r-1#0')).toMatchObject({ outcome: 'enrolled' });
    const allowed = enrollment({ learner_uuid: null, pending_email: 'x@example.com', status: 'allowed' });
    expect(planEnrollmentUndo(allowed, undo(), 'r-1#0')).toMatchObject({ outcome: 'allowance_removed' });
  });

  it('leaves an enrollment written since the job alone, even one that reads the same', () => {
    expect(planEnrollmentUndo(enrollment({ last_op_id: 'someone-else' }), undo(), 'r-1#0')).toEqual({
      kind: 'changed_since',
    });
    expect(planEnrollmentUndo(undefined, undo(), 'r-1#0')).toEqual({ kind: 'changed_since' });
  });

  it("reports a replay of the revert's own write with its first outcome", () => {
    const reverted = enrollment({
      status: 'unenrolled',
      last_op_id: 'r-1#0',
      last_op_before: { status: 'enrolled', auto_enroll: false, cohort: null, batch_id: null },
    });
    expect(planEnrollmentUndo(reverted, undo(), 'r-1#0')).toEqual({ kind: 'replayed', outcome: 'unenrolled' });
  });
});

describe('makeRevertEnrollmentChanges', () => {
  async function addedByJob() {
    const enrollments = fakeEnrollments([aBatch]);
    const add = makeApplyBatchParticipants({
      batches: fakeBatches(enrollments),
      learners: directory(learners),
      enrollments,
      clock: fixedClock(),
    });
    await add({
      batchId: aBatch.batch_id,
      action: 'add',
      identifierType: 'user_id',
      identifiers: learners.map((l) => l.learner_uuid),
      actor: 'admin-1',
      opId: 'j-1#0',
    });
    const changed: string[][] = [];
    const revert = makeRevertEnrollmentChanges({
      enrollments,
      clock: fixedClock('2026-12-06T11:00:00.000Z'),
      onEnrollmentsChanged: async (_t, changes) => void changed.push(changes.flatMap((c) => c.learner_uuids)),
    });
    return { enrollments, revert, changed, rows: netEnrollmentChanges(enrollments.audits) };
  }

  it('takes the participants a job added out of the batch, counter and all, once', async () => {
    const { enrollments, revert, rows, changed } = await addedByJob();
    expect(enrollments.batchById.get(aBatch.batch_id)!.participant_count).toBe(3);
    const first = await revert(TENANT, 'admin-1', rows, 'r-1#0');
    expect([...first.values()].map((r) => r.outcome)).toEqual(['unenrolled', 'unenrolled', 'unenrolled']);
    expect(enrollments.batchById.get(aBatch.batch_id)!.participant_count).toBe(0);
    const audits = enrollments.audits.length;
    const again = await revert(TENANT, 'admin-1', rows, 'r-1#0');
    expect([...again.values()].map((r) => r.outcome)).toEqual(['unenrolled', 'unenrolled', 'unenrolled']);
    expect(enrollments.batchById.get(aBatch.batch_id)!.participant_count).toBe(0);
    expect(enrollments.audits.length).toBe(audits);
    expect(changed[0]!.sort()).toEqual(learners.map((l) => l.learner_uuid).sort());
  });

  it('skips a participant whose enrollment changed since as changed_since', async () => {
    const { enrollments, revert, rows } = await addedByJob();
    const touched = enrollments.find(TENANT, COURSE, { learnerUuid: learners[0]!.learner_uuid })!;
    enrollments.put({ ...touched, cohort: 'moved', version: touched.version + 1, last_op_id: 'by-hand' });
    const outcomes = await revert(TENANT, 'admin-1', rows, 'r-1#0');
    expect(outcomes.get(rows[0]!)).toEqual({ outcome: 'changed_since' });
    expect(enrollments.find(TENANT, COURSE, { learnerUuid: learners[0]!.learner_uuid })).toMatchObject({
      status: 'enrolled',
      cohort: 'moved',
    });
    expect(enrollments.batchById.get(aBatch.batch_id)!.participant_count).toBe(1);
  });
});
