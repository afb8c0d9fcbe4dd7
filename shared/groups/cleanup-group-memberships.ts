import type { MembershipRepository } from '#shared/memberships/membership-repository';
import type { GroupRepository } from './group-repository';

const PAGE = 500;

/**
 * Deletes the leftover items of a deleted group, page by page, while time remains. Deleting is
 * idempotent, so a redelivered or continued message simply finds less to do. A group that exists
 * is never touched.
 */
export const makeCleanupGroupMemberships =
  (groups: Pick<GroupRepository, 'get'>, memberships: Pick<MembershipRepository, 'deleteGroupItems'>) =>
  async (groupUuid: string, hasTime: () => boolean): Promise<{ deleted: number; finished: boolean }> => {
    if (await groups.get(groupUuid)) return { deleted: 0, finished: true };
    let deleted = 0;
    for (;;) {
      const page = await memberships.deleteGroupItems(groupUuid, PAGE);
      deleted += page.deleted;
      if (!page.more) return { deleted, finished: true };
      if (!hasTime()) return { deleted, finished: false };
    }
  };
