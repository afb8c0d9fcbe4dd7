import * as z from 'zod';
import { withinKeyBytes } from '#shared/db/key-text';
import { Ruleset } from '#shared/rules/ruleset';
import { LearningModules } from './learning-modules';

/** Longest group name, in characters (external ids and uuids are shorter). */
export const MAX_GROUP_NAME_LENGTH = 255;
const name = withinKeyBytes(z.string().trim().min(1, 'must not be blank').max(MAX_GROUP_NAME_LENGTH));
const tag = z.strictObject({
  name: z.string().trim().min(1).max(100),
  values: z.array(z.string().trim().min(1).max(100)).max(50),
});

/** A mass-removal guard as a client sets it (see RemovalGuard); null turns it off. */
export const RemovalGuardBody = z
  .strictObject({
    max_percent: z.number().min(0).max(100),
    min_removals: z.number().int().min(0).max(1_000_000),
  })
  .nullable();

/** A group as a client creates it. `member_count`, `version`, ids and timestamps are the service's. */
export const CreateGroupBody = z.strictObject({
  name,
  enterprise_customer_uuid: z.uuid(),
  description: z.string().max(2000).nullable().optional(),
  type: z.enum(['manual', 'automatic']).optional(),
  /** Required for automatic groups, refused for manual ones. */
  ruleset: Ruleset.optional(),
  status: z.enum(['active', 'inactive']).optional(),
  external_id: z.string().trim().min(1).max(100).nullable().optional(),
  legacy_id: z.number().int().positive().nullable().optional(),
  user_limit: z.number().int().min(1, 'must be at least 1, or null for no limit').nullable().optional(),
  notification_emails: z.array(z.string().trim().toLowerCase().pipe(z.email())).max(20).optional(),
  tags: z.array(tag).max(50).optional(),
  /** Courses of the group; `auto_enroll` ones enroll every member, present and future. */
  learning_modules: LearningModules.optional(),
  /** A change removing more than max_percent of the members, and at least min_removals, waits for approval; null: off. */
  removal_guard: RemovalGuardBody.optional(),
});

export const CreateGroupRequest = CreateGroupBody.superRefine((b, ctx) => {
  if (b.type === 'automatic' && !b.ruleset)
    ctx.addIssue({ code: 'custom', path: ['ruleset'], message: 'required for automatic groups' });
  if (b.type !== 'automatic' && b.ruleset)
    ctx.addIssue({ code: 'custom', path: ['ruleset'], message: 'only automatic groups have a ruleset' });
});

export const UpdateGroupBody = CreateGroupBody.omit({ enterprise_customer_uuid: true, type: true })
  .extend({
    /** `paused` stops recalculations and incremental rule changes of an automatic group; `on` resumes. */
    rule_processing: z.strictObject({ state: z.enum(['on', 'paused']) }).optional(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to update');

export const GroupPath = z.strictObject({ group_uuid: z.uuid() });

export const pageSize = z.coerce.number().int().min(1).max(1000).default(100);

/** An instant in the past (ISO 8601 with Z or an offset), as UTC ISO: how far back is the use case's to say. */
export const asOf = z.iso
  .datetime({ offset: true, message: 'an ISO 8601 date-time with Z or an offset, e.g. 2026-11-30T09:00:00Z' })
  .transform((v) => new Date(v).toISOString());

/** The filters, sort and paging of a group listing. */
const groupListing = {
  search: z.string().trim().min(1).max(255).optional(),
  type: z.enum(['manual', 'automatic']).optional(),
  status: z.enum(['active', 'inactive']).optional(),
  sort_by: z.enum(['name', 'created', 'modified', 'member_count']).default('name'),
  sort_dir: z.enum(['asc', 'desc']).default('asc'),
  page_size: pageSize,
  cursor: z.string().max(2000).optional(),
};

export const ListGroupsQuery = z
  .strictObject({
    enterprise_uuid: z.uuid().optional(),
    learner_uuid: z.uuid().optional(),
    external_id: z.string().trim().min(1).max(100).optional(),
    /** A learner's groups as they stood at this instant. */
    as_of: asOf.optional(),
    ...groupListing,
  })
  .refine((q) => !(q.external_id && q.learner_uuid), {
    message: 'external_id names one group of a tenant; it does not combine with learner_uuid',
    path: ['external_id'],
  });

/** GET …/enterprise-customer/{e}/learners/{learner_uuid}/groups: one learner's groups, now or at `as_of`. */
export const ListLearnerGroupsQuery = z.strictObject({ as_of: asOf.optional(), ...groupListing });

export const LegacyPath = z.strictObject({ legacy_id: z.coerce.number().int().positive() });
export const LegacyQuery = z.strictObject({ enterprise_uuid: z.uuid() });

/** History entries can hold up to 98 membership changes each: pages stay small. */
export const HistoryQuery = z.strictObject({
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});
