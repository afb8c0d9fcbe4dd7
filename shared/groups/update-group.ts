import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { ConflictError, PreconditionFailedError } from '#shared/errors';
import { groupUpdatedEntry } from '#shared/history/history-entry';
import type { Group, GroupInput } from './group';
import type { GroupRepository } from './group-repository';
import { loadAdministeredGroup } from './read-group';

/**
 * Partially updates a group. With `expectedVersion` (If-Match) a stale version is refused; without,
 * the update still applies atomically against the version it read. A user limit below the current
 * member count is refused (SmarterU CG:38). The change and its history entry commit together.
 */
export const makeUpdateGroup =
  (groups: Pick<GroupRepository, 'get' | 'update'>, clock: Clock) =>
  async (caller: Caller, groupUuid: string, patch: Partial<GroupInput>, expectedVersion?: number): Promise<Group> => {
    const before = await loadAdministeredGroup(groups, caller, groupUuid);
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new PreconditionFailedError(`Group ${groupUuid} is at version ${before.version}, not ${expectedVersion}`);
    }
    const limit = patch.user_limit === undefined ? before.user_limit : patch.user_limit;
    if (limit !== null && limit < before.member_count) {
      throw new ConflictError(
        'user_limit_below_member_count',
        `The group has ${before.member_count} members; user_limit ${limit} is lower`,
        [{ path: 'body.user_limit', message: `must be at least ${before.member_count}` }],
      );
    }
    const after: Group = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      name: (patch.name ?? before.name).trim(),
      modified: clock.now(),
      version: before.version + 1,
    };
    await groups.update(before, after, groupUpdatedEntry(before, after, caller.sub));
    return after;
  };
