import * as z from 'zod';
import { Ruleset } from './ruleset';

export const ExplainPath = z.strictObject({ group_uuid: z.uuid(), learner_uuid: z.uuid() });

export const ConditionsHistoryQuery = z.strictObject({
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

/** A dry run: a ruleset for a tenant, optionally compared with an existing automatic group's members. */
export const PreviewBody = z.strictObject({
  enterprise_customer_uuid: z.uuid(),
  ruleset: Ruleset,
  group_uuid: z.uuid().optional(),
  sample_size: z.number().int().min(0).max(100).default(10),
});
