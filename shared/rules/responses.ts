import * as z from 'zod';
import { isoTime } from '#shared/http/response-schemas';

const LearnerSample = z.array(z.looseObject({ learner_uuid: z.uuid() }));

/** A dry run of a ruleset: how many of the tenant's learners match, a sample, and against a group what would move. */
export const PreviewAnswer = z.looseObject({
  enterprise_customer_uuid: z.uuid(),
  learners_evaluated: z.int().min(0),
  sampled: z.boolean(),
  evaluated: z.int().min(0),
  total_learners: z.int().min(0),
  matching_count: z.int().min(0),
  sample: LearnerSample,
  group_uuid: z.uuid().optional(),
  would_add: z.looseObject({ count: z.int().min(0), sample: LearnerSample }).optional(),
  would_remove: z.looseObject({ count: z.int().min(0), sample: LearnerSample }).optional(),
});

/** Why a learner is (not) a member of an automatic group. */
export const ExplanationAnswer = z.looseObject({
  group_uuid: z.uuid(),
  learner_uuid: z.uuid(),
  member: z.boolean(),
  status: z.enum(['pending', 'active', 'removed', 'error']).nullable(),
  source: z.enum(['manual', 'rule', 'import']).nullable(),
  excluded_by_admin: z.boolean(),
  membership_rule_generation: z.int().nullable(),
  rule_version: z.int().nullable(),
  rule_generation: z.int().nullable(),
  rule_processing: z.looseObject({}).nullable(),
  operator: z.enum(['AND', 'OR']),
  exclude_inactive_learners: z.boolean(),
  matches: z.boolean(),
  excluded_inactive: z.boolean(),
  sets: z.array(z.looseObject({ result: z.boolean(), rules: z.array(z.looseObject({})) })),
});

/** One version of an automatic group's ruleset, with who set it and when. */
export const RulesetVersionAnswer = z.looseObject({
  group_uuid: z.uuid(),
  enterprise_customer_uuid: z.uuid(),
  version: z.int().min(1),
  ruleset: z.looseObject({}),
  changed_by: z.string(),
  changed_at: isoTime,
});
