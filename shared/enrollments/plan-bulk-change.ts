import { type EnrollmentSnapshot, type EnrollmentStatus, isEnrolled } from './enrollment';
import type { EnrollmentPatch } from './enrollment-change';

/** A learner's state in a course as Open edX's `students_update_enrollment` reports it. */
export interface OpenEdxState {
  user: boolean;
  enrollment: boolean;
  allowed: boolean;
  auto_enroll: boolean;
  cohort?: string | null;
}

export function openEdxState(s: EnrollmentSnapshot, isUser: boolean, withCohort: boolean): OpenEdxState {
  const state: OpenEdxState = {
    user: isUser,
    enrollment: isEnrolled(s),
    allowed: s.status === 'allowed',
    auto_enroll: s.status === 'allowed' && s.auto_enroll,
  };
  return withCohort ? { ...state, cohort: s.cohort } : state;
}

export interface BulkRequest {
  action: 'enroll' | 'unenroll';
  autoEnroll: boolean;
  cohort: string | null;
}

/** What one bulk_enroll action does to one enrollment: a patch, nothing, or a refusal to unenroll a completion. */
export type BulkChange = { patch: EnrollmentPatch } | { patch: null; message?: string };

/**
 * Open edX semantics: enrolling a learner enrolls it (and puts it in the cohort); enrolling an
 * unknown e-mail allows it (`auto_enroll` remembered for when the learner is created); unenrolling
 * removes an enrollment or an allowance. Completed learners are never unenrolled. Nothing that is
 * already so is written again.
 */
export function planBulkChange(current: EnrollmentSnapshot, isUser: boolean, req: BulkRequest): BulkChange {
  const cohort = req.cohort !== null && req.cohort !== current.cohort ? { cohort: req.cohort } : {};
  if (req.action === 'unenroll') {
    if (current.status === 'completed') return { patch: null, message: 'completed learners are not unenrolled' };
    if (current.status === 'unenrolled') return { patch: null };
    return { patch: { status: 'unenrolled', auto_enroll: false } };
  }
  if (isUser) {
    if (isEnrolled(current)) return Object.keys(cohort).length ? { patch: cohort } : { patch: null };
    return { patch: { status: 'enrolled', auto_enroll: false, ...cohort } };
  }
  if (current.status === 'allowed') {
    const patch = { ...cohort, ...(current.auto_enroll !== req.autoEnroll ? { auto_enroll: req.autoEnroll } : {}) };
    return Object.keys(patch).length ? { patch } : { patch: null };
  }
  return { patch: { status: 'allowed', auto_enroll: req.autoEnroll, ...cohort } };
}

/** The e-mail an `email_students` request sends for a transition, if any. */
export function enrollmentTemplate(from: EnrollmentStatus, to: EnrollmentStatus): string | null {
  if (from === to) return null;
  if (to === 'enrolled') return 'enrollment_enrolled';
  if (to === 'allowed') return 'enrollment_allowed';
  if (to === 'unenrolled') return from === 'allowed' ? 'enrollment_allowance_removed' : 'enrollment_unenrolled';
  return null;
}
