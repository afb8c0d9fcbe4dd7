import * as z from 'zod';
import { pageSize } from '#shared/groups/schemas';

/** Branch ids are the `branch_id` values learners carry: trimmed, 1–100 characters. */
export const branchId = z.string().trim().min(1).max(100);

export const BranchPath = z.strictObject({ enterprise_uuid: z.uuid(), branch_id: branchId });
export const BranchesPath = z.strictObject({ enterprise_uuid: z.uuid() });

export const PutBranchBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be blank').max(255),
  parent_id: branchId.nullable().optional(),
});

export const ListBranchesQuery = z.strictObject({
  page_size: pageSize,
  cursor: z.string().max(2000).optional(),
});
