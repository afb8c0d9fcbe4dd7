import { administers, type Caller } from '#shared/auth/caller';
import { groupNotFound } from '#shared/errors';
import type { GroupRepository } from '#shared/groups/group-repository';
import type { HistoryRepository } from './history-repository';

/**
 * A group's audit trail, newest first. History outlives the group: after a delete the tenant is read
 * from the newest entry, so its admins can still see who deleted it; anyone else gets group_not_found.
 */
export const makeListGroupHistory =
  (groups: Pick<GroupRepository, 'get'>, history: Pick<HistoryRepository, 'list' | 'newest'>) =>
  async (caller: Caller, groupUuid: string, page: { pageSize: number; cursor?: string | undefined }) => {
    const group = await groups.get(groupUuid);
    const tenant = group?.enterprise_customer_uuid ?? (await history.newest(groupUuid))?.enterprise_customer_uuid;
    if (!tenant || !administers(caller, tenant)) throw groupNotFound(groupUuid);
    return history.list(groupUuid, page.pageSize, page.cursor);
  };
