import type { MemberRef } from '#shared/db/keys';

/**
 * `allowed`: an e-mail (or a learner) may enroll but is not enrolled yet; with `auto_enroll` the
 * allowance turns into an enrollment as soon as a learner with that e-mail is created (Open edX
 * CourseEnrollmentAllowed).
 */
export type EnrollmentStatus = 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
export const ENROLLMENT_STATUSES = ['enrolled', 'unenrolled', 'allowed', 'completed'] as const;

/** A learner's (or a pending e-mail's) place in one course of one tenant, optionally in a batch and a cohort. */
export interface Enrollment {
  enterprise_customer_uuid: string;
  course_id: string;
  learner_uuid: string | null;
  pending_email: string | null;
  status: EnrollmentStatus;
  auto_enroll: boolean;
  cohort: string | null;
  /** Kept when the learner is unenrolled, so the history shows the batch; re-enrolling returns to it. */
  batch_id: string | null;
  completed_at: string | null;
  created: string;
  modified: string;
  version: number;
  /** The operation (a request or a job chunk) that last changed this enrollment, and the state before it. */
  last_op_id: string | null;
  last_op_before: EnrollmentSnapshot | null;
}

/** The parts of an enrollment a transition is about. A missing enrollment reads as `unenrolled`. */
export type EnrollmentSnapshot = Pick<Enrollment, 'status' | 'auto_enroll' | 'cohort' | 'batch_id'>;

export const NO_ENROLLMENT: EnrollmentSnapshot = {
  status: 'unenrolled',
  auto_enroll: false,
  cohort: null,
  batch_id: null,
};

export const snapshotOf = (e: Enrollment | undefined): EnrollmentSnapshot =>
  e ? { status: e.status, auto_enroll: e.auto_enroll, cohort: e.cohort, batch_id: e.batch_id } : NO_ENROLLMENT;

/** Enrolled and completed learners hold a seat in the course (and in their batch). */
/** Learners whose enrollment status changed, by course (what enrollment rules of automatic groups read). */
export type EnrollmentChanges = { course_id: string; learner_uuids: string[] }[];

/**
 * Told, after the enrollments are committed, whose status changed in which courses; automatic groups
 * with `enrollment_status` rules re-evaluate those learners. Idempotent: a replayed chunk tells again.
 */
export type OnEnrollmentsChanged = (
  tenant: string,
  changes: EnrollmentChanges,
  context: { actor: string },
) => Promise<unknown>;

export const isEnrolled = (s: Pick<EnrollmentSnapshot, 'status'>) =>
  s.status === 'enrolled' || s.status === 'completed';

/** How an enrollment counts in its batch's `participant_count`. */
export const participantOf = (e: Enrollment | null | undefined): string | null =>
  e && e.learner_uuid && e.batch_id && isEnrolled(e) ? e.batch_id : null;

export const enrollmentRef = (e: Pick<Enrollment, 'learner_uuid' | 'pending_email'>): MemberRef =>
  e.learner_uuid ? { learnerUuid: e.learner_uuid } : { email: e.pending_email ?? '' };

export const refId = (ref: MemberRef) => ('learnerUuid' in ref ? `L#${ref.learnerUuid}` : `E#${ref.email}`);

const STATE_NAMES: Record<EnrollmentStatus, string> = {
  enrolled: 'enrolled',
  unenrolled: 'unenrolled',
  allowed: 'allowed to enroll',
  completed: 'completed',
};

/** Open edX's ManualEnrollmentAudit wording: `from unenrolled to allowed to enroll`, `from enrolled to unenrolled`. */
export const transitionName = (from: EnrollmentStatus, to: EnrollmentStatus) =>
  `from ${STATE_NAMES[from]} to ${STATE_NAMES[to]}`;

export const AUDIT_REASONS = [
  'bulk_enroll',
  'batch_participants',
  'learner_created',
  'completion',
  'learning_module',
  'revert',
] as const;
export type AuditReason = (typeof AUDIT_REASONS)[number];

/** One audited change: what moved, who did it, when, and through which operation. */
export interface EnrollmentAudit {
  enterprise_customer_uuid: string;
  course_id: string;
  learner_uuid: string | null;
  pending_email: string | null;
  transition: string;
  from_status: EnrollmentStatus;
  to_status: EnrollmentStatus;
  cohort: string | null;
  batch_id: string | null;
  actor: string;
  at: string;
  op_id: string;
  reason: AuditReason;
  /**
   * Bookkeeping for reverts, not shown: the whole state before the change and the enrollment's version
   * after it, so a job that wrote one enrollment twice is undone to before its first write. Null on
   * entries written before they were recorded.
   */
  before?: EnrollmentSnapshot | null;
  version?: number | null;
}

/** The enrollment as the API shows it. */
export function publicEnrollment(e: Enrollment) {
  return {
    course_id: e.course_id,
    enterprise_customer_uuid: e.enterprise_customer_uuid,
    learner_uuid: e.learner_uuid,
    pending_email: e.pending_email,
    batch_id: e.batch_id,
    cohort: e.cohort,
    status: e.status,
    auto_enroll: e.auto_enroll,
    completed_at: e.completed_at,
    created: e.created,
    modified: e.modified,
  };
}

export function publicAudit(a: EnrollmentAudit) {
  return {
    course_id: a.course_id,
    learner_uuid: a.learner_uuid,
    pending_email: a.pending_email,
    transition: a.transition,
    from_status: a.from_status,
    to_status: a.to_status,
    cohort: a.cohort,
    batch_id: a.batch_id,
    actor: a.actor,
    at: a.at,
    op_id: a.op_id,
    reason: a.reason,
  };
}
