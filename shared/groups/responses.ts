import * as z from 'zod';
import { HISTORY_ACTIONS } from '#shared/history/history-entry';
import { GuardAnswer, isoTime, JobAccepted } from '#shared/http/response-schemas';

/** What a learner member sees of a group (learnerGroupView). */
export const LearnerGroupAnswer = z.looseObject({
  group_uuid: z.uuid(),
  name: z.string(),
  enterprise_customer_uuid: z.uuid(),
  description: z.string().nullable(),
  type: z.enum(['manual', 'automatic']),
  status: z.enum(['active', 'inactive']),
});

/** An automatic group's rule processing: on or paused, and its last run. */
const RuleProcessing = z.looseObject({
  state: z.enum(['on', 'paused']),
  status: z.enum([
    'not_started',
    'running',
    'awaiting_approval',
    'succeeded',
    'completed_with_errors',
    'failed',
    'aborted',
    'cancelled',
  ]),
  last_membership_update: isoTime.nullable(),
  error: z.string().nullable(),
  job_id: z.uuid().nullable(),
  scheduled_tick: isoTime.optional(),
});

/**
 * A learner's projection carries no version (nor anything else of the administrator's view): said
 * here, so that an administrator's group with a drifted field cannot pass for a projection.
 */
const LearnerGroupRead = LearnerGroupAnswer.extend({ version: z.never().optional() });

/** A group as its administrators see it (the Group of group.ts). */
export const GroupAnswer = LearnerGroupAnswer.extend({
  external_id: z.string().nullable(),
  legacy_id: z.int().nullable(),
  user_limit: z.int().nullable(),
  member_count: z.int().min(0),
  notification_emails: z.array(z.string()),
  tags: z.array(z.looseObject({ name: z.string(), values: z.array(z.string()) })),
  learning_modules: z.array(
    z.looseObject({ course_id: z.string(), allow_self_enroll: z.boolean(), auto_enroll: z.boolean() }),
  ),
  /** A change removing more than max_percent of the members, and at least min_removals, waits for approval; null: off. */
  removal_guard: z.looseObject({ max_percent: z.number(), min_removals: z.int().min(0) }).nullable(),
  created: isoTime,
  modified: isoTime,
  version: z.int().min(1),
  /** Automatic groups: the membership conditions (null for manual groups). */
  ruleset: z.looseObject({}).nullable().optional(),
  rule_version: z.int().nullable().optional(),
  rule_generation: z.int().nullable().optional(),
  rule_processing: RuleProcessing.nullable().optional(),
}).meta({
  examples: [
    {
      group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
      name: 'Sales EMEA',
      enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
      description: 'EMEA sales reps',
      type: 'manual',
      status: 'active',
      external_id: 'G-432',
      legacy_id: null,
      user_limit: 200,
      member_count: 12,
      notification_emails: ['lms-admin@example.com'],
      tags: [{ name: 'region', values: ['EMEA'] }],
      learning_modules: [],
      removal_guard: { max_percent: 20, min_removals: 50 },
      created: '2026-11-30T09:15:00.000Z',
      modified: '2026-11-30T09:15:00.000Z',
      version: 3,
      ruleset: null,
      rule_version: null,
      rule_generation: null,
      rule_processing: null,
    },
  ],
});

/** A group read: the administrator's view, or a learner member's projection. */
export const GroupReadAnswer = z.union([GroupAnswer, LearnerGroupRead]);

/** PATCH's answer: the group, and the job enrolling its members when a learning module now auto-enrolls. */
export const UpdatedGroupAnswer = GroupAnswer.extend({ learning_module_enrollment: JobAccepted.nullable() });

const MemberState = z.looseObject({
  status: z.enum(['pending', 'active', 'removed', 'error']),
  home_group: z.boolean(),
  permissions: z.array(z.string()),
});

/** One entry of a group's audit trail (history-entry.ts). */
export const HistoryEntryAnswer = z
  .looseObject({
    history_id: z.string(),
    group_uuid: z.uuid(),
    enterprise_customer_uuid: z.uuid(),
    actor: z.string(),
    at: isoTime,
    action: z.enum(HISTORY_ACTIONS),
    op_id: z.string().nullable(),
    changes: z.record(z.string(), z.looseObject({ before: z.unknown(), after: z.unknown() })).optional(),
    member_count_delta: z.int().optional(),
    members: z
      .array(
        z.looseObject({
          enterprise_group_membership_uuid: z.string(),
          learner_uuid: z.string().nullable(),
          pending_learner_email: z.string().nullable(),
          outcome: z.string(),
          before: MemberState.nullable(),
          after: MemberState.nullable(),
        }),
      )
      .optional(),
    /** Removal-guard actions: the job whose removals were held, approved or cancelled, and what the guard found. */
    job_id: z.uuid().optional(),
    guard: GuardAnswer.optional(),
  })
  .meta({
    examples: [
      {
        history_id: '9e8d7c6b-5a49-4382-a716-05f4e3d2c1b0-removed',
        group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
        enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
        actor: 'admin-1',
        at: '2026-11-30T09:15:00.000Z',
        action: 'memberships_changed',
        op_id: null,
        member_count_delta: -1,
        members: [
          {
            enterprise_group_membership_uuid: '9e8d7c6b-5a49-4382-a716-05f4e3d2c1b0',
            learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d',
            pending_learner_email: null,
            outcome: 'removed',
            before: { status: 'active', home_group: false, permissions: [] },
            after: { status: 'removed', home_group: false, permissions: [] },
          },
        ],
      },
    ],
  });
