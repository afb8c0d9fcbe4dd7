import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { answeredIf, writtenIf } from '#shared/db/conditional-write';
import { keys } from '#shared/db/keys';
import { transact } from '#shared/db/transactions';
import { ConflictError } from '#shared/errors';
import { MAX_WEBHOOKS_PER_TENANT, type StoredWebhook, type WebhookStatus } from './webhook';
import {
  newWebhookPut,
  toWebhook,
  type WebhookChange,
  webhookDelete,
  webhookIdAdd,
  webhookIdDelete,
  webhookStatusUpdate,
  webhookUpdate,
} from './webhook-items';

export const tooManyWebhooks = () =>
  new ConflictError('too_many_webhooks', `A tenant holds at most ${MAX_WEBHOOKS_PER_TENANT} webhooks`);

export type WebhookRepository = ReturnType<typeof makeWebhookRepository>;

/** A tenant's webhook subscriptions, in the tenant's partition. */
export function makeWebhookRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async get(tenant: string, webhookId: string): Promise<StoredWebhook | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.webhook(tenant, webhookId), ConsistentRead: true }),
      );
      return Item ? toWebhook(Item) : undefined;
    },

    /** The tenant's subscriptions (at most MAX_WEBHOOKS_PER_TENANT: one page), oldest id first. */
    async list(tenant: string): Promise<StoredWebhook[]> {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.tenantPartition(tenant), ':prefix': keys.webhooksPrefix },
        }),
      );
      return Items.map(toWebhook);
    },

    /**
     * Stores a new subscription and adds its id to the tenant's set in one transaction, on condition the
     * set holds fewer than MAX_WEBHOOKS_PER_TENANT: concurrent creations cannot together pass the cap
     * (ConflictError `too_many_webhooks`).
     */
    async create(webhook: StoredWebhook): Promise<void> {
      const outcome = await transact(db, [
        { Put: newWebhookPut(tableName, webhook) },
        { Update: webhookIdAdd(tableName, webhook.enterprise_customer_uuid, webhook.webhook_id) },
      ]);
      if (!outcome.ok && outcome.failed.includes(1)) throw tooManyWebhooks();
      if (!outcome.ok) throw new ConflictError('webhook_exists', `Webhook ${webhook.webhook_id} exists already`);
    },

    /**
     * Sets the given fields of an existing subscription (with `secretsBefore`, only while its secrets are
     * still those); undefined when there is none, or its secrets moved.
     */
    async update(
      tenant: string,
      webhookId: string,
      change: WebhookChange,
      secretsBefore?: StoredWebhook['secrets'],
    ): Promise<StoredWebhook | undefined> {
      const update = webhookUpdate(tableName, tenant, webhookId, change, secretsBefore);
      const out = await answeredIf(db.send(new UpdateCommand(update)));
      return out?.Attributes ? toWebhook(out.Attributes) : undefined;
    },

    /** Marks the subscription `failing` (dead letter) or `active` again (a success), only if it is not already so. */
    async setStatus(tenant: string, webhookId: string, status: WebhookStatus, at: string): Promise<void> {
      await writtenIf(db.send(new UpdateCommand(webhookStatusUpdate(tableName, tenant, webhookId, status, at))));
    },

    /** Deletes a subscription and frees its place under the cap; false when there is none. */
    async remove(tenant: string, webhookId: string): Promise<boolean> {
      const outcome = await transact(db, [
        { Delete: webhookDelete(tableName, tenant, webhookId) },
        { Update: webhookIdDelete(tableName, tenant, webhookId) },
      ]);
      return outcome.ok;
    },
  };
}
