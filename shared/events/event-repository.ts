import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import { transact } from '#shared/db/transactions';
import { ConflictError } from '#shared/errors';
import { type ChangeCandidate, type ChangeEvent, type EventStream, streamOf } from './change-event';
import { MAX_BLOCK, recordEventItems, type StreamMark, toChangeEvent } from './event-items';

/** Times a recording re-reads its stream's counter after another writer moved it. */
const MAX_COUNTER_RACES = 20;
/** Streams whose last number a process keeps in memory. */
const MAX_REMEMBERED_STREAMS = 10_000;

export type RecordedEvent = ChangeEvent & { recorded_at: string };

/** A place in a tenant's feed: the event's recording time, sequence and id (its GSI1 sort key). */
export interface EventPosition {
  recordedAt: string;
  sequence: number;
  id: string;
}

/** The full index key of a feed position, as a Query's ExclusiveStartKey. */
const keyAt = (tenant: string, { recordedAt, sequence, id }: EventPosition) => ({
  ...keys.changeEventById(id),
  GSI1PK: keys.tenantEventsPartition(tenant),
  GSI1SK: keys.tenantEventPosition(recordedAt, sequence, id),
});

/** The position an index key names (its sort key is `AT#<recorded at>#<sequence>#<id>`). */
const positionOf = (key: Record<string, unknown>): EventPosition => {
  const [, recordedAt, sequence, id] = String(key.GSI1SK).split('#');
  return { recordedAt: recordedAt!, sequence: Number(sequence), id: id! };
};

export type EventRepository = ReturnType<typeof makeEventRepository>;

