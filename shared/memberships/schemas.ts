import { z } from 'zod';
import { pageSize } from '#shared/groups/schemas';

/** Synchronous limit; the bulk issue turns larger requests into jobs. Nothing is truncated. */
export const MAX_SYNC_IDENTIFIERS = 1000;

const identifiers = z
  .array(z.string().max(320))
  .max(MAX_SYNC_IDENTIFIERS, `at most ${MAX_SYNC_IDENTIFIERS} identifiers per request`);

export const AssignLearnersBody = z
  .strictObject({ learner_uuids: identifiers.optional(), learner_emails: identifiers.optional() })
  .refine(
    (b) => (b.learner_uuids?.length ?? 0) + (b.learner_emails?.length ?? 0) > 0,
    'give learner_uuids or learner_emails',
  )
  .refine(
    (b) => (b.learner_uuids?.length ?? 0) + (b.learner_emails?.length ?? 0) <= MAX_SYNC_IDENTIFIERS,
    `at most ${MAX_SYNC_IDENTIFIERS} identifiers per request`,
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
  .refine((b) => !(b.remove_all && (b.learner_uuids?.length || b.learner_emails?.length)), 'remove_all goes alone')
  .refine(
    (b) => (b.learner_uuids?.length ?? 0) + (b.learner_emails?.length ?? 0) <= MAX_SYNC_IDENTIFIERS,
    `at most ${MAX_SYNC_IDENTIFIERS} identifiers per request`,
  );

export const ListMembersQuery = z.strictObject({
  status: z.enum(['pending', 'active', 'removed', 'error']).optional(),
  source: z.enum(['manual', 'rule', 'import']).optional(),
  page_size: pageSize,
  cursor: z.string().max(2000).optional(),
});
