import { describe, expect, it } from 'vitest';
import { makeApplyBulkEnrollment } from '#shared/enrollments/apply-bulk-enrollment';
import { makeCompleteEnrollment } from '#shared/enrollments/complete-enrollment';
import { makeFulfillAllowedEnrollments } from '#shared/enrollments/fulfill-allowed-enrollments';
import { ConflictError } from '#shared/errors';
import { makeDeliverNotification } from '#shared/notifications/deliver-notification';
import type { Notification } from '#shared/notifications/notification';
import { aLearner, fakeLearners, fixedClock, sequentialIds, staff, TENANT } from '../fakes';
import { fakeEnrollments, fakeOutbox, noUsernames } from './fake-enrollments';

const C1 = 'course-v1:edX+Demo+123';

async function allowed(autoEnroll: boolean) {
  const enrollments = fakeEnrollments();
  const apply = makeApplyBulkEnrollment({
    learners: fakeLearners([]),
    usernames: noUsernames,
    enrollments,
    notify: fakeOutbox().notify,
    clock: fixedClock(),
  });
  await apply({
    tenant: TENANT,
    action: 'enroll',
    courses: [{ course_id: C1, cohort: 'A' }],
    identifiers: ['future@example.com'],
    autoEnroll,
    emailStudents: false,
    withCohorts: true,
    actor: 'staff-1',
    opId: 'op-1',
  });
  return enrollments;
}

describe('allowed enrollments meet their learner', () => {
  const learner = aLearner({ email: 'future@example.com' });

  it('enrolls the new learner when auto_enroll was set, and audits the transition', async () => {
    const enrollments = await allowed(true);
    const fulfill = makeFulfillAllowedEnrollments({ enrollments, clock: fixedClock(), ids: sequentialIds() });
    expect(await fulfill(learner, { actor: 'admin-1' })).toBe(1);
    expect(enrollments.find(TENANT, C1, { email: 'future@example.com' })).toBeUndefined();
    expect(enrollments.find(TENANT, C1, { learnerUuid: learner.learner_uuid })).toMatchObject({
      status: 'enrolled',
      cohort: 'A',
    });
    expect(enrollments.audits.at(-1)).toMatchObject({
      transition: 'from allowed to enroll to enrolled',
      actor: 'admin-1',
    });
    expect(await fulfill(learner, { actor: 'admin-1' })).toBe(0);
    expect(enrollments.audits).toHaveLength(2);
  });

  it('keeps a plain allowance as the learner’s, not an enrollment', async () => {
    const enrollments = await allowed(false);
    const fulfill = makeFulfillAllowedEnrollments({ enrollments, clock: fixedClock(), ids: sequentialIds() });
    expect(await fulfill(learner, { actor: 'admin-1' })).toBe(0);
    expect(enrollments.find(TENANT, C1, { learnerUuid: learner.learner_uuid })?.status).toBe('allowed');
    expect(enrollments.rows.size).toBe(1);
  });
});

describe('completion', () => {
  it('records completed for an enrolled learner once, and refuses learners who are not enrolled', async () => {
    const enrollments = await allowed(true);
    const complete = makeCompleteEnrollment(enrollments, fixedClock('2026-05-05T00:00:00.000Z'), sequentialIds());
    const input = { enterprise_customer_uuid: TENANT };
    await expect(complete(staff, C1, aLearner().learner_uuid, input)).rejects.toMatchObject({
      code: 'enrollment_not_found',
    });
    await makeFulfillAllowedEnrollments({ enrollments, clock: fixedClock(), ids: sequentialIds() })(
      aLearner({ email: 'future@example.com' }),
      { actor: 'x' },
    );
    const done = await complete(staff, C1, aLearner().learner_uuid, input);
    expect(done).toMatchObject({ status: 'completed', completed_at: '2026-05-05T00:00:00.000Z' });
    expect(await complete(staff, C1, aLearner().learner_uuid, input)).toEqual(done);
    expect(enrollments.audits.filter((a) => a.reason === 'completion')).toHaveLength(1);
    enrollments.put({
      ...enrollments.find(TENANT, C1, { learnerUuid: aLearner().learner_uuid })!,
      status: 'unenrolled',
    });
    await expect(complete(staff, C1, aLearner().learner_uuid, input)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('deliverNotification', () => {
  it('hands each notification id to the sender once', async () => {
    const marks = new Set<string>();
    const sent: string[] = [];
    const deliver = makeDeliverNotification(
      { wasSent: async (id) => marks.has(id), markSent: async (id) => void marks.add(id) },
      async (n) => void sent.push(n.notification_id),
      fixedClock(),
    );
    const n = { notification_id: 'n1' } as Notification;
    expect(await deliver(n)).toBe('sent');
    expect(await deliver(n)).toBe('duplicate');
    expect(sent).toEqual(['n1']);
  });
});
