import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { answeredIf, writtenIf } from '#shared/db/conditional-write';
import { keys } from '#shared/db/keys';
import type { StoredWebhook, WebhookStatus } from './webhook';
import { newWebhookPut, toWebhook, type WebhookChange, webhookStatusUpdate, webhookUpdate } from './webhook-items';

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

    async create(webhook: StoredWebhook): Promise<void> {
      await db.send(new PutCommand(newWebhookPut(tableName, webhook)));
    },

    /** Sets the given fields of an existing subscription; undefined when there is none. */
    async update(tenant: string, webhookId: string, change: WebhookChange): Promise<StoredWebhook | undefined> {
      const out = await answeredIf(db.send(new UpdateCommand(webhookUpdate(tableName, tenant, webhookId, change))));
      return out?.Attributes ? toWebhook(out.Attributes) : undefined;
    },

    /** Marks the subscription `failing` (dead letter) or `active` again (a success), only if it is not already so. */
    async setStatus(tenant: string, webhookId: string, status: WebhookStatus, at: string): Promise<void> {
      await writtenIf(db.send(new UpdateCommand(webhookStatusUpdate(tableName, tenant, webhookId, status, at))));
    },

    async remove(tenant: string, webhookId: string): Promise<boolean> {
      return writtenIf(
        db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.webhook(tenant, webhookId),
            ConditionExpression: 'attribute_exists(PK)',
          }),
        ),
      );
    },
  };
}
