import { webhooksRoutes } from '#functions/http/contract/webhooks';
import { httpHandler } from '#shared/http/http-handler';
import { created } from '#shared/http/responses';
import { createWebhook } from '#shared/webhooks/wired';

/** POST /api/v1/enterprise-customer/{enterprise_uuid}/webhooks: the answer shows the signing secret, once. */
export const handler = httpHandler(webhooksRoutes.CreateWebhook, async ({ params, body, caller }) =>
  created({ ...(await createWebhook()(caller, params.enterprise_uuid, body)), previous_secret_expires_at: null }),
);
