import * as z from 'zod';
import { isoTime, listPage, OutcomeRow } from '#shared/http/response-schemas';
import { PERMISSIONS } from './membership';

/** The membership every membership answer's example shows. */
const MEMBERSHIP_EXAMPLE = {
  enterprise_group_membership_uuid: '9e8d7c6b-5a49-4382-a716-05f4e3d2c1b0',
  learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d',
  pending_learner_email: null,
  status: 'active',
  source: 'manual',
  invited_at: null,
  activated_at: '2026-11-30T09:15:00.000Z',
  removed_at: null,
  home_group: false,
  permissions: ['PROCTOR'],
  created: '2026-11-30T09:15:00.000Z',
  modified: '2026-11-30T09:15:00.000Z',
};

/** A membership as the API shows it (publicMembership). */
export const MembershipAnswer = z
  .looseObject({
    enterprise_group_membership_uuid: z.string(),
    learner_uuid: z.uuid().nullable(),
    pending_learner_email: z.string().nullable(),
    status: z.enum(['pending', 'active', 'removed', 'error']),
    source: z.enum(['manual', 'rule', 'import']),
    invited_at: isoTime.nullable(),
    activated_at: isoTime.nullable(),
    removed_at: isoTime.nullable(),
    home_group: z.boolean(),
    permissions: z.array(z.enum(PERMISSIONS)),
    created: isoTime,
    modified: isoTime,
  })
  .meta({ examples: [MEMBERSHIP_EXAMPLE] });

/**
 * assign_learners' answer: every identifier in exactly one of results (changed, with the membership),
 * skipped or errors; `count` is how many changed.
 */
export const AssignLearnersAnswer = z.looseObject({
  count: z.int().min(0),
  results: z.array(
    MembershipAnswer.extend({
      identifier: z.string(),
      outcome: z.string(),
      invitation: z.enum(['queued', 'quota_exceeded']).optional(),
      message: z.string().optional(),
    }),
  ),
  skipped: z.array(OutcomeRow),
  errors: z.array(OutcomeRow),
});

/** A page of a group's members, each with its details as Open edX's serializer gives them. */
export const GroupLearnersPage = listPage(
  MembershipAnswer.extend({
    // A learner's e-mail and name; a pending member's e-mail alone.
    member_details: z.looseObject({ user_email: z.string().nullable(), user_name: z.string().nullable().optional() }),
  }).meta({
    examples: [
      {
        ...MEMBERSHIP_EXAMPLE,
        home_group: true,
        member_details: { user_email: 'ada@example.com', user_name: 'Ada Lovelace' },
      },
    ],
  }),
).extend({ count_exact: z.boolean() });
