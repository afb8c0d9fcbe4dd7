import * as z from 'zod';
import { isoTime } from '#shared/http/response-schemas';
import { ENROLLMENT_STATUSES } from './enrollment';

/** A course batch (batch.ts). */
export const BatchAnswer = z.looseObject({
  batch_id: z.string(),
  course_id: z.string(),
  enterprise_customer_uuid: z.uuid(),
  name: z.string(),
  enrollment_type: z.enum(['open', 'invite_only']),
  participant_count: z.int().min(0),
  created_by: z.string(),
  created: isoTime,
  modified: isoTime,
});

/** An enrollment as the API shows it (publicEnrollment). */
export const EnrollmentAnswer = z.looseObject({
  course_id: z.string(),
  enterprise_customer_uuid: z.uuid(),
  learner_uuid: z.uuid().nullable(),
  pending_email: z.string().nullable(),
  batch_id: z.string().nullable(),
  cohort: z.string().nullable(),
  status: z.enum(ENROLLMENT_STATUSES),
  auto_enroll: z.boolean(),
  completed_at: isoTime.nullable(),
  created: isoTime,
  modified: isoTime,
});

/** One change of an enrollment, for the audit (publicAudit). */
export const EnrollmentAuditAnswer = z.looseObject({
  course_id: z.string(),
  learner_uuid: z.uuid().nullable(),
  pending_email: z.string().nullable(),
  transition: z.string(),
  from_status: z.enum(ENROLLMENT_STATUSES),
  to_status: z.enum(ENROLLMENT_STATUSES),
  cohort: z.string().nullable(),
  batch_id: z.string().nullable(),
  actor: z.string(),
  at: isoTime,
  op_id: z.string(),
  reason: z.string(),
});

const ParticipantRow = z.looseObject({
  identifier: z.string(),
  outcome: z.string(),
  learner_uuid: z.uuid().optional(),
  message: z.string().optional(),
});

/** participants/add and /remove: every identifier in exactly one of results (changed), skipped or errors. */
export const ParticipantsAnswer = z.looseObject({
  count: z.int().min(0),
  results: z.array(ParticipantRow),
  skipped: z.array(ParticipantRow),
  errors: z.array(ParticipantRow),
});

/** Open edX's state of one identifier in one course. */
const OpenEdxState = z.looseObject({
  user: z.boolean(),
  enrollment: z.boolean(),
  allowed: z.boolean(),
  auto_enroll: z.boolean(),
  cohort: z.string().nullable().optional(),
});

/** bulk_enroll's answer, as Open edX's: per course, per identifier, its state before and after (or why not). */
export const BulkEnrollAnswer = z.looseObject({
  action: z.enum(['enroll', 'unenroll']),
  auto_enroll: z.boolean(),
  email_students: z.boolean(),
  courses: z.record(
    z.string(),
    z.looseObject({
      action: z.enum(['enroll', 'unenroll']),
      auto_enroll: z.boolean(),
      results: z.array(
        z.looseObject({
          identifier: z.string(),
          before: OpenEdxState.optional(),
          after: OpenEdxState.optional(),
          message: z.string().optional(),
          invalidIdentifier: z.boolean().optional(),
          error: z.boolean().optional(),
        }),
      ),
    }),
  ),
});
