import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { publicView, type Webhook } from './webhook';
import type { WebhookInput } from './create-webhook';
import { webhookNotFound } from './read-webhooks';
import type { WebhookRepository } from './webhook-repository';

/**
 * Changes a subscription's URL (checked as on creation), event types or `enabled`. A disabled
 * subscription's events pass undelivered (the feed keeps them); enabling it delivers from then on.
 */
export function makeUpdateWebhook(
  webhooks: Pick<WebhookRepository, 'update'>,
  checkUrl: (url: string) => Promise<string>,
  clock: Clock,
) {
  return async (caller: Caller, tenant: string, webhookId: string, input: Partial<WebhookInput>): Promise<Webhook> => {
    assertAdministers(caller, tenant);
    const url = input.url === undefined ? undefined : await checkUrl(input.url);
    const updated = await webhooks.update(tenant, webhookId, {
      url,
      event_types: input.event_types && [...new Set(input.event_types)],
      enabled: input.enabled,
      modified: clock.now(),
    });
    if (!updated) throw webhookNotFound(webhookId);
    return publicView(updated);
  };
}

/** Deletes a subscription: its queued deliveries are dropped, its log expires with its events. */
export const makeDeleteWebhook =
  (webhooks: Pick<WebhookRepository, 'remove'>) =>
  async (caller: Caller, tenant: string, webhookId: string): Promise<void> => {
    assertAdministers(caller, tenant);
    if (!(await webhooks.remove(tenant, webhookId))) throw webhookNotFound(webhookId);
  };
