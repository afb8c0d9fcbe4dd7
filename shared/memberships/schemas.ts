import * as z from 'zod';
import { withinKeyBytes } from '#shared/db/key-text';
import { branchId } from '#shared/branches/schemas';
import { asOf, pageSize } from '#shared/groups/schemas';
import { MEMBER_SORTS, PERMISSIONS } from './membership';

/** Up to this many identifiers are applied synchronously; more become a 202 job. Nothing is truncated. */
export const MAX_SYNC_IDENTIFIERS = 1000;
/** Far above what fits in one request (Lambda's 6 MB event: ~150k uuids); the payload limit is the real bound. */
export const MAX_IDENTIFIERS = 500_000;

/** Longest identifier (a learner uuid or e-mail; in CSVs also an employee or state id), in characters. */
export const MAX_IDENTIFIER_LENGTH = 320;

const identifiers = z
  .array(z.string().max(MAX_IDENTIFIER_LENGTH))
  .max(MAX_IDENTIFIERS, `at most ${MAX_IDENTIFIERS} identifiers per request`);

/** Sources a sync call may name; what they expand to is limited separately (`too_many_identifiers`). */
export const MAX_SOURCES = 100;

export const AssignLearnersBody = z
  .strictObject({
    learner_uuids: identifiers.optional(),
    learner_emails: identifiers.optional(),
    /** Docebo: add every learner of these branches of the tenant's directory. */
    branch_ids: z.array(branchId).max(MAX_SOURCES).optional(),
    /** With branch_ids: also the branches below them. */
    include_descendants: z.boolean().default(true),
    /** Docebo: copy the active members of these groups of the same tenant. */
    group_uuids: z.array(z.string().max(100)).max(MAX_SOURCES).optional(),
    /** SmarterU HomeGroup: true makes this group the home group of the members named (moved from any other). */
    home_group: z.boolean().optional(),
    /** SmarterU group permissions of the members named, replacing theirs. */
    permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).optional(),
  })
  .refine(
    (b) =>
      (b.learner_uuids?.length ?? 0) +
        (b.learner_emails?.length ?? 0) +
        (b.branch_ids?.length ?? 0) +
        (b.group_uuids?.length ?? 0) >
      0,
    'give learner_uuids, learner_emails, branch_ids or group_uuids',
  );

export const RemoveLearnersBody = z
  .strictObject({
    learner_uuids: identifiers.optional(),
    learner_emails: identifiers.optional(),
    remove_all: z.boolean().optional(),
  })
  .refine(
    (b) => b.remove_all === true || (b.learner_uuids?.length ?? 0) + (b.learner_emails?.length ?? 0) > 0,
    'give learner_uuids, learner_emails or remove_all: true',
  )
  .refine((b) => !(b.remove_all && (b.learner_uuids?.length || b.learner_emails?.length)), 'remove_all goes alone');

/** E-mails one `learners=` filter names at most. */
export const MAX_LEARNERS_FILTER = 100;

export const ListMembersQuery = z
  .strictObject({
    search: withinKeyBytes(z.string().trim().min(1).max(320)).optional(),
    status: z.enum(['pending', 'active', 'removed', 'error']).optional(),
    source: z.enum(['manual', 'rule', 'import']).optional(),
    /** Docebo: sort the members by a learner field or a membership date; without it, storage order. */
    sort_by: z.enum(MEMBER_SORTS).optional(),
    sort_dir: z.enum(['asc', 'desc']).default('asc'),
    /** Open edX: only the members with these e-mails (comma-separated, or the parameter repeated). */
    learners: z
      .string()
      .max(100 * 321)
      .transform((v) =>
        v
          .split(',')
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email()).min(1).max(MAX_LEARNERS_FILTER, `at most ${MAX_LEARNERS_FILTER} e-mails`))
      .optional(),
    /** The members as they stood at this instant (ISO 8601 with an offset): see membership-periods.ts. */
    as_of: asOf.optional(),
    page_size: pageSize,
    cursor: z.string().max(2000).optional(),
  })
  .refine((q) => !(q.learners && q.search), { path: ['learners'], message: 'learners and search go alone' })
  .refine((q) => !(q.as_of && (q.learners || q.search)), {
    path: ['as_of'],
    message: 'as_of goes with status, source, sort_by and paging, not with search or learners',
  });

const outcomeRow = z.looseObject({ identifier: z.string(), outcome: z.string(), message: z.string().optional() });

/**
 * remove_learners' one answer (up to MAX_SYNC_IDENTIFIERS identifiers; more is a 202 job):
 * `records_deleted` is Open edX's name of `count`, and `remove_all` lists no identifiers.
 */
export const RemoveLearnersAnswer = z.strictObject({
  count: z.int().min(0),
  records_deleted: z.int().min(0),
  results: z.array(outcomeRow),
  skipped: z.array(outcomeRow),
  errors: z.array(outcomeRow),
});