export function makeEventRepository(db: DynamoDBDocumentClient, tableName: string) {
  const getEvent = async (id: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.changeEventById(id), ConsistentRead: true }),
    );
    return Item ? toChangeEvent(Item) : undefined;
  };

  const readMark = async (tenant: string, stream: EventStream): Promise<StreamMark> => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.eventSequence(tenant, stream), ConsistentRead: true }),
    );
    return {
      sequence: typeof Item?.last_sequence === 'number' ? Item.last_sequence : 0,
      recordedAt: typeof Item?.last_recorded_at === 'string' ? Item.last_recorded_at : undefined,
    };
  };

  /** The last mark this process left per stream; a hint only (the counter's condition decides). */
  const lastKnown = new Map<string, StreamMark>();
  const remember = (streamKey: string, mark: StreamMark) => {
    if (lastKnown.size >= MAX_REMEMBERED_STREAMS) lastKnown.clear();
    lastKnown.set(streamKey, mark);
  };

  /**
   * One transaction numbering `block`; null when a change of a block of several was recorded before
   * (the caller then records them one by one). A single change recorded before answers its event.
   */
  async function recordBlock(block: readonly ChangeCandidate[], recordedAt: string): Promise<ChangeEvent[] | null> {
    const first = block[0]!;
    const stream = streamOf(first);
    const streamKey = JSON.stringify([first.enterprise_customer_uuid, stream]);
    for (let race = 0; race < MAX_COUNTER_RACES; race++) {
      const mark = lastKnown.get(streamKey) ?? (await readMark(first.enterprise_customer_uuid, stream));
      const recording = recordEventItems(tableName, block, mark, recordedAt);
      const outcome = await transact(db, recording.items);
      if (outcome.ok) {
        remember(streamKey, { sequence: mark.sequence + block.length, recordedAt: recording.recordedAt });
        return recording.events;
      }
      lastKnown.delete(streamKey);
      if (outcome.failed.some((position) => position < block.length)) {
        if (block.length > 1) return null;
        const known = await getEvent(first.id);
        if (known) return [known];
      }
      // Only the counter's condition failed: another recorder moved it; read it again.
    }
    throw new ConflictError('concurrent_modification', 'The event stream kept moving; the record is retried');
  }

  return {
    getEvent,

    /**
     * Records the changes (of one stream, in its order) once each and answers the events as stored: a
     * change recorded before (the same id) answers its first recording, with the sequence it got then.
     * A block of new changes is numbered in one transaction; a block holding a change recorded before
     * (a redelivery) is recorded change by change. The stream's last number is taken from this
     * process's previous recording when there is one (the counter's condition catches a stale one).
     */
    async record(candidates: readonly ChangeCandidate[], recordedAt: string): Promise<ChangeEvent[]> {
      const recorded: ChangeEvent[] = [];
      for (let start = 0; start < candidates.length; start += MAX_BLOCK) {
        const block = candidates.slice(start, start + MAX_BLOCK);
        const events = await recordBlock(block, recordedAt);
        if (events) recorded.push(...events);
        else for (const candidate of block) recorded.push(...(await recordBlock([candidate], recordedAt))!);
      }
      return recorded;
    },

    /**
     * A tenant's events in recording order after `after` (a position: recording time and id), recorded
     * at or before `until`, of `type` (exact, or every type of a domain for `<domain>.*`). `lastRead` is
     * the position of the last item the query read (matching or not) when the index holds more.
     */
    async tenantPage(
      tenant: string,
      { after, until, type, limit }: { after?: EventPosition; until: string; type?: string; limit: number },
    ): Promise<{ events: RecordedEvent[]; lastRead: EventPosition | undefined }> {
      const bound = keys.tenantEventsUntil(until);
      // A start past the bound (a cursor from a clock ahead of this one, or forged) has nothing after it
      // yet; DynamoDB refuses a start key outside the key condition, so it is not asked.
      if (after && keys.tenantEventPosition(after.recordedAt, after.sequence, after.id) > bound)
        return { events: [], lastRead: undefined };
      const domain = type?.endsWith('.*') ? type.slice(0, -1) : undefined;
      const { Items = [], LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :until',
          ...(type
            ? {
                FilterExpression: domain ? 'begins_with(#type, :type)' : '#type = :type',
                ExpressionAttributeNames: { '#type': 'type' },
              }
            : {}),
          ExpressionAttributeValues: {
            ':pk': keys.tenantEventsPartition(tenant),
            ':until': bound,
            ...(type ? { ':type': domain ?? type } : {}),
          },
          ExclusiveStartKey: after ? keyAt(tenant, after) : undefined,
          Limit: limit,
        }),
      );
      const lastRead = LastEvaluatedKey ? positionOf(LastEvaluatedKey) : undefined;
      return { events: Items.map(withRecordedAt), lastRead };
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
      return { events: Items.map(withRecordedAt), more: LastEvaluatedKey !== undefined };
    },

    /**
     * Where a subscription created at `since` begins a stream it has no mark in yet, its first message
     * naming `from`: after the last event before `from` recorded before `since`, looking back over at
     * most `limit` events (else at the oldest of them); `from` when none is before it. Two recorders of
     * one stream (a course's records sit in several shards) can send their messages out of order, so the
     * first message a subscription gets for a stream may not name the stream's first event since it began.
     */
    async streamStartSince(tenant: string, stream: EventStream, since: string, from: number, limit: number) {
      let start = from;
      let read = 0;
      let last: Record<string, unknown> | undefined;
      do {
        const { Items = [], LastEvaluatedKey } = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :from',
            ExpressionAttributeValues: {
              ':pk': keys.streamEventsPartition(tenant, stream),
              ':from': keys.streamEventPosition(from),
            },
            ScanIndexForward: false,
            ExclusiveStartKey: last,
            Limit: limit - read,
          }),
        );
        for (const item of Items) {
          if (String(item.recorded_at) < since) return Number(item.sequence) + 1;
          start = Number(item.sequence);
        }
        read += Items.length;
        last = LastEvaluatedKey;
      } while (last && read < limit);
      return start;
    },
  };
}

const withRecordedAt = (item: Record<string, unknown>): RecordedEvent => ({
  ...toChangeEvent(item),
  recorded_at: String(item.recorded_at),
});
