import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { PreconditionFailedError } from '#shared/errors';
import { groupDeletedEntry } from '#shared/history/history-entry';
import type { GroupRepository } from './group-repository';
import { loadAdministeredGroup } from './read-group';

/**
 * Deletes a group: the group and its name/id guards go in one transaction, so it vanishes from every
 * read and its name is free at once; its membership items are removed afterwards by a queue worker.
 * The `group_deleted` history entry commits with the delete, and the history outlives the group.
 */
export const makeDeleteGroup =
  (
    groups: Pick<GroupRepository, 'get' | 'delete'>,
    scheduleCleanup: (groupUuid: string) => Promise<void>,
    clock: Clock,
  ) =>
  async (caller: Caller, groupUuid: string, expectedVersion?: number): Promise<void> => {
    const group = await loadAdministeredGroup(groups, caller, groupUuid);
    if (expectedVersion !== undefined && expectedVersion !== group.version) {
      throw new PreconditionFailedError(`Group ${groupUuid} is at version ${group.version}, not ${expectedVersion}`);
    }
    await groups.delete(group, groupDeletedEntry(group, caller.sub, clock.now()), expectedVersion);
    await scheduleCleanup(groupUuid);
  };
