import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock, IdGenerator } from '#shared/clock';
import { MAX_WEBHOOKS_PER_TENANT, publicView, type StoredWebhook, type Webhook } from './webhook';
import { tooManyWebhooks, type WebhookRepository } from './webhook-repository';

export interface WebhookInput {
  url: string;
  event_types: string[];
  enabled: boolean;
}

export interface CreateWebhookPorts {
  webhooks: Pick<WebhookRepository, 'list' | 'create'>;
  /** The URL as stored, or a refusal (url-policy.ts's checkWebhookUrl with the deployment's policy). */
  checkUrl: (url: string) => Promise<string>;
  newSecret: () => string;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Subscribes a tenant's endpoint to its events. Admins of the tenant only; at most
 * MAX_WEBHOOKS_PER_TENANT subscriptions. The answer carries the signing secret: the only time it is
 * shown until a rotation. The subscription receives the events recorded from now on.
 */
export function makeCreateWebhook({ webhooks, checkUrl, newSecret, clock, ids }: CreateWebhookPorts) {
  return async (caller: Caller, tenant: string, input: WebhookInput): Promise<Webhook & { secret: string }> => {
    assertAdministers(caller, tenant);
    const url = await checkUrl(input.url);
    // The repository's create enforces the cap against concurrent creations; this reads it first.
    if ((await webhooks.list(tenant)).length >= MAX_WEBHOOKS_PER_TENANT) throw tooManyWebhooks();
    const now = clock.now();
    const secret = newSecret();
    const webhook: StoredWebhook = {
      webhook_id: ids.uuid(),
      enterprise_customer_uuid: tenant,
      url,
      event_types: [...new Set(input.event_types)],
      enabled: input.enabled,
      status: 'active',
      failing_since: null,
      skipped_events: 0,
      last_skipped_at: null,
      created: now,
      modified: now,
      secrets: [{ secret, expires_at: null }],
    };
    await webhooks.create(webhook);
    return { ...publicView(webhook), secret };
  };
}
