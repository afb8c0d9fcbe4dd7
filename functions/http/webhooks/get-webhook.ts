import { webhooksRoutes } from '#functions/http/contract/webhooks';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { getWebhook } from '#shared/webhooks/wired';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id} */
export const handler = httpHandler(webhooksRoutes.GetWebhook, async ({ params, caller }) =>
  ok(await getWebhook()(caller, params.enterprise_uuid, params.webhook_id)),
);
