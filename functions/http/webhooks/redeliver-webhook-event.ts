import { webhooksRoutes } from '#functions/http/contract/webhooks';
import { httpHandler } from '#shared/http/http-handler';
import { accepted } from '#shared/http/responses';
import { redeliverWebhookEvent } from '#shared/webhooks/wired';

/** POST /api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver */
export const handler = httpHandler(webhooksRoutes.RedeliverWebhookEvent, async ({ params, caller }) =>
  accepted(await redeliverWebhookEvent()(caller, params.enterprise_uuid, params.webhook_id, params.delivery_id)),
);
