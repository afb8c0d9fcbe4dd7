import { webhooksRoutes } from '#functions/http/contract/webhooks';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listWebhookDeliveries } from '#shared/webhooks/wired';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id}/deliveries?cursor=&page_size= */
export const handler = httpHandler(webhooksRoutes.ListWebhookDeliveries, async ({ params, query, caller, event }) => {
  const page = await listWebhookDeliveries()(caller, params.enterprise_uuid, params.webhook_id, {
    cursor: query.cursor,
    pageSize: query.page_size,
  });
  return ok(listEnvelope(event, { count: page.items.length, items: page.items, next: page.next, previous: null }));
});
