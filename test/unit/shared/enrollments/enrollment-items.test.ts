import { describe, expect, it } from 'vitest';
import { keys } from '#shared/db/keys';
import type { Enrollment, EnrollmentAudit } from '#shared/enrollments/enrollment';
import {
  allowedOfEmailQuery,
  auditListing,
  batchListing,
  courseListing,
  courseListingEnd,
  courseTenantPut,
  enrollmentItem,
  memberListing,
  participantCounter,
  toEnrollment,
  toEnrollmentAudit,
  writeItems,
} from '#shared/enrollments/enrollment-items';

const T = 'table';
const AT = '2026-12-06T00:00:00.000Z';
const enrollment: Enrollment = {
  enterprise_customer_uuid: 'e-1',
  course_id: 'course-v1:X+Y+Z',
  learner_uuid: 'l-1',
  pending_email: null,
  status: 'enrolled',
  auto_enroll: false,
  cohort: null,
  batch_id: 'b-1',
  completed_at: null,
  created: AT,
  modified: AT,
  version: 2,
  last_op_id: 'op',
  last_op_before: null,
};
const audit: EnrollmentAudit = {
  enterprise_customer_uuid: 'e-1',
  course_id: 'course-v1:X+Y+Z',
  learner_uuid: 'l-1',
  pending_email: null,
  transition: 'from unenrolled to enrolled',
  from_status: 'unenrolled',
  to_status: 'enrolled',
  cohort: null,
  batch_id: null,
  actor: 'admin',
  at: AT,
  op_id: 'op',
  reason: 'bulk_enroll',
  before: { status: 'unenrolled', auto_enroll: false, cohort: null, batch_id: null },
  version: 2,
};
const ref = { learnerUuid: 'l-1' };

describe('enrollment items', () => {
  it('key an enrollment under its course and member, under its batch only with a learner, and read it back', () => {
    const item = enrollmentItem(enrollment);
    expect(item).toMatchObject({ ...keys.enrollment('e-1', enrollment.course_id, ref), entity: 'enrollment' });
    expect(item).toMatchObject(keys.enrollmentByMember('e-1', ref, enrollment.course_id));
    expect(item).toMatchObject(keys.batchParticipant('b-1', 'l-1'));
    expect(toEnrollment(item)).toEqual(enrollment);
    const pending = enrollmentItem({ ...enrollment, learner_uuid: null, pending_email: 'a@x.org' });
    expect(pending).not.toHaveProperty('GSI1PK');
    const sparse = toEnrollment({
      enterprise_customer_uuid: 'e-1',
      course_id: enrollment.course_id,
      pending_email: 'a@x.org',
      status: 'allowed',
      created: AT,
      modified: AT,
      version: 1,
    });
    expect(sparse.auto_enroll).toBe(false);
    expect(sparse.cohort).toBeNull();
    expect(toEnrollmentAudit({ ...audit, PK: 'x' })).toEqual(audit);
    const { before: _before, version: _version, ...older } = audit;
    expect(toEnrollmentAudit(older)).toMatchObject({ before: null, version: null });
  });

  it('read the fields of the domain type in its order, and refuse an item of another shape', () => {
    expect(Object.keys(toEnrollment(enrollmentItem(enrollment)))).toEqual(Object.keys(enrollment));
    expect(toEnrollment(enrollmentItem({ ...enrollment, last_op_before: audit.before! })).last_op_before).toEqual(
      audit.before,
    );
    expect(() => toEnrollment({ ...enrollmentItem(enrollment), status: 'waitlisted' })).toThrow();
    expect(() => toEnrollmentAudit({ ...audit, reason: 'sync' })).toThrow();
  });

  it('create only where none is, replace or delete only the version read, and audit once', () => {
    const [created, entry] = writeItems(T, { before: undefined, after: enrollment, audit });
    expect(created!.Put!.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(entry!.Put!.Item).toMatchObject({ entity: 'enrollment_audit', op_id: 'op' });
    expect(entry!.Put!.ConditionExpression).toBe('attribute_not_exists(PK)');
    const [replaced, ...rest] = writeItems(T, {
      before: enrollment,
      after: { ...enrollment, version: 3 },
      audit: null,
    });
    expect(rest).toEqual([]);
    expect(replaced!.Put!.ConditionExpression).toBe('version = :v');
    expect(replaced!.Put!.ExpressionAttributeValues).toEqual({ ':v': 2 });
    const [deleted] = writeItems(T, { before: enrollment, after: null, audit: null });
    expect(deleted!.Delete!.Key).toEqual(keys.enrollment('e-1', enrollment.course_id, ref));
    expect(deleted!.Delete!.ConditionExpression).toBe('version = :v');
  });

  it('move a batch counter only while the batch exists; register a course tenant once', () => {
    const counter = participantCounter(T, 'b-1', -1).Update!;
    expect(counter.Key).toEqual(keys.batch('b-1'));
    expect(counter.ConditionExpression).toBe('attribute_exists(PK)');
    expect(counter.ExpressionAttributeValues).toEqual({ ':delta': -1 });
    const put = courseTenantPut(T, 'c', 'e-1');
    expect(put.Item).toMatchObject({ ...keys.courseTenant('c', 'e-1'), course_id: 'c', tenant: 'e-1' });
    expect(put.ConditionExpression).toBe('attribute_not_exists(PK)');
  });

  it('filter listings by statuses and batch, a batch listing by statuses only', () => {
    const course = courseListing({ tenant: 'e-1', courseId: 'c', statuses: ['enrolled', 'allowed'], batchId: 'b-1' });
    expect(course.keyCondition).toBe('PK = :pk AND begins_with(SK, :prefix)');
    expect(course.sortKeyPrefix).toBe(keys.enrollmentsPrefix);
    expect(course.filter).toBe('#status IN (:s0, :s1) AND batch_id = :batch');
    expect(course.names).toEqual({ '#status': 'status' });
    expect(course.values).toMatchObject({ ':s0': 'enrolled', ':s1': 'allowed', ':batch': 'b-1' });
    expect(courseListingEnd('e-1', 'c').PK).toBe(course.partition.value);
    const member = memberListing({ tenant: 'e-1', ref });
    expect(member).toMatchObject({ index: 'GSI2', filter: undefined, names: undefined });
    const batch = batchListing({ batchId: 'b-1', statuses: ['enrolled'] });
    expect(batch.filter).toBe('#status IN (:s0)');
    expect(batchListing({ batchId: 'b-1', statuses: [] }).filter).toBeUndefined();
    expect(auditListing({ tenant: 'e-1', courseId: 'c', learnerUuid: 'l-1' }).values).toMatchObject({
      ':learner': 'l-1',
    });
    expect(allowedOfEmailQuery(T, 'e-1', 'a@x.org').ExpressionAttributeValues[':allowed']).toBe('allowed');
  });
});
