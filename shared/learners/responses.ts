import * as z from 'zod';
import { isoTime } from '#shared/http/response-schemas';

/** The learner every learner answer's example shows. */
const LEARNER_EXAMPLE = {
  learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d',
  enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
  email: 'ada@example.com',
  username: 'ada',
  first_name: 'Ada',
  last_name: 'Lovelace',
  employee_id: 'E-1815',
  state_id: null,
  branch_id: 'emea',
  attributes: { department: 'sales', level: 3 },
  status: 'active',
  created: '2026-11-30T09:15:00.000Z',
  modified: '2026-11-30T09:15:00.000Z',
  version: 1,
};

/** A learner (learner.ts). */
export const LearnerAnswer = z
  .looseObject({
    learner_uuid: z.uuid(),
    enterprise_customer_uuid: z.uuid(),
    email: z.string(),
    username: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    employee_id: z.string().nullable(),
    state_id: z.string().nullable(),
    branch_id: z.string().nullable(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    status: z.enum(['active', 'inactive']),
    created: isoTime,
    modified: isoTime,
    version: z.int().min(1),
  })
  .meta({ examples: [LEARNER_EXAMPLE] });

/** A learner with the groups it counts in. */
export const LearnerWithGroupsAnswer = LearnerAnswer.extend({
  groups: z.array(
    z.looseObject({
      group_uuid: z.uuid(),
      name: z.string(),
      enterprise_group_membership_uuid: z.string(),
      status: z.enum(['pending', 'active', 'removed', 'error']),
      home_group: z.boolean(),
      permissions: z.array(z.string()),
    }),
  ),
}).meta({
  examples: [
    {
      ...LEARNER_EXAMPLE,
      groups: [
        {
          group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
          name: 'Sales EMEA',
          enterprise_group_membership_uuid: '9e8d7c6b-5a49-4382-a716-05f4e3d2c1b0',
          status: 'active',
          home_group: true,
          permissions: ['PROCTOR'],
        },
      ],
    },
  ],
});

/** PUT's answer: the learner, and how many pending memberships of its e-mail it activated. */
export const PutLearnerAnswer = LearnerAnswer.extend({ activated_memberships: z.int().min(0) }).meta({
  examples: [{ ...LEARNER_EXAMPLE, activated_memberships: 1 }],
});

/** learners/bulk's answer: an outcome per row, in row order. */
export const BulkUpsertLearnersAnswer = z
  .looseObject({
    count: z.int().min(0),
    results: z.array(
      z.looseObject({
        index: z.int().min(0),
        learner_uuid: z.uuid().nullable(),
        email: z.string().nullable(),
        outcome: z.enum(['created', 'updated', 'error']),
        code: z.string().optional(),
        message: z.string().optional(),
        details: z.array(z.looseObject({ path: z.string(), message: z.string() })).optional(),
      }),
    ),
  })
  .meta({
    examples: [
      {
        count: 2,
        results: [
          {
            index: 0,
            learner_uuid: '7d0f3c1a-5b9e-4f1a-8c2d-1e3f5a7b9c0d',
            email: 'ada@example.com',
            outcome: 'created',
          },
          {
            index: 1,
            learner_uuid: null,
            email: 'not-an-email',
            outcome: 'error',
            code: 'validation_error',
            message: 'The row is not valid',
            details: [{ path: 'body.learners.1.email', message: 'Invalid email address' }],
          },
        ],
      },
    ],
  });
