import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { answeredIf, writtenIf } from '#shared/db/conditional-write';
import { transact } from '#shared/db/transactions';
import { keys } from '#shared/db/keys';
import { type Cursor, decodeCursor, encodeCursor } from '#shared/db/page-cursor';
import type { EventStream } from '#shared/events/change-event';
import type { Delivery } from './delivery';
import { type Attempt, attemptUpdate, skipItems, toDelivery } from './delivery-items';

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

    /** The logged deliveries of these events to one subscription (one BatchGetItem per 100), by event id. */
    async getMany(webhookId: string, eventIds: string[]): Promise<Map<string, Delivery>> {
      const items = await batchGetAll(
        db,
        tableName,
        eventIds.map((eventId) => keys.webhookDeliveryById(webhookId, eventId)),
      );
      return new Map(items.map((item) => toDelivery(item)).map((d) => [d.event_id, d]));
    },

    /**
     * Records an attempt, creating the entry on the first: a success only if the delivery had not
     * succeeded before (undefined when it had: the attempt was a duplicate), a failure keeps it pending.
     * Answers the entry as it now stands.
     */
    async recordAttempt(delivery: Delivery, attempt: Attempt): Promise<Delivery | undefined> {
      const out = await answeredIf(db.send(new UpdateCommand(attemptUpdate(tableName, delivery, attempt))));
      return out?.Attributes ? toDelivery(out.Attributes) : undefined;
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
      move: { mark: number; through: number; at: string },
    ): Promise<boolean> {
      const outcome = await transact(db, skipItems(tableName, tenant, webhookId, stream, move));
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
