import { describe, expect, it } from 'vitest';
import { makeApplyBatchParticipants } from '#shared/enrollments/apply-batch-participants';
import { type BulkEnrollmentChunk, makeApplyBulkEnrollment } from '#shared/enrollments/apply-bulk-enrollment';
import type { Batch } from '#shared/enrollments/batch';
import { makeCompleteEnrollment } from '#shared/enrollments/complete-enrollment';
import type { EnrollmentChanges } from '#shared/enrollments/enrollment';
import { aLearner, fakeLearners, fixedClock, sequentialIds, staff, TENANT } from '../fakes';
import { fakeBatches, fakeEnrollments, fakeOutbox, noUsernames } from './fake-enrollments';

const ada = aLearner();
const bo = aLearner({ learner_uuid: 'aaaaaaaa-0000-4000-8000-000000000002', email: 'bo@example.com' });
const C1 = 'course-v1:edX+Demo+123';
const C2 = 'course-v1:edX+Demo2+456';
const batch: Batch = {
  batch_id: 'bbbbbbbb-0000-4000-8000-000000000001',
  course_id: C2,
  enterprise_customer_uuid: TENANT,
  name: 'Cohort 2026',
  enrollment_type: 'invite_only',
  participant_count: 0,
  created_by: 'staff-1',
  created: 'x',
  modified: 'x',
};

/** The appliers and the completion, each telling `told` what changed, over one in-memory store. */
function setup() {
  const told: { tenant: string; changes: EnrollmentChanges; actor: string }[] = [];
  const onEnrollmentsChanged = async (tenant: string, changes: EnrollmentChanges, { actor }: { actor: string }) =>
    void told.push({ tenant, changes, actor });
  const enrollments = fakeEnrollments([batch]);
  const learners = fakeLearners([ada, bo]);
  const bulk = makeApplyBulkEnrollment({
    learners,
    usernames: noUsernames,
    enrollments,
    notify: fakeOutbox().notify,
    clock: fixedClock(),
    onEnrollmentsChanged,
  });
  const participants = makeApplyBatchParticipants({
    batches: fakeBatches(enrollments),
    learners,
    enrollments,
    clock: fixedClock(),
    onEnrollmentsChanged,
  });
  const complete = makeCompleteEnrollment(enrollments, fixedClock(), sequentialIds(), onEnrollmentsChanged);
  return { told, bulk, participants, complete };
}

const chunk = (overrides: Partial<BulkEnrollmentChunk> = {}): BulkEnrollmentChunk => ({
  tenant: TENANT,
  action: 'enroll',
  courses: [
    { course_id: C1, cohort: null },
    { course_id: C2, cohort: null },
  ],
  identifiers: [ada.email, 'pending@example.com'],
  autoEnroll: false,
  emailStudents: false,
  withCohorts: false,
  actor: 'staff-1',
  opId: 'op-1',
  ...overrides,
});

describe('enrollment changes reach automatic groups', () => {
  it('tells, per course and once per chunk, the learners bulk_enroll enrolled or unenrolled', async () => {
    const s = setup();
    await s.bulk(chunk());
    expect(s.told).toEqual([
      {
        tenant: TENANT,
        actor: 'staff-1',
        changes: [
          { course_id: C1, learner_uuids: [ada.learner_uuid] },
          { course_id: C2, learner_uuids: [ada.learner_uuid] },
        ],
      },
    ]);
    await s.bulk(chunk({ opId: 'op-2', action: 'unenroll', courses: [{ course_id: C1, cohort: null }] }));
    expect(s.told[1]!.changes).toEqual([{ course_id: C1, learner_uuids: [ada.learner_uuid] }]);
  });

  it('tells nothing for a chunk that changed no learner, and tells again on a replay of a chunk that did', async () => {
    const s = setup();
    await s.bulk(chunk());
    await s.bulk(chunk({ opId: 'op-2' }));
    expect(s.told).toHaveLength(1);
    await s.bulk(chunk());
    expect(s.told).toHaveLength(2);
    expect(s.told[1]).toEqual(s.told[0]);
  });

  it("tells the learners batch participants added or removed, in the batch's course", async () => {
    const s = setup();
    const add = { batchId: batch.batch_id, identifierType: 'email' as const, actor: 'admin-1' };
    await s.participants({ ...add, action: 'add', identifiers: [ada.email, bo.email], opId: 'p-1' });
    await s.participants({ ...add, action: 'add', identifiers: [ada.email], opId: 'p-2' });
    await s.participants({ ...add, action: 'remove', identifiers: [bo.email], opId: 'p-3' });
    expect(s.told.map((t) => t.changes)).toEqual([
      [{ course_id: C2, learner_uuids: [ada.learner_uuid, bo.learner_uuid] }],
      [{ course_id: C2, learner_uuids: [bo.learner_uuid] }],
    ]);
  });

  it('tells the learner a completion is recorded for, and again when it is recorded again', async () => {
    const s = setup();
    await s.bulk(chunk({ courses: [{ course_id: C1, cohort: null }] }));
    s.told.length = 0;
    const input = { enterprise_customer_uuid: TENANT };
    await s.complete(staff, C1, ada.learner_uuid, input);
    await s.complete(staff, C1, ada.learner_uuid, input);
    expect(s.told).toEqual([
      { tenant: TENANT, actor: staff.sub, changes: [{ course_id: C1, learner_uuids: [ada.learner_uuid] }] },
      { tenant: TENANT, actor: staff.sub, changes: [{ course_id: C1, learner_uuids: [ada.learner_uuid] }] },
    ]);
  });
});
