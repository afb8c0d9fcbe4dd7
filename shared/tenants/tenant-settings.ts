import { DEFAULT_REMOVAL_GUARD, type RemovalGuard } from '#shared/groups/group';

/** What an admin sets for a whole tenant: the removal guard its new groups get unless they set their own. */
export interface TenantSettings {
  enterprise_customer_uuid: string;
  removal_guard: RemovalGuard | null;
  /** When and by whom the settings were last put; null while the tenant runs on the service's defaults. */
  modified: string | null;
  modified_by: string | null;
}

/** A tenant's settings before any admin put them. */
export const defaultSettings = (tenant: string): TenantSettings => ({
  enterprise_customer_uuid: tenant,
  removal_guard: DEFAULT_REMOVAL_GUARD,
  modified: null,
  modified_by: null,
});
