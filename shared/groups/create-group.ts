import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock, IdGenerator } from '#shared/clock';
import { groupCreatedEntry } from '#shared/history/history-entry';
import type { Group, GroupInput } from './group';
import type { GroupRepository } from './group-repository';

/**
 * Creates a group in a tenant the caller administers. The name (case-insensitively), the external
 * id and the legacy id are unique per tenant: guarded in the same transaction as the group, which
 * also records the `group_created` history entry.
 */
export const makeCreateGroup =
  (groups: Pick<GroupRepository, 'create'>, clock: Clock, ids: IdGenerator) =>
  async (caller: Caller, tenant: string, input: GroupInput): Promise<Group> => {
    assertAdministers(caller, tenant);
    const now = clock.now();
    const group: Group = {
      group_uuid: ids.uuid(),
      enterprise_customer_uuid: tenant,
      name: input.name.trim(),
      description: input.description ?? null,
      type: input.type ?? 'manual',
      status: input.status ?? 'active',
      external_id: input.external_id ?? null,
      legacy_id: input.legacy_id ?? null,
      user_limit: input.user_limit ?? null,
      member_count: 0,
      notification_emails: input.notification_emails ?? [],
      tags: input.tags ?? [],
      created: now,
      modified: now,
      version: 1,
    };
    await groups.create(group, groupCreatedEntry(group, caller.sub));
    return group;
  };
