import type { BulkEnrollmentChunk, BulkResultRow } from './apply-bulk-enrollment';
import type { BulkEnrollBody } from './schemas';

/** What a bulk enrollment applies besides its identifiers: a job keeps it in its `target`. */
export type BulkEnrollmentSettings = Omit<BulkEnrollmentChunk, 'tenant' | 'identifiers' | 'actor' | 'opId'>;

/** A bulk_enroll request's settings (each course paired with the cohort at its position). */
export const settingsOf = (body: BulkEnrollBody): BulkEnrollmentSettings => ({
  action: body.action,
  courses: body.courses.map((course_id, i) => ({ course_id, cohort: body.cohorts?.[i] ?? null })),
  autoEnroll: body.auto_enroll,
  emailStudents: body.email_students,
  withCohorts: body.cohorts !== undefined,
});

/** The chunk a whole request amounts to (a job splits `identifiers` into several with their own op ids). */
export function chunkOf(body: BulkEnrollBody, actor: string, opId: string): BulkEnrollmentChunk {
  return {
    tenant: body.enterprise_customer_uuid,
    ...settingsOf(body),
    identifiers: body.identifiers,
    actor,
    opId,
  };
}

/** Open edX's answer: per course, the action and every identifier's result. */
export function bulkEnrollResponse(body: BulkEnrollBody, results: Record<string, BulkResultRow[]>) {
  return {
    action: body.action,
    auto_enroll: body.auto_enroll,
    email_students: body.email_students,
    courses: Object.fromEntries(
      body.courses.map((course) => [
        course,
        { action: body.action, auto_enroll: body.auto_enroll, results: results[course] ?? [] },
      ]),
    ),
  };
}
