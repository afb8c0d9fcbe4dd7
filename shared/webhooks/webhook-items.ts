/**
 * The DynamoDB items and updates of webhook subscriptions, built by small pure functions that are
 * unit-tested without a database. The repository only sends them.
 */
import type { PutCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { optional } from '#shared/db/item-schema';
import { keys } from '#shared/db/keys';
import { once } from '#shared/once';
import { MAX_WEBHOOKS_PER_TENANT, type StoredWebhook, type WebhookStatus } from './webhook';

/**
 * A stored subscription as the service reads it: its fields in the order answers list them, its keys
 * dropped, each checked for its type. One stored before gaps were counted has skipped none.
 */
export const webhookItemSchema = /* @__PURE__ */ once(() =>
  z.object({
    webhook_id: z.string(),
    enterprise_customer_uuid: z.string(),
    url: z.string(),
    event_types: z.array(z.string()),
    enabled: z.boolean(),
    status: z.enum(['active', 'failing']),
    failing_since: optional(z.string()),
    skipped_events: z.number().default(0),
    last_skipped_at: optional(z.string()),
    created: z.string(),
    modified: z.string(),
    secrets: z.array(z.object({ secret: z.string(), expires_at: optional(z.string()) })),
  }),
);

export const toWebhook = (item: Record<string, unknown>): StoredWebhook => webhookItemSchema().parse(item);

/** The fields an admin's change (or a rotation) sets on a subscription. */
export type WebhookChange = Partial<
  Pick<StoredWebhook, 'url' | 'event_types' | 'enabled' | 'secrets' | 'status' | 'failing_since'>
> & { modified: string };

const EXISTS = 'attribute_exists(PK)';

/** A new subscription, in its tenant's partition; only where none is. */
export const newWebhookPut = (tableName: string, webhook: StoredWebhook): PutCommandInput => ({
  TableName: tableName,
  Item: { ...keys.webhook(webhook.enterprise_customer_uuid, webhook.webhook_id), entity: 'webhook', ...webhook },
  ConditionExpression: 'attribute_not_exists(PK)',
});

/**
 * Sets the fields of `change` that are given on an existing subscription, answering it as it then is;
 * with `secretsBefore`, only if its secrets are still those (a rotation must not drop another's new secret).
 */
export function webhookUpdate(
  tableName: string,
  tenant: string,
  webhookId: string,
  change: WebhookChange,
  secretsBefore?: StoredWebhook['secrets'],
): UpdateCommandInput {
  const given = Object.entries(change).filter(([, value]) => value !== undefined);
  const names = Object.fromEntries(given.map(([name]) => [`#${name}`, name]));
  const values = Object.fromEntries(given.map(([name, value]) => [`:${name}`, value]));
  return {
    TableName: tableName,
    Key: keys.webhook(tenant, webhookId),
    UpdateExpression: `SET ${given.map(([name]) => `#${name} = :${name}`).join(', ')}`,
    ExpressionAttributeNames: secretsBefore ? { ...names, '#secretsBefore': 'secrets' } : names,
    ExpressionAttributeValues: secretsBefore ? { ...values, ':secretsBefore': secretsBefore } : values,
    ConditionExpression: secretsBefore ? `${EXISTS} AND #secretsBefore = :secretsBefore` : EXISTS,
    ReturnValues: 'ALL_NEW',
  };
}

/** Marks the subscription `failing` since `at`, or `active` again, only if it is not so already. */
export const webhookStatusUpdate = (
  tableName: string,
  tenant: string,
  webhookId: string,
  status: WebhookStatus,
  at: string,
): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.webhook(tenant, webhookId),
  UpdateExpression: 'SET #status = :status, failing_since = :since',
  ConditionExpression: `${EXISTS} AND #status <> :status`,
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':status': status, ':since': status === 'failing' ? at : null },
});

/** Deletes an existing subscription. */
export const webhookDelete = (tableName: string, tenant: string, webhookId: string) => ({
  TableName: tableName,
  Key: keys.webhook(tenant, webhookId),
  ConditionExpression: EXISTS,
});

/** Adds a new subscription's id to its tenant's set, on condition the set has room under the cap. */
export const webhookIdAdd = (tableName: string, tenant: string, webhookId: string) => ({
  TableName: tableName,
  Key: keys.webhookIds(tenant),
  UpdateExpression: 'ADD ids :id',
  ConditionExpression: 'attribute_not_exists(ids) OR size(ids) < :max',
  ExpressionAttributeValues: { ':id': new Set([webhookId]), ':max': MAX_WEBHOOKS_PER_TENANT },
});

/** Frees a deleted subscription's place in its tenant's set. */
export const webhookIdDelete = (tableName: string, tenant: string, webhookId: string) => ({
  TableName: tableName,
  Key: keys.webhookIds(tenant),
  UpdateExpression: 'DELETE ids :id',
  ExpressionAttributeValues: { ':id': new Set([webhookId]) },
});
