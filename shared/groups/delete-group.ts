import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { groupDeletedEntry } from '#shared/history/history-entry';
import type { GroupRepository } from './group-repository';
import { loadAdministeredGroup } from './read-group';
import { versionRefused, type VersionPrecondition } from './update-group';

/**
 * Deletes a group: the group and its name/id guards go in one transaction, so it vanishes from every
 * read and its name is free at once; its membership items are removed afterwards by a queue worker.
 * The `group_deleted` history entry commits with the delete, and the history outlives the group.
 * With a `precondition` (If-Match), the delete is of the version it accepted, or a 412.
 */
export const makeDeleteGroup =
  (
    groups: Pick<GroupRepository, 'get' | 'delete'>,
    scheduleCleanup: (groupUuid: string) => Promise<void>,
    clock: Clock,
  ) =>
  async (caller: Caller, groupUuid: string, precondition?: VersionPrecondition): Promise<void> => {
    const group = await loadAdministeredGroup(groups, caller, groupUuid);
    if (precondition && !precondition(group.version)) throw versionRefused(groupUuid, group.version);
    await groups.delete(group, groupDeletedEntry(group, caller.sub, clock.now()), precondition && group.version);
    await scheduleCleanup(groupUuid);
  };
