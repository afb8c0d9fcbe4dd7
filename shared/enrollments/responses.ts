import * as z from 'zod';
import { isoTime } from '#shared/http/response-schemas';
import { ENROLLMENT_STATUSES } from './enrollment';

/** A course batch (batch.ts). */
export const BatchAnswer = z
  .looseObject({
    batch_id: z.string(),
    course_id: z.string(),
    enterprise_customer_uuid: z.uuid(),
    name: z.string(),
    enrollment_type: z.enum(['open', 'invite_only']),
    participant_count: z.int().min(0),
    created_by: z.string(),
    created: isoTime,
    modified: isoTime,
  })
  .meta({
    examples: [
      {
        batch_id: 'cohort-a',
        course_id: 'course-v1:edX+Demo+2026',
        enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
        name: 'Cohort A',
        enrollment_type: 'invite_only',
        participant_count: 24,
        created_by: 'admin-1',
        created: '2026-11-30T09:15:00.000Z',
        modified: '2026-11-30T09:15:00.000Z',
      },
    ],
  });

/** An enrollment as the API shows it (publicEnrollment). */
export const EnrollmentAnswer = z
  .looseObject({
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
  })
  .meta({
    examples: [
      {
        course_id: 'course-v1:edX+Demo+2026',
        enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
        learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d',
        pending_email: null,
        batch_id: null,
        cohort: 'cohortA',
        status: 'enrolled',
        auto_enroll: false,
        completed_at: null,
        created: '2026-11-30T09:15:00.000Z',
        modified: '2026-11-30T09:15:00.000Z',
      },
    ],
  });

/** One change of an enrollment, for the audit (publicAudit). */
export const EnrollmentAuditAnswer = z
  .looseObject({
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
  })
  .meta({
    examples: [
      {
        course_id: 'course-v1:edX+Demo+2026',
        learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d',
        pending_email: null,
        transition: 'from unenrolled to enrolled',
        from_status: 'unenrolled',
        to_status: 'enrolled',
        cohort: 'cohortA',
        batch_id: null,
        actor: 'admin-1',
        at: '2026-11-30T09:15:00.000Z',
        op_id: '9f1e2d3c-4b5a-4968-8776-655443322110',
        reason: 'bulk_enroll',
      },
    ],
  });

const ParticipantRow = z.looseObject({
  identifier: z.string(),
  outcome: z.string(),
  learner_uuid: z.uuid().optional(),
  message: z.string().optional(),
});

/** participants/add and /remove: every identifier in exactly one of results (changed), skipped or errors. */
export const ParticipantsAnswer = z
  .looseObject({
    count: z.int().min(0),
    results: z.array(ParticipantRow),
    skipped: z.array(ParticipantRow),
    errors: z.array(ParticipantRow),
  })
  .meta({
    examples: [
      {
        count: 1,
        results: [
          { identifier: 'ada@example.com', outcome: 'enrolled', learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d' },
        ],
        skipped: [{ identifier: 'grace@example.com', outcome: 'already_present' }],
        errors: [
          { identifier: 'not-an-email', outcome: 'invalid', message: 'not an e-mail address or a learner uuid' },
        ],
      },
    ],
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
export const BulkEnrollAnswer = z
  .looseObject({
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
  })
  .meta({
    examples: [
      {
        action: 'enroll',
        auto_enroll: true,
        email_students: false,
        courses: {
          'course-v1:edX+Demo+2026': {
            action: 'enroll',
            auto_enroll: true,
            results: [
              {
                identifier: 'ada@example.com',
                before: { user: true, enrollment: false, allowed: false, auto_enroll: false, cohort: null },
                after: { user: true, enrollment: true, allowed: false, auto_enroll: false, cohort: null },
              },
            ],
          },
        },
      },
    ],
  });
