import { webhooksRoutes } from '#functions/http/contract/webhooks';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { listWebhooks } from '#shared/webhooks/wired';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/webhooks */
export const handler = httpHandler(webhooksRoutes.ListWebhooks, async ({ params, caller }) => {
  const results = await listWebhooks()(caller, params.enterprise_uuid);
  return ok({ count: results.length, next: null, previous: null, results });
});
