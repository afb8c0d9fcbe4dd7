import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { writtenIf } from '#shared/db/conditional-write';
import { transact } from '#shared/db/transactions';
import { keys } from '#shared/db/keys';
import { type Cursor, decodeCursor, encodeCursor } from '#shared/db/page-cursor';
import type { EventStream } from '#shared/events/change-event';
import { EVENT_RETENTION_DAYS } from '#shared/events/event-items';
import type { Delivery } from './delivery';

const FIELDS = [
  'delivery_id',
  'webhook_id',
  'event_id',
  'event_type',
  'group_uuid',
  'course_id',
  'sequence',
  'status',
  'attempts',
  'response_code',
  'error',
  'first_attempt_at',
  'last_attempt_at',
  'created',
] as const satisfies readonly (keyof Delivery)[];

const toDelivery = (item: Record<string, unknown>): Delivery =>
  Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])) as unknown as Delivery;

/** What one attempt came to, as the log records it. */
export interface Attempt {
  at: string;
  succeeded: boolean;
  responseCode: number | null;
  error: string | null;
}

export type DeliveryRepository = ReturnType<typeof makeDeliveryRepository>;

/** Deliveries (the log, one item per subscription and event) and how far each stream was delivered. */
export function makeDeliveryRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async get(webhookId: string, eventId: string): Promise<Delivery | undefined> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.webhookDeliveryById(webhookId, eventId),
          ConsistentRead: true,
        }),
      );
      return Item ? toDelivery(Item) : undefined;
    },

    /**
     * Records an attempt, creating the entry on the first: a success only if the delivery had not
     * succeeded before (false when it had: the attempt was a duplicate), a failure keeps it pending.
     * Answers the entry as it now stands.
     */
    async recordAttempt(delivery: Delivery, attempt: Attempt): Promise<Delivery | undefined> {
      const created = delivery.created;
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.webhookDeliveryById(delivery.webhook_id, delivery.event_id),
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
              ':id': delivery.event_id,
              ':webhook': delivery.webhook_id,
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
              ':log': keys.webhookDeliveriesPartition(delivery.webhook_id),
              ':position': keys.webhookDelivery(delivery.webhook_id, delivery.event_id, created).GSI1SK,
              ':expires': Math.floor(Date.parse(attempt.at) / 1000) + EVENT_RETENTION_DAYS * 86_400,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes ? toDelivery(Attributes) : undefined;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
        throw error;
      }
    },

    /** Dead-letters a pending delivery: retried for its day (or once, for a failing subscription). */
    async markFailed(webhookId: string, eventId: string): Promise<void> {
      await writtenIf(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.webhookDeliveryById(webhookId, eventId),
            UpdateExpression: 'SET #status = :failed',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':failed': 'failed', ':pending': 'pending' },
          }),
        ),
      );
    },

    /** Puts a logged delivery back to pending for a redelivery, its day of retries starting anew; false when none is logged. */
    async reopen(webhookId: string, eventId: string): Promise<boolean> {
      return writtenIf(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.webhookDeliveryById(webhookId, eventId),
            UpdateExpression: 'SET #status = :pending REMOVE first_attempt_at',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending' },
          }),
        ),
      );
    },

    /** A subscription's log, newest first. */
    async page(webhookId: string, { cursor, pageSize }: { cursor?: string | undefined; pageSize: number }) {
      const partition = keys.webhookDeliveriesPartition(webhookId);
      const start: Cursor | undefined = cursor
        ? decodeCursor(cursor, { index: 'GSI1', partition: { name: 'GSI1PK', value: partition } })
        : undefined;
      const { Items = [], LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': partition },
          ScanIndexForward: false,
          ExclusiveStartKey: start?.a,
          Limit: pageSize,
        }),
      );
      return {
        items: Items.map(toDelivery),
        next: LastEvaluatedKey ? encodeCursor({ a: LastEvaluatedKey as Record<string, string> }) : null,
      };
    },

    /** The last sequence of `stream` the subscription is done with (delivered, dead-lettered or not matching). */
    async deliveredThrough(webhookId: string, stream: EventStream): Promise<number | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.webhookLane(webhookId, stream), ConsistentRead: true }),
      );
      return typeof Item?.delivered_through === 'number' ? Item.delivered_through : undefined;
    },

    /**
     * Moves the stream's mark from `mark` past expired events through `through`, and counts them on the
     * subscription (`skipped_events`, `last_skipped_at`) in the same transaction: a second worker doing
     * the same skip, or a subscription deleted meanwhile, changes nothing (false).
     */
    async skip(
      tenant: string,
      webhookId: string,
      stream: EventStream,
      { mark, through, at }: { mark: number; through: number; at: string },
    ): Promise<boolean> {
      const outcome = await transact(db, [
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
      ]);
      return outcome.ok;
    },

    /** Moves the stream's mark forward (never back: a late writer of an older mark changes nothing). */
    async advance(webhookId: string, stream: EventStream, through: number): Promise<void> {
      await writtenIf(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.webhookLane(webhookId, stream),
            UpdateExpression: 'SET delivered_through = :through, entity = :entity',
            ConditionExpression: 'attribute_not_exists(delivered_through) OR delivered_through < :through',
            ExpressionAttributeValues: { ':through': through, ':entity': 'webhook_lane' },
          }),
        ),
      );
    },
  };
}
