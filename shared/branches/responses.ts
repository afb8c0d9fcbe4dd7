import * as z from 'zod';
import { isoTime } from '#shared/http/response-schemas';

/** A branch of a tenant's org tree (branch.ts). */
export const BranchAnswer = z.looseObject({
  branch_id: z.string(),
  enterprise_customer_uuid: z.uuid(),
  name: z.string(),
  parent_id: z.string().nullable(),
  created: isoTime,
  modified: isoTime,
});

/** PUT's answer: the branch, and the recalculation started for each automatic group the move changed. */
export const PutBranchAnswer = BranchAnswer.extend({
  recalculations: z.array(z.looseObject({ group_uuid: z.uuid(), job_id: z.uuid() })),
});
