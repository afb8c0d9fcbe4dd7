import * as z from 'zod';
import { isoTime } from '#shared/http/response-schemas';

/** A branch of a tenant's org tree (branch.ts). */
export const BranchAnswer = z
  .looseObject({
    branch_id: z.string(),
    enterprise_customer_uuid: z.uuid(),
    name: z.string(),
    parent_id: z.string().nullable(),
    created: isoTime,
    modified: isoTime,
  })
  .meta({
    examples: [
      {
        branch_id: 'emea',
        enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
        name: 'EMEA',
        parent_id: null,
        created: '2026-11-30T09:15:00.000Z',
        modified: '2026-11-30T09:15:00.000Z',
      },
    ],
  });

/** PUT's answer: the branch, and the recalculation started for each automatic group the move changed. */
export const PutBranchAnswer = BranchAnswer.extend({
  recalculations: z.array(z.looseObject({ group_uuid: z.uuid(), job_id: z.uuid() })),
}).meta({
  examples: [
    {
      branch_id: 'fr',
      enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
      name: 'France',
      parent_id: 'emea',
      created: '2026-11-30T09:15:00.000Z',
      modified: '2026-11-30T09:15:00.000Z',
      recalculations: [
        { group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4', job_id: '5c2d8e4f-1a3b-4c6d-9e7f-0a1b2c3d4e5f' },
      ],
    },
  ],
});
