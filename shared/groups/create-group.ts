import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock, IdGenerator } from '#shared/clock';
import { groupCreatedEntry } from '#shared/history/history-entry';
import {
  DEFAULT_REMOVAL_GUARD,
  type Group,
  type GroupInput,
  NEW_RULE_PROCESSING,
  type RemovalGuard,
  type RulePorts,
} from './group';
import type { GroupRepository } from './group-repository';
import { assertGroupFits } from './group-size';

/**
 * Creates a group in a tenant the caller administers. The name (case-insensitively), the external
 * id and the legacy id are unique per tenant: guarded in the same transaction as the group, which
 * also records the `group_created` history entry. An automatic group stores its ruleset as version 1
 * of its conditions history in that transaction, then starts its first recalculation. A group larger
 * than MAX_GROUP_BYTES serialized is refused, naming its largest field.
 */
export const makeCreateGroup =
  (
    groups: Pick<GroupRepository, 'create' | 'get'>,
    clock: Clock,
    ids: IdGenerator,
    rules?: RulePorts,
    /** The removal guard of the tenant's groups that set none (its settings); the service's default without it. */
    tenantGuard?: (tenant: string) => Promise<RemovalGuard | null>,
  ) =>
  async (caller: Caller, tenant: string, input: GroupInput): Promise<Group> => {
    assertAdministers(caller, tenant);
    const removalGuard =
      input.removal_guard !== undefined
        ? input.removal_guard
        : tenantGuard
          ? await tenantGuard(tenant)
          : DEFAULT_REMOVAL_GUARD;
    const now = clock.now();
    const automatic = input.type === 'automatic';
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
      learning_modules: input.learning_modules ?? [],
      removal_guard: removalGuard,
      created: now,
      modified: now,
      version: 1,
      ...(automatic
        ? { ruleset: input.ruleset ?? null, rule_version: 1, rule_generation: 0, rule_processing: NEW_RULE_PROCESSING }
        : { ruleset: null, rule_version: null, rule_generation: null, rule_processing: null }),
    };
    assertGroupFits(group, Object.keys(input));
    const version =
      automatic && group.ruleset
        ? {
            group_uuid: group.group_uuid,
            enterprise_customer_uuid: tenant,
            version: 1,
            ruleset: group.ruleset,
            changed_by: caller.sub,
            changed_at: now,
          }
        : undefined;
    await groups.create(group, groupCreatedEntry(group, caller.sub), version);
    if (!automatic || !rules) return group;
    await rules.startRecalculation(caller, group);
    return (await groups.get(group.group_uuid)) ?? group;
  };
