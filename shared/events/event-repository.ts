import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import { transact } from '#shared/db/transactions';
import { ConflictError } from '#shared/errors';
import { type ChangeCandidate, type ChangeEvent, type EventStream, streamOf } from './change-event';
import { recordEventItems, toChangeEvent } from './event-items';

/** Times a recording re-reads its stream's counter after another writer moved it. */
const MAX_COUNTER_RACES = 20;

export interface EventPage {
  events: (ChangeEvent & { recorded_at: string })[];
  /** The last key read, when the index holds more. */
  lastKey: Record<string, unknown> | undefined;
}

export type EventRepository = ReturnType<typeof makeEventRepository>;

export function makeEventRepository(db: DynamoDBDocumentClient, tableName: string) {
  const getEvent = async (id: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.changeEventById(id), ConsistentRead: true }),
    );
    return Item ? toChangeEvent(Item) : undefined;
  };

  const lastSequence = async (tenant: string, stream: EventStream) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.eventSequence(tenant, stream), ConsistentRead: true }),
    );
    return typeof Item?.last_sequence === 'number' ? Item.last_sequence : 0;
  };

  return {
    getEvent,

    /**
     * Records the change once and answers the event as stored: a change recorded before (the same id)
     * answers its first recording, with the sequence it got then.
     */
    async record(candidate: ChangeCandidate, recordedAt: string): Promise<{ event: ChangeEvent; isNew: boolean }> {
      for (let race = 0; race < MAX_COUNTER_RACES; race++) {
        const known = await getEvent(candidate.id);
        if (known) return { event: known, isNew: false };
        const last = await lastSequence(candidate.enterprise_customer_uuid, streamOf(candidate));
        const { event, items } = recordEventItems(tableName, candidate, last, recordedAt);
        const outcome = await transact(db, items);
        if (outcome.ok) return { event, isNew: true };
        // The id's condition (position 0) failed: recorded meanwhile; the counter's: read it again.
      }
      throw new ConflictError('concurrent_modification', 'The event stream kept moving; the record is retried');
    },

    /** A tenant's events in recording order, after `afterKey`, recorded at or before `until`. */
    async tenantPage(tenant: string, until: string, limit: number, afterKey?: Record<string, unknown>) {
      const { Items = [], LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :until',
          ExpressionAttributeValues: {
            ':pk': keys.tenantEventsPartition(tenant),
            ':until': keys.tenantEventPosition(until, '\uffff'),
          },
          ExclusiveStartKey: afterKey,
          Limit: limit,
        }),
      );
      return { events: Items.map(withRecordedAt), lastKey: LastEvaluatedKey } satisfies EventPage;
    },

    /** One stream's events from `fromSequence` on, in sequence order. */
    async streamPage(tenant: string, stream: EventStream, fromSequence: number, limit: number) {
      const { Items = [], LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK >= :from',
          ExpressionAttributeValues: {
            ':pk': keys.streamEventsPartition(tenant, stream),
            ':from': keys.streamEventPosition(fromSequence),
          },
          Limit: limit,
        }),
      );
      return { events: Items.map(withRecordedAt), lastKey: LastEvaluatedKey } satisfies EventPage;
    },
  };
}

const withRecordedAt = (item: Record<string, unknown>) => ({
  ...toChangeEvent(item),
  recorded_at: String(item.recorded_at),
});
