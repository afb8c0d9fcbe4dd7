import { webhooksRoutes } from '#functions/http/contract/webhooks';
import { httpHandler } from '#shared/http/http-handler';
import { noContent } from '#shared/http/responses';
import { deleteWebhook } from '#shared/webhooks/wired';

/** DELETE /api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id} */
export const handler = httpHandler(webhooksRoutes.DeleteWebhook, async ({ params, caller }) => {
  await deleteWebhook()(caller, params.enterprise_uuid, params.webhook_id);
  return noContent();
});
