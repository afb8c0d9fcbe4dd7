import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { writtenIf } from '#shared/db/conditional-write';
import { keys } from '#shared/db/keys';
import { transact } from '#shared/db/transactions';
import { ConflictError } from '#shared/errors';
import { MAX_WEBHOOKS_PER_TENANT, type StoredWebhook, type WebhookStatus } from './webhook';

export const tooManyWebhooks = () =>
  new ConflictError('too_many_webhooks', `A tenant holds at most ${MAX_WEBHOOKS_PER_TENANT} webhooks`);

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

    /**
     * Stores a new subscription and adds its id to the tenant's set in one transaction, on condition the
     * set holds fewer than MAX_WEBHOOKS_PER_TENANT: concurrent creations cannot together pass the cap
     * (ConflictError `too_many_webhooks`).
     */
    async create(webhook: StoredWebhook): Promise<void> {
      const tenant = webhook.enterprise_customer_uuid;
      const outcome = await transact(db, [
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.webhook(tenant, webhook.webhook_id), entity: 'webhook', ...webhook },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: keys.webhookIds(tenant),
            UpdateExpression: 'ADD ids :id',
            ConditionExpression: 'attribute_not_exists(ids) OR size(ids) < :max',
            ExpressionAttributeValues: { ':id': new Set([webhook.webhook_id]), ':max': MAX_WEBHOOKS_PER_TENANT },
          },
        },
      ]);
      if (!outcome.ok && outcome.failed.includes(1)) throw tooManyWebhooks();
      if (!outcome.ok) throw new ConflictError('webhook_exists', `Webhook ${webhook.webhook_id} exists already`);
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

    /** Deletes a subscription and frees its place under the cap; false when there is none. */
    async remove(tenant: string, webhookId: string): Promise<boolean> {
      const outcome = await transact(db, [
        { Delete: { TableName: tableName, Key: keys.webhook(tenant, webhookId), ConditionExpression: exists } },
        {
          Update: {
            TableName: tableName,
            Key: keys.webhookIds(tenant),
            UpdateExpression: 'DELETE ids :id',
            ExpressionAttributeValues: { ':id': new Set([webhookId]) },
          },
        },
      ]);
      return outcome.ok;
    },
  };
}
