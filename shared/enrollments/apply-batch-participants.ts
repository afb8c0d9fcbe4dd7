import type { Clock } from '#shared/clock';
import { beforeRound, roundOf } from '#shared/db/backoff';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import type { Batch } from './batch';
import type { BatchRepository } from './batch-repository';
import { commitUnits, MAX_ROUNDS, type Unit } from './commit-units';
import { type Enrollment, isEnrolled, type OnEnrollmentsChanged, refId } from './enrollment';
import { changeEnrollment, type EnrollmentPatch, type Operation } from './enrollment-change';
import type { EnrollmentRepository } from './enrollment-repository';
import type { ParticipantOutcome, ParticipantResult } from './participant-outcomes';
import { batchNotFound } from './read-batch';
import { type ParticipantTarget, resolveParticipants } from './resolve-participants';
import type { IdentifierType } from './schemas';

/** One application of participants/add or /remove: a whole request, or a job's chunk of it. */
export interface ParticipantsChunk {
  batchId: string;
  action: 'add' | 'remove';
  identifierType: IdentifierType;
  identifiers: string[];
  actor: string;
  /** Same id for a replay of the same chunk: its own marks are recognised, nothing is counted twice. */
  opId: string;
}

export interface ApplyParticipantsDeps {
  batches: Pick<BatchRepository, 'get'>;
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids'>;
  enrollments: Pick<EnrollmentRepository, 'getMany' | 'commit'>;
  clock: Clock;
  /** After the chunk is committed: the learners it added or removed (automatic groups re-evaluate them). */
  onEnrollmentsChanged?: OnEnrollmentsChanged;
}

type Plan = { outcome: ParticipantOutcome; patch?: EnrollmentPatch; message?: string };

/**
 * DIKSHA rules: adding enrolls a learner of the batch's tenant into the course in this batch;
 * learners already in it are skipped (`already_present`), learners in another batch of the course
 * are refused (`in_other_batch`). Removing unenrolls participants of this batch but never a learner
 * who completed (`already_completed`). `participant_count` moves in the same transactions.
 */
export function planParticipant(
  stored: Enrollment | undefined,
  batch: Batch,
  action: 'add' | 'remove',
  opId: string,
): Plan {
  if (stored?.last_op_id === opId) return { outcome: action === 'add' ? 'added' : 'removed' };
  const here = stored?.batch_id === batch.batch_id;
  if (action === 'remove') {
    if (!stored || !here || !isEnrolled(stored))
      return { outcome: 'not_present', message: 'not a participant of this batch' };
    if (stored.status === 'completed')
      return { outcome: 'already_completed', message: 'completed learners are not removed' };
    return { outcome: 'removed', patch: { status: 'unenrolled' } };
  }
  if (stored && isEnrolled(stored)) {
    if (here) return { outcome: 'already_present', message: 'already a participant of this batch' };
    if (stored.batch_id)
      return { outcome: 'in_other_batch', message: `enrolled in batch ${stored.batch_id} of this course` };
    if (stored.status === 'completed')
      return { outcome: 'already_completed', message: 'completed this course outside any batch' };
  }
  return { outcome: 'added', patch: { status: 'enrolled', auto_enroll: false, batch_id: batch.batch_id } };
}

export const makeApplyBatchParticipants =
  ({ batches, learners, enrollments, clock, onEnrollmentsChanged }: ApplyParticipantsDeps) =>
  async (chunk: ParticipantsChunk): Promise<ParticipantResult[]> => {
    const batch = await batches.get(chunk.batchId);
    if (!batch) throw batchNotFound(chunk.batchId);
    const { targets, rejected } = await resolveParticipants(
      learners,
      batch.enterprise_customer_uuid,
      chunk.identifierType,
      chunk.identifiers,
    );
    const results: ParticipantResult[] = [...rejected];
    let todo: ParticipantTarget[] = targets;
    // An add's first round guesses that no target has an enrollment in the course yet, as a bulk
    // enroll's does (see apply-bulk-enrollment.ts): a wrong guess cancels its transaction, writes
    // nothing and stops the round; the next round reads and plans.
    const guessing = chunk.action === 'add';
    for (let round = 0; todo.length > 0; round++) {
      const { guess, retries } = roundOf(round, guessing);
      if (retries === MAX_ROUNDS) {
        results.push(
          ...todo.map((t) => ({
            identifier: t.identifier,
            outcome: 'error' as const,
            message: 'kept changing; retry',
          })),
        );
        break;
      }
      await beforeRound(retries);
      const op: Operation = { opId: chunk.opId, actor: chunk.actor, at: clock.now(), reason: 'batch_participants' };
      const stored = guess
        ? new Map<string, Enrollment>()
        : await enrollments.getMany(
            batch.enterprise_customer_uuid,
            batch.course_id,
            todo.map((t) => ({ learnerUuid: t.learnerUuid })),
          );
      const units: (Unit & { target: ParticipantTarget; outcome: ParticipantOutcome })[] = [];
      for (const target of todo) {
        const current = stored.get(refId({ learnerUuid: target.learnerUuid }));
        const plan = planParticipant(current, batch, chunk.action, chunk.opId);
        const row = { identifier: target.identifier, outcome: plan.outcome, learner_uuid: target.learnerUuid };
        if (!plan.patch) results.push({ ...row, ...(plan.message && { message: plan.message }) });
        else {
          const identity = {
            tenant: batch.enterprise_customer_uuid,
            courseId: batch.course_id,
            ref: { learnerUuid: target.learnerUuid },
          };
          units.push({ target, outcome: plan.outcome, writes: [changeEnrollment(current, identity, plan.patch, op)] });
        }
      }
      const { done, retry } = await commitUnits(enrollments, units, { untilCancelled: guess });
      results.push(
        ...done.map((u) => ({
          identifier: u.target.identifier,
          outcome: u.outcome,
          learner_uuid: u.target.learnerUuid,
        })),
      );
      todo = retry.map((u) => u.target);
    }
    // `added`/`removed` are also what a replayed chunk reports, so a replay hands them over again.
    const moved = results.flatMap((r) =>
      (r.outcome === 'added' || r.outcome === 'removed') && r.learner_uuid ? [r.learner_uuid] : [],
    );
    if (moved.length > 0)
      await onEnrollmentsChanged?.(
        batch.enterprise_customer_uuid,
        [{ course_id: batch.course_id, learner_uuids: moved }],
        { actor: chunk.actor },
      );
    const order = new Map(chunk.identifiers.map((id, i) => [id, i]));
    return results.sort((a, b) => (order.get(a.identifier) ?? 0) - (order.get(b.identifier) ?? 0));
  };
