import type { Clock, IdGenerator } from '#shared/clock';
import { beforeRound } from '#shared/db/backoff';
import { ConflictError } from '#shared/errors';
import type { Learner } from '#shared/learners/learner';
import { commitUnits, MAX_ROUNDS, type Unit } from './commit-units';
import { type Enrollment, isEnrolled, snapshotOf } from './enrollment';
import { auditOf, changeEnrollment, type EnrollmentWrite, type Operation } from './enrollment-change';
import type { EnrollmentRepository } from './enrollment-repository';

export interface FulfillDeps {
  enrollments: Pick<EnrollmentRepository, 'listAllowedOfEmail' | 'get' | 'commit'>;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Called whenever a learner is written: every course allowance waiting for its e-mail in its
 * tenant moves to the learner in one transaction each (the e-mail's item deleted, the learner's
 * written). With `auto_enroll` the learner is enrolled (`from allowed to enroll to enrolled`,
 * audited), otherwise it keeps the allowance. A learner already enrolled keeps its enrollment.
 * Running it again finds nothing left to do. Returns how many enrollments it made.
 */
export const makeFulfillAllowedEnrollments =
  ({ enrollments, clock, ids }: FulfillDeps) =>
  async (learner: Learner, { actor }: { actor: string }): Promise<number> => {
    const tenant = learner.enterprise_customer_uuid;
    let enrolled = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      await beforeRound(round);
      const allowed = await enrollments.listAllowedOfEmail(tenant, learner.email);
      if (allowed.length === 0) return enrolled;
      const op: Operation = { opId: ids.uuid(), actor, at: clock.now(), reason: 'learner_created' };
      const units: (Unit & { enrolls: boolean })[] = [];
      for (const allowance of allowed) {
        const own = await enrollments.get(tenant, allowance.course_id, { learnerUuid: learner.learner_uuid });
        units.push(moveAllowance(allowance, own, learner.learner_uuid, op));
      }
      const { done } = await commitUnits(enrollments, units);
      enrolled += done.filter((u) => u.enrolls).length;
    }
    throw new ConflictError('concurrent_modification', 'Course allowances of this e-mail kept changing; retry');
  };

function moveAllowance(
  allowance: Enrollment,
  own: Enrollment | undefined,
  learnerUuid: string,
  op: Operation,
): Unit & { enrolls: boolean } {
  const drop: EnrollmentWrite = { before: allowance, after: null, audit: null };
  const ownState = own?.status ?? 'unenrolled';
  if (ownState !== 'unenrolled' && (isEnrolled({ status: ownState }) || !allowance.auto_enroll))
    return { writes: [drop], enrolls: false };
  const identity = { tenant: allowance.enterprise_customer_uuid, courseId: allowance.course_id, ref: { learnerUuid } };
  const patch = allowance.auto_enroll
    ? { status: 'enrolled' as const, auto_enroll: false, cohort: allowance.cohort ?? own?.cohort ?? null }
    : { status: 'allowed' as const, auto_enroll: false, cohort: allowance.cohort ?? own?.cohort ?? null };
  const moved = changeEnrollment(own, identity, patch, op);
  // The transition is the allowance's: `from allowed to enroll to enrolled`.
  const audit = auditOf(snapshotOf(allowance), moved.after!, op);
  return { writes: [drop, { ...moved, audit }], enrolls: allowance.auto_enroll };
}
