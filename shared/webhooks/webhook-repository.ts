import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { writtenIf } from '#shared/db/conditional-write';
import { keys } from '#shared/db/keys';
import type { StoredWebhook, WebhookStatus } from './webhook';

const FIELDS = [
  'webhook_id',
  'enterprise_customer_uuid',
  'url',
  'event_types',
  'enabled',
  'status',
  'failing_since',
  'skipped_events',
  'last_skipped_at',
  'created',
  'modified',
  'secrets',
] as const satisfies readonly (keyof StoredWebhook)[];

/** A subscription stored before gaps were counted has skipped none. */
const toWebhook = (item: Record<string, unknown>): StoredWebhook =>
  ({
    ...Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])),
    skipped_events: item.skipped_events ?? 0,
  }) as unknown as StoredWebhook;

export type WebhookRepository = ReturnType<typeof makeWebhookRepository>;

/** A tenant's webhook subscriptions, in the tenant's partition. */
export function makeWebhookRepository(db: DynamoDBDocumentClient, tableName: string) {
  const exists = 'attribute_exists(PK)';
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
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.webhook(webhook.enterprise_customer_uuid, webhook.webhook_id),
            entity: 'webhook',
            ...webhook,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },

    /** Sets the given fields of an existing subscription; false when there is none. */
    async update(
      tenant: string,
      webhookId: string,
      fields: Partial<
        Pick<StoredWebhook, 'url' | 'event_types' | 'enabled' | 'secrets' | 'status' | 'failing_since'>
      > & {
        modified: string;
      },
    ): Promise<StoredWebhook | undefined> {
      const names = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.webhook(tenant, webhookId),
            UpdateExpression: `SET ${names.map((n) => `#${n} = :${n}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(names.map((n) => [`#${n}`, n])),
            ExpressionAttributeValues: Object.fromEntries(
              names.map((n) => [`:${n}`, fields[n as keyof typeof fields]]),
            ),
            ConditionExpression: exists,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes ? toWebhook(Attributes) : undefined;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
        throw error;
      }
    },

    /** Marks the subscription `failing` (dead letter) or `active` again (a success), only if it is not already so. */
    async setStatus(tenant: string, webhookId: string, status: WebhookStatus, at: string): Promise<void> {
      await writtenIf(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.webhook(tenant, webhookId),
            UpdateExpression: 'SET #status = :status, failing_since = :since',
            ConditionExpression: `${exists} AND #status <> :status`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': status, ':since': status === 'failing' ? at : null },
          }),
        ),
      );
    },

    async remove(tenant: string, webhookId: string): Promise<boolean> {
      return writtenIf(
        db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.webhook(tenant, webhookId),
            ConditionExpression: exists,
          }),
        ),
      );
    },
  };
}
