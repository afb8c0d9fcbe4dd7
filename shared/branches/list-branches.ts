import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { BranchRepository } from './branch-repository';

/** A tenant's branch directory, by branch id, paged. */
export const makeListBranches =
  (branches: Pick<BranchRepository, 'list'>) =>
  async (caller: Caller, tenant: string, page: { pageSize: number; cursor?: string | undefined }) => {
    assertAdministers(caller, tenant);
    return branches.list(tenant, page.pageSize, page.cursor);
  };
