import { type Caller, isStaff } from '#shared/auth/caller';
import type { IdGenerator } from '#shared/clock';
import { ForbiddenError, TooManyIdentifiersError } from '#shared/errors';
import type { BulkEnrollmentChunk, BulkResultRow } from './apply-bulk-enrollment';
import { type BulkEnrollBody, MAX_SYNC_PAIRS } from './schemas';

export interface BulkEnrollDeps {
  apply: (chunk: BulkEnrollmentChunk) => Promise<Record<string, BulkResultRow[]>>;
  /** Spends a bulk_enroll call of the caller in the body's tenant (429 when spent). */
  throttle: (caller: Caller, tenant: string) => Promise<void>;
  ids: IdGenerator;
}

/** The chunk a whole request amounts to (a job splits `identifiers` into several with their own op ids). */
export function chunkOf(body: BulkEnrollBody, actor: string, opId: string): BulkEnrollmentChunk {
  return {
    tenant: body.enterprise_customer_uuid,
    action: body.action,
    courses: body.courses.map((course_id, i) => ({ course_id, cohort: body.cohorts?.[i] ?? null })),
    identifiers: body.identifiers,
    autoEnroll: body.auto_enroll,
    emailStudents: body.email_students,
    withCohorts: body.cohorts !== undefined,
    actor,
    opId,
  };
}

/**
 * Open edX bulk_enroll: staff only, throttled per caller, at most MAX_SYNC_PAIRS identifier×course
 * pairs in one synchronous call (`too_many_identifiers` beyond). The body was fully validated
 * before this runs (cohorts included), so a refused request has written nothing.
 */
export const makeBulkEnroll =
  ({ apply, throttle, ids }: BulkEnrollDeps) =>
  async (caller: Caller, body: BulkEnrollBody) => {
    if (!isStaff(caller)) throw new ForbiddenError('bulk_enroll is for staff only');
    await throttle(caller, body.enterprise_customer_uuid);
    const pairs = body.identifiers.length * body.courses.length;
    if (pairs > MAX_SYNC_PAIRS) throw new TooManyIdentifiersError(MAX_SYNC_PAIRS, pairs, 'body.identifiers');
    return bulkEnrollResponse(body, await apply(chunkOf(body, caller.sub, ids.uuid())));
  };

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
