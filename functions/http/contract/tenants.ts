import type { RouteContract } from '#shared/http/http-handler';
import { TenantSettingsAnswer } from '#shared/tenants/responses';
import { PutTenantSettingsBody } from '#shared/tenants/schemas';
import { TenantPath } from '#functions/http/contract/shared-answers';

/** A tenant's own settings: the routes' contracts (see functions/http/contract.ts). */
export const tenantsRoutes = {
  GetTenantSettings: {
    summary: "Read a tenant's settings: the removal guard its new groups get",
    params: TenantPath,
    success: {
      status: 200,
      description: 'the settings (the defaults until an admin puts some)',
      body: TenantSettingsAnswer,
    },
  },
  PutTenantSettings: {
    summary: "Replace a tenant's settings; existing groups keep their own removal guard",
    params: TenantPath,
    body: PutTenantSettingsBody,
    success: { status: 200, description: 'the settings as stored', body: TenantSettingsAnswer },
  },
} satisfies Record<string, RouteContract>;
