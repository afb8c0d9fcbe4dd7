import { tenantsRoutes } from '#functions/http/contract/tenants';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { getTenantSettings } from '#shared/wiring';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/settings */
export const handler = httpHandler(tenantsRoutes.GetTenantSettings, async ({ params, caller }) =>
  ok(await getTenantSettings()(caller, params.enterprise_uuid)),
);
