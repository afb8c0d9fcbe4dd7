/**
 * The DynamoDB items, updates and transaction parts of webhook deliveries and of how far each stream
 * was delivered, built by small pure functions that are unit-tested without a database. The repository
 * only sends them.
 */
import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { optional } from '#shared/db/item-schema';
import { keys } from '#shared/db/keys';
import type { TransactItems } from '#shared/db/transactions';
import type { EventStream } from '#shared/events/change-event';
import { EVENT_RETENTION_DAYS } from '#shared/events/event-items';
import { once } from '#shared/once';
import type { Delivery } from './delivery';

/**
 * A stored delivery as the service reads it: its fields in the order answers list them, its keys and
 * expiry dropped, each checked for its type; a delivery reopened for a redelivery lacks its first
 * attempt until it is tried again.
 */
export const deliveryItemSchema = /* @__PURE__ */ once(() =>
  z.object({
    delivery_id: z.string(),
    webhook_id: z.string(),
    event_id: z.string(),
    event_type: z.string(),
    group_uuid: optional(z.string()),
    course_id: optional(z.string()),
    sequence: z.number(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number(),
    response_code: optional(z.number()),
    error: optional(z.string()),
    first_attempt_at: optional(z.string()),
    last_attempt_at: optional(z.string()),
    created: z.string(),
  }),
);

export const toDelivery = (item: Record<string, unknown>): Delivery => deliveryItemSchema().parse(item);

/** What one attempt came to, as the log records it. */
export interface Attempt {
  at: string;
  succeeded: boolean;
  responseCode: number | null;
  error: string | null;
}

/**
 * Records an attempt, creating the entry on the first: a success only if the delivery had not
 * succeeded before, a failure keeps it pending. The entry keeps its place in the subscription's log
 * (GSI1) and expires with the events, counted from its last attempt.
 */
export function attemptUpdate(tableName: string, delivery: Delivery, attempt: Attempt): UpdateCommandInput {
  const { webhook_id: webhook, event_id: id, created } = delivery;
  return {
    TableName: tableName,
    Key: keys.webhookDeliveryById(webhook, id),
    UpdateExpression:
      'SET entity = :entity, delivery_id = :id, webhook_id = :webhook, event_id = :id, event_type = :type, ' +
      'group_uuid = :group, course_id = :course, #sequence = :sequence, #status = :status, ' +
      'attempts = if_not_exists(attempts, :zero) + :one, response_code = :code, #error = :error, ' +
      'first_attempt_at = if_not_exists(first_attempt_at, :at), last_attempt_at = :at, ' +
      'created = if_not_exists(created, :created), GSI1PK = :log, GSI1SK = if_not_exists(GSI1SK, :position), ' +
      'expires_at = :expires',
    ConditionExpression: 'attribute_not_exists(PK) OR #status <> :succeeded',
    ExpressionAttributeNames: { '#status': 'status', '#sequence': 'sequence', '#error': 'error' },
    ExpressionAttributeValues: {
      ':entity': 'webhook_delivery',
      ':id': id,
      ':webhook': webhook,
      ':type': delivery.event_type,
      ':group': delivery.group_uuid,
      ':course': delivery.course_id,
      ':sequence': delivery.sequence,
      ':status': attempt.succeeded ? 'succeeded' : 'pending',
      ':succeeded': 'succeeded',
      ':zero': 0,
      ':one': 1,
      ':code': attempt.responseCode,
      ':error': attempt.error,
      ':at': attempt.at,
      ':created': created,
      ':log': keys.webhookDeliveriesPartition(webhook),
      ':position': keys.webhookDelivery(webhook, id, created).GSI1SK,
      ':expires': Math.floor(Date.parse(attempt.at) / 1000) + EVENT_RETENTION_DAYS * 86_400,
    },
    ReturnValues: 'ALL_NEW',
  };
}

/**
 * Moves the stream's mark from `mark` past expired events through `through`, and counts them on the
 * subscription, as one transaction: a second worker doing the same skip, or a subscription deleted
 * meanwhile, fails it.
 */
export function skipItems(
  tableName: string,
  tenant: string,
  webhookId: string,
  stream: EventStream,
  { mark, through, at }: { mark: number; through: number; at: string },
): TransactItems {
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.webhookLane(webhookId, stream),
        UpdateExpression: 'SET delivered_through = :through, entity = :entity',
        ConditionExpression: 'attribute_not_exists(delivered_through) OR delivered_through <= :mark',
        ExpressionAttributeValues: { ':through': through, ':mark': mark, ':entity': 'webhook_lane' },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.webhook(tenant, webhookId),
        UpdateExpression: 'ADD skipped_events :count SET last_skipped_at = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':count': through - mark, ':at': at },
      },
    },
  ];
}
