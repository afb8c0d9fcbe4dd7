import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { findWebhook, webhookNotFound } from './read-webhooks';
import { publicView, SECRET_GRACE_MS, type Webhook } from './webhook';
import type { WebhookRepository } from './webhook-repository';

/**
 * Gives a subscription a new signing secret, shown in the answer only. The current one keeps signing
 * beside it for SECRET_GRACE_MS (deliveries carry both signatures), so a receiver switches without a
 * window of rejected deliveries; a secret rotated out earlier is dropped.
 */
export function makeRotateWebhookSecret(
  webhooks: Pick<WebhookRepository, 'get' | 'update'>,
  newSecret: () => string,
  clock: Clock,
) {
  return async (
    caller: Caller,
    tenant: string,
    webhookId: string,
  ): Promise<Webhook & { secret: string; previous_secret_expires_at: string }> => {
    assertAdministers(caller, tenant);
    const webhook = await findWebhook(webhooks, tenant, webhookId);
    const now = clock.now();
    const expiresAt = new Date(Date.parse(now) + SECRET_GRACE_MS).toISOString();
    const current = webhook.secrets.find((s) => s.expires_at === null);
    const secret = newSecret();
    const secrets = [
      { secret, expires_at: null },
      ...(current ? [{ secret: current.secret, expires_at: expiresAt }] : []),
    ];
    const updated = await webhooks.update(tenant, webhookId, { secrets, modified: now });
    if (!updated) throw webhookNotFound(webhookId);
    return { ...publicView(updated), secret, previous_secret_expires_at: expiresAt };
  };
}
