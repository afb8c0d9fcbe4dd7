import { assertAdministers, type Caller } from '#shared/auth/caller';
import { NotFoundError } from '#shared/errors';
import { publicView, type StoredWebhook, type Webhook } from './webhook';
import type { WebhookRepository } from './webhook-repository';

export const webhookNotFound = (webhookId: string) =>
  new NotFoundError('webhook_not_found', `Webhook ${webhookId} not found`);

/** The subscription of the tenant, or NotFoundError (another tenant's reads as absent). */
export async function findWebhook(
  webhooks: Pick<WebhookRepository, 'get'>,
  tenant: string,
  webhookId: string,
): Promise<StoredWebhook> {
  const webhook = await webhooks.get(tenant, webhookId);
  if (!webhook) throw webhookNotFound(webhookId);
  return webhook;
}

/** One subscription, for the tenant's admins: its status shows `failing` after a dead letter. */
export const makeGetWebhook =
  (webhooks: Pick<WebhookRepository, 'get'>) =>
  async (caller: Caller, tenant: string, webhookId: string): Promise<Webhook> => {
    assertAdministers(caller, tenant);
    return publicView(await findWebhook(webhooks, tenant, webhookId));
  };

/** The tenant's subscriptions (a handful: one page). */
export const makeListWebhooks =
  (webhooks: Pick<WebhookRepository, 'list'>) =>
  async (caller: Caller, tenant: string): Promise<Webhook[]> => {
    assertAdministers(caller, tenant);
    return (await webhooks.list(tenant)).map(publicView);
  };
