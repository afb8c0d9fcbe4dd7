import { tenantsRoutes } from '#functions/http/contract/tenants';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { putTenantSettings } from '#shared/wiring';

/** PUT /api/v1/enterprise-customer/{enterprise_uuid}/settings */
export const handler = httpHandler(tenantsRoutes.PutTenantSettings, async ({ params, body, caller }) =>
  ok(await putTenantSettings()(caller, params.enterprise_uuid, body)),
);
