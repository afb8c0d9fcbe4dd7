import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { listWebhooks } from '#shared/webhooks/wired';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/webhooks */
export const handler = httpHandler(contract.ListWebhooks, async ({ params, caller }) => {
  const results = await listWebhooks()(caller, params.enterprise_uuid);
  return ok({ count: results.length, next: null, previous: null, results });
});
