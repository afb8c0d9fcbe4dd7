import { webhooksRoutes } from '#functions/http/contract/webhooks';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { rotateWebhookSecret } from '#shared/webhooks/wired';

/** POST /api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id}/rotate-secret */
export const handler = httpHandler(webhooksRoutes.RotateWebhookSecret, async ({ params, caller }) =>
  ok(await rotateWebhookSecret()(caller, params.enterprise_uuid, params.webhook_id)),
);
