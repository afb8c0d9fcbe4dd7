import { describe, expect, it } from 'vitest';
import { type EnrollmentSnapshot, NO_ENROLLMENT, transitionName } from '#shared/enrollments/enrollment';
import { enrollmentTemplate, openEdxState, planBulkChange } from '#shared/enrollments/plan-bulk-change';

const at = (status: EnrollmentSnapshot['status'], extra: Partial<EnrollmentSnapshot> = {}): EnrollmentSnapshot => ({
  ...NO_ENROLLMENT,
  status,
  ...extra,
});
const enroll = { action: 'enroll' as const, autoEnroll: true, cohort: null };
const unenroll = { action: 'unenroll' as const, autoEnroll: false, cohort: null };

describe('planBulkChange', () => {
  it('enrolls a learner that is not enrolled, into the cohort', () => {
    expect(planBulkChange(NO_ENROLLMENT, true, { ...enroll, cohort: 'A' })).toEqual({
      patch: { status: 'enrolled', auto_enroll: false, cohort: 'A' },
    });
    expect(planBulkChange(at('allowed', { auto_enroll: true }), true, enroll).patch).toMatchObject({
      status: 'enrolled',
    });
  });

  it('writes nothing for an enrolled learner in the same cohort, only the cohort when it differs', () => {
    expect(planBulkChange(at('enrolled', { cohort: 'A' }), true, { ...enroll, cohort: 'A' })).toEqual({ patch: null });
    expect(planBulkChange(at('enrolled', { cohort: 'A' }), true, { ...enroll, cohort: 'B' })).toEqual({
      patch: { cohort: 'B' },
    });
  });

  it('allows an unknown e-mail, remembering auto_enroll', () => {
    expect(planBulkChange(NO_ENROLLMENT, false, enroll)).toEqual({ patch: { status: 'allowed', auto_enroll: true } });
    expect(planBulkChange(at('allowed', { auto_enroll: true }), false, enroll)).toEqual({ patch: null });
    expect(planBulkChange(at('allowed', { auto_enroll: true }), false, { ...enroll, autoEnroll: false })).toEqual({
      patch: { auto_enroll: false },
    });
  });

  it('unenrolls enrolled learners and allowances, never a completion', () => {
    expect(planBulkChange(at('enrolled'), true, unenroll)).toEqual({
      patch: { status: 'unenrolled', auto_enroll: false },
    });
    expect(planBulkChange(at('allowed'), false, unenroll).patch).toMatchObject({ status: 'unenrolled' });
    expect(planBulkChange(NO_ENROLLMENT, false, unenroll)).toEqual({ patch: null });
    expect(planBulkChange(at('completed'), true, unenroll)).toEqual({
      patch: null,
      message: 'completed learners are not unenrolled',
    });
  });
});

describe('Open edX wording', () => {
  it('reports states and transitions as students_update_enrollment does', () => {
    expect(openEdxState(at('allowed', { auto_enroll: true, cohort: 'A' }), false, true)).toEqual({
      user: false,
      enrollment: false,
      allowed: true,
      auto_enroll: true,
      cohort: 'A',
    });
    expect(openEdxState(at('completed'), true, false)).toEqual({
      user: true,
      enrollment: true,
      allowed: false,
      auto_enroll: false,
    });
    expect(transitionName('unenrolled', 'allowed')).toBe('from unenrolled to allowed to enroll');
    expect(transitionName('allowed', 'enrolled')).toBe('from allowed to enroll to enrolled');
  });

  it('sends an e-mail only for a status change', () => {
    expect(enrollmentTemplate('unenrolled', 'enrolled')).toBe('enrollment_enrolled');
    expect(enrollmentTemplate('unenrolled', 'allowed')).toBe('enrollment_allowed');
    expect(enrollmentTemplate('allowed', 'unenrolled')).toBe('enrollment_allowance_removed');
    expect(enrollmentTemplate('enrolled', 'unenrolled')).toBe('enrollment_unenrolled');
    expect(enrollmentTemplate('enrolled', 'enrolled')).toBeNull();
  });
});
