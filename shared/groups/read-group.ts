import { administers, assertAdministers, type Caller, isLearnerSelf } from '#shared/auth/caller';
import { groupNotFound, NotFoundError } from '#shared/errors';
import { type Group, type LearnerGroupView, learnerGroupView } from './group';
import type { GroupRepository } from './group-repository';

/**
 * Loads a group the caller may see. A group of a tenant the caller does not administer answers
 * exactly like a missing one, so group uuids of other tenants cannot be probed.
 */
export async function loadAdministeredGroup(
  groups: Pick<GroupRepository, 'get'>,
  caller: Caller,
  groupUuid: string,
): Promise<Group> {
  return administeredGroup(caller, groupUuid, await groups.get(groupUuid));
}

/** A group as read (or undefined) if the caller administers its tenant; else the same 404 as a missing one. */
export function administeredGroup(caller: Caller, groupUuid: string, group: Group | undefined): Group {
  if (!group || !administers(caller, group.enterprise_customer_uuid)) throw groupNotFound(groupUuid);
  return group;
}

/**
 * Admins read their tenants' groups whole. A learner may read a group it is an active or pending
 * member of, as the learner projection only (no other people's addresses). `version` is the ETag's.
 */
export const makeGetGroup =
  (groups: Pick<GroupRepository, 'get'>, isMember: (groupUuid: string, learnerUuid: string) => Promise<boolean>) =>
  async (caller: Caller, groupUuid: string): Promise<{ group: Group | LearnerGroupView; version: number }> => {
    const group = await groups.get(groupUuid);
    if (group && administers(caller, group.enterprise_customer_uuid)) return { group, version: group.version };
    if (
      group &&
      isLearnerSelf(caller, group.enterprise_customer_uuid, caller.sub) &&
      (await isMember(groupUuid, caller.sub))
    )
      return { group: learnerGroupView(group), version: group.version };
    throw groupNotFound(groupUuid);
  };

/** Docebo's old numeric id → the group (legacy ids are unique per tenant). */
export const makeFindGroupByLegacyId =
  (groups: Pick<GroupRepository, 'findByUnique'>) =>
  async (caller: Caller, tenant: string, legacyId: number): Promise<Group> => {
    assertAdministers(caller, tenant);
    const group = await groups.findByUnique(tenant, 'GROUP_LEGACY_ID', String(legacyId));
    if (!group)
      throw new NotFoundError('group_not_found', `No group with legacy_id ${legacyId} in enterprise ${tenant}`);
    return group;
  };
