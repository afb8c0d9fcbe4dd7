import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { ConflictError, ValidationError } from '#shared/errors';
import { type Branch, wouldCycle } from './branch';
import type { BranchRepository } from './branch-repository';

const ATTEMPTS = 5;

/** A recalculation a tree change started (an automatic group whose branch rules it changed). */
export interface StartedRecalculation {
  group_uuid: string;
  job_id: string;
}

/** Told about a committed change of the tree's shape (a branch created under a parent, or moved). */
export type OnTreeChanged = (
  caller: Caller,
  tenant: string,
  trees: { before: Branch[]; after: Branch[] },
) => Promise<StartedRecalculation[]>;

/**
 * Creates or moves/renames a branch of a tenant's org tree. The parent must exist (400
 * `branch_parent_not_found`) and may not be the branch or one of its descendants (409
 * `branch_cycle`). Each write is conditional on the tree's version, so concurrent moves are
 * checked against each other and the tree stays a forest. When the write changes the tree's shape
 * (a new branch under a parent, or a new parent), `onTreeChanged` hears the exact before and after
 * trees of that write; a rename or a repeated PUT changes no shape and tells nobody.
 */
export const makePutBranch =
  (branches: Pick<BranchRepository, 'loadTree' | 'put'>, clock: Clock, onTreeChanged?: OnTreeChanged) =>
  async (
    caller: Caller,
    tenant: string,
    branchId: string,
    input: { name: string; parent_id?: string | null | undefined },
  ): Promise<{ branch: Branch; created: boolean; recalculations: StartedRecalculation[] }> => {
    assertAdministers(caller, tenant);
    const parentId = input.parent_id ?? null;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const tree = await branches.loadTree(tenant);
      const before = tree.branches.find((b) => b.branch_id === branchId);
      if (parentId !== null) {
        if (parentId !== branchId && !tree.branches.some((b) => b.branch_id === parentId)) {
          throw new ValidationError(
            `No branch ${parentId} in enterprise ${tenant}`,
            [{ path: 'body.parent_id', message: 'no such branch' }],
            'branch_parent_not_found',
          );
        }
        if (wouldCycle(tree.branches, branchId, parentId)) {
          throw new ConflictError(
            'branch_cycle',
            `Branch ${parentId} is ${branchId} or below it; it cannot become its parent`,
            [{ path: 'body.parent_id', message: 'would make the branch its own ancestor' }],
          );
        }
      }
      const now = clock.now();
      const branch: Branch = {
        branch_id: branchId,
        enterprise_customer_uuid: tenant,
        name: input.name.trim(),
        parent_id: parentId,
        created: before?.created ?? now,
        modified: now,
      };
      if (!(await branches.put(branch, tree.version))) continue;
      const moved = (before?.parent_id ?? null) !== parentId;
      const after = [...tree.branches.filter((b) => b.branch_id !== branchId), branch];
      const recalculations =
        moved && onTreeChanged ? await onTreeChanged(caller, tenant, { before: tree.branches, after }) : [];
      return { branch, created: before === undefined, recalculations };
    }
    throw new ConflictError('concurrent_modification', 'The branch tree kept changing; retry');
  };
