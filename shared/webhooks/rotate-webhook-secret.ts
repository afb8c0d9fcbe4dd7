import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { ConflictError } from '#shared/errors';
import { findWebhook } from './read-webhooks';
import { publicView, SECRET_GRACE_MS, type Webhook } from './webhook';
import type { WebhookRepository } from './webhook-repository';

/** Tries of a rotation whose subscription's secrets others rotate meanwhile. */
const ROUNDS = 3;

/**
 * Gives a subscription a new signing secret, shown in the answer only. The current one keeps signing
 * beside it for SECRET_GRACE_MS (deliveries carry both signatures), so a receiver switches without a
 * window of rejected deliveries; a secret rotated out earlier is dropped. Two rotations at once are
 * one after the other: the later keeps the earlier's new secret as its previous one.
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
    for (let round = 0; round < ROUNDS; round++) {
      const webhook = await findWebhook(webhooks, tenant, webhookId);
      const now = clock.now();
      const expiresAt = new Date(Date.parse(now) + SECRET_GRACE_MS).toISOString();
      const current = webhook.secrets.find((s) => s.expires_at === null);
      const secret = newSecret();
      const secrets = [
        { secret, expires_at: null },
        ...(current ? [{ secret: current.secret, expires_at: expiresAt }] : []),
      ];
      // Only over the secrets read: a concurrent rotation's new secret, already shown, is never dropped.
      const updated = await webhooks.update(tenant, webhookId, { secrets, modified: now }, webhook.secrets);
      if (updated) return { ...publicView(updated), secret, previous_secret_expires_at: expiresAt };
    }
    // Still there (else findWebhook answers 404), its secrets rotated by others on every round.
    await findWebhook(webhooks, tenant, webhookId);
    throw new ConflictError('concurrent_modification', 'The webhook secret kept being rotated; retry the request');
  };
}
