import { assertAdministers, type Caller } from '#shared/auth/caller';
import { beforeRound } from '#shared/db/backoff';
import type { Clock, IdGenerator } from '#shared/clock';
import { ConflictError, NotFoundError } from '#shared/errors';
import { MAX_ROUNDS } from './commit-units';
import { type Enrollment, type OnEnrollmentsChanged, publicEnrollment } from './enrollment';
import { changeEnrollment } from './enrollment-change';
import type { EnrollmentRepository } from './enrollment-repository';

export interface CompleteEnrollmentInput {
  enterprise_customer_uuid: string;
  completed_at?: string | undefined;
}

/**
 * Records that an enrolled learner completed a course (`from enrolled to completed`, audited); the
 * enrollment keeps its batch seat and can no longer be unenrolled or removed from its batch.
 * Recording it again answers the stored completion; a learner who is not enrolled is a 409. Then
 * `onChanged` re-evaluates the learner's automatic groups — also on a repeat, so a retry of a call
 * whose re-evaluation failed finishes it.
 */
export const makeCompleteEnrollment =
  (
    enrollments: Pick<EnrollmentRepository, 'get' | 'commit'>,
    clock: Clock,
    ids: IdGenerator,
    onChanged?: OnEnrollmentsChanged,
  ) =>
  async (caller: Caller, courseId: string, learnerUuid: string, input: CompleteEnrollmentInput) => {
    const tenant = input.enterprise_customer_uuid;
    assertAdministers(caller, tenant);
    const ref = { learnerUuid };
    const changed = async (enrollment: Enrollment) => {
      await onChanged?.(tenant, [{ course_id: courseId, learner_uuids: [learnerUuid] }], { actor: caller.sub });
      return publicEnrollment(enrollment);
    };
    for (let round = 0; round < MAX_ROUNDS; round++) {
      await beforeRound(round);
      const current = await enrollments.get(tenant, courseId, ref);
      if (!current)
        throw new NotFoundError('enrollment_not_found', `Learner ${learnerUuid} has no enrollment in ${courseId}`);
      if (current.status === 'completed') return changed(current);
      if (current.status !== 'enrolled')
        throw new ConflictError(
          'not_enrolled',
          `Learner ${learnerUuid} is ${current.status} in ${courseId}, not enrolled`,
        );
      const now = clock.now();
      const write = changeEnrollment(
        current,
        { tenant, courseId, ref },
        { status: 'completed', completed_at: input.completed_at ?? now },
        { opId: ids.uuid(), actor: caller.sub, at: now, reason: 'completion' },
      );
      if ((await enrollments.commit([write])).ok) return changed(write.after as Enrollment);
    }
    throw new ConflictError('concurrent_modification', 'The enrollment kept changing; retry the request');
  };
