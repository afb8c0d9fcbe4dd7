import * as z from 'zod';
import { isoTime } from '#shared/http/response-schemas';

const LearnerSample = z.array(z.looseObject({ learner_uuid: z.uuid() }));

/** A dry run of a ruleset: how many of the tenant's learners match, a sample, and against a group what would move. */
export const PreviewAnswer = z
  .looseObject({
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
  })
  .meta({
    examples: [
      {
        enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
        learners_evaluated: 1200,
        sampled: false,
        evaluated: 1200,
        total_learners: 1200,
        matching_count: 310,
        sample: [{ learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d' }],
        group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
        would_add: { count: 12, sample: [{ learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d' }] },
        would_remove: { count: 3, sample: [{ learner_uuid: '3a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d' }] },
      },
    ],
  });

/** Why a learner is (not) a member of an automatic group. */
export const ExplanationAnswer = z
  .looseObject({
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
  })
  .meta({
    examples: [
      {
        group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
        learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d',
        member: true,
        status: 'active',
        source: 'rule',
        excluded_by_admin: false,
        membership_rule_generation: 4,
        rule_version: 2,
        rule_generation: 4,
        rule_processing: {
          state: 'on',
          status: 'succeeded',
          last_membership_update: '2026-11-30T09:15:00.000Z',
          error: null,
          job_id: '5c2d8e4f-1a3b-4c6d-9e7f-0a1b2c3d4e5f',
        },
        operator: 'AND',
        exclude_inactive_learners: true,
        matches: true,
        excluded_inactive: false,
        sets: [
          {
            result: true,
            rules: [
              {
                type: 'attribute',
                field: 'attributes.department',
                op: 'equals',
                value: 'sales',
                actual: 'sales',
                result: true,
              },
            ],
          },
        ],
      },
    ],
  });

/** One version of an automatic group's ruleset, with who set it and when. */
export const RulesetVersionAnswer = z
  .looseObject({
    group_uuid: z.uuid(),
    enterprise_customer_uuid: z.uuid(),
    version: z.int().min(1),
    ruleset: z.looseObject({}),
    changed_by: z.string(),
    changed_at: isoTime,
  })
  .meta({
    examples: [
      {
        group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
        enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
        version: 2,
        ruleset: {
          operator: 'AND',
          sets: [
            {
              rules: [{ type: 'attribute', payload: { field: 'attributes.department', op: 'equals', value: 'sales' } }],
            },
          ],
        },
        changed_by: 'admin-1',
        changed_at: '2026-11-30T09:15:00.000Z',
      },
    ],
  });
