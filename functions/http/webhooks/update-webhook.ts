import { webhooksRoutes } from '#functions/http/contract/webhooks';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { updateWebhook } from '#shared/webhooks/wired';

/** PATCH /api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id} */
export const handler = httpHandler(webhooksRoutes.UpdateWebhook, async ({ params, body, caller }) =>
  ok(await updateWebhook()(caller, params.enterprise_uuid, params.webhook_id, body)),
);
