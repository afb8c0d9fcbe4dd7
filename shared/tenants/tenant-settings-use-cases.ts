import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import type { RemovalGuard } from '#shared/groups/group';
import type { TenantSettings } from './tenant-settings';
import type { TenantSettingsRepository } from './tenant-settings-repository';

/** A tenant's settings, for its admins (and staff). */
export const makeGetTenantSettings =
  (settings: Pick<TenantSettingsRepository, 'get'>) =>
  async (caller: Caller, tenant: string): Promise<TenantSettings> => {
    assertAdministers(caller, tenant);
    return settings.get(tenant);
  };

/**
 * Replaces a tenant's settings. The removal guard set here is the one each group created afterwards
 * without its own gets; groups that exist keep theirs (a group's guard is its own setting, audited
 * in its history), so changing the default never silently loosens a group an admin tightened.
 */
export const makePutTenantSettings =
  (settings: Pick<TenantSettingsRepository, 'put'>, clock: Clock) =>
  async (caller: Caller, tenant: string, input: { removal_guard: RemovalGuard | null }): Promise<TenantSettings> => {
    assertAdministers(caller, tenant);
    const next: TenantSettings = {
      enterprise_customer_uuid: tenant,
      removal_guard: input.removal_guard,
      modified: clock.now(),
      modified_by: caller.sub,
    };
    await settings.put(next);
    return next;
  };
