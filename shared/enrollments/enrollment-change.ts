import type { MemberRef } from '#shared/db/keys';
import {
  type Enrollment,
  type EnrollmentAudit,
  type EnrollmentSnapshot,
  participantOf,
  snapshotOf,
  transitionName,
} from './enrollment';

/** One conditional write: `before` must still be what is stored; `after` null deletes it. */
export interface EnrollmentWrite {
  before: Enrollment | undefined;
  after: Enrollment | null;
  audit: EnrollmentAudit | null;
}

/** The operation a change belongs to: its id (a request or a job chunk), who acts, when and why. */
export interface Operation {
  opId: string;
  actor: string;
  at: string;
  reason: EnrollmentAudit['reason'];
}

export interface EnrollmentIdentity {
  tenant: string;
  courseId: string;
  ref: MemberRef;
}

export type EnrollmentPatch = Partial<EnrollmentSnapshot & Pick<Enrollment, 'completed_at'>>;

/**
 * The write that moves `current` by `patch` under `op`: a new version marked with the operation
 * (so a replay of the same operation recognises its own work) and its audit entry.
 */
export function changeEnrollment(
  current: Enrollment | undefined,
  { tenant, courseId, ref }: EnrollmentIdentity,
  patch: EnrollmentPatch,
  op: Operation,
): EnrollmentWrite {
  const before = snapshotOf(current);
  const after: Enrollment = {
    enterprise_customer_uuid: tenant,
    course_id: courseId,
    learner_uuid: 'learnerUuid' in ref ? ref.learnerUuid : null,
    pending_email: 'email' in ref ? ref.email : null,
    ...before,
    completed_at: current?.completed_at ?? null,
    ...patch,
    created: current?.created ?? op.at,
    modified: op.at,
    version: (current?.version ?? 0) + 1,
    last_op_id: op.opId,
    last_op_before: before,
  };
  return { before: current, after, audit: auditOf(before, after, op) };
}

export function auditOf(before: EnrollmentSnapshot, after: Enrollment, op: Operation): EnrollmentAudit {
  return {
    enterprise_customer_uuid: after.enterprise_customer_uuid,
    course_id: after.course_id,
    learner_uuid: after.learner_uuid,
    pending_email: after.pending_email,
    transition: transitionName(before.status, after.status),
    from_status: before.status,
    to_status: after.status,
    cohort: after.cohort,
    batch_id: after.batch_id,
    actor: op.actor,
    at: op.at,
    op_id: op.opId,
    reason: op.reason,
    before,
    version: after.version,
  };
}

/** How each batch's `participant_count` moves when these writes commit. */
export function participantDeltas(writes: EnrollmentWrite[]): Map<string, number> {
  const deltas = new Map<string, number>();
  const move = (batchId: string | null, by: number) => {
    if (batchId) deltas.set(batchId, (deltas.get(batchId) ?? 0) + by);
  };
  for (const w of writes) {
    move(participantOf(w.before), -1);
    move(participantOf(w.after), +1);
  }
  for (const [batchId, delta] of deltas) if (delta === 0) deltas.delete(batchId);
  return deltas;
}
