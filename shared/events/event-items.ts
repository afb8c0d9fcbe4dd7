/**
 * The items and transaction parts of change events, built by pure functions (unit-tested without a
 * database); the repository only sends them.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import * as z from 'zod';
import { optional } from '#shared/db/item-schema';
import { once } from '#shared/once';
import { CHANGE_EVENT_TYPES, type ChangeCandidate, type ChangeEvent, streamOf } from './change-event';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const ENTITY = 'change_event';
/** How long an event stays in the feed (and for redelivery) before DynamoDB's TTL deletes it. */
export const EVENT_RETENTION_DAYS = 7;

/**
 * A stored event as the service reads it: its fields in the order answers list them, its other
 * attributes (keys, recording time, expiry) dropped, each checked for its type. `data` holds the
 * public images the stream mapping built and is checked for its kind only.
 */
export const changeEventItemSchema = /* @__PURE__ */ once(() => {
  const image = z.record(z.string(), z.unknown()).nullable();
  const images = z.object({ before: image, after: image });
  return z.object({
    id: z.string(),
    type: z.enum(CHANGE_EVENT_TYPES),
    occurred_at: z.string(),
    enterprise_customer_uuid: z.string(),
    group_uuid: optional(z.string()),
    course_id: optional(z.string()),
    sequence: z.number(),
    // Checked, not rebuilt: the images keep their attributes in the order they were read.
    data: z.custom<ChangeEvent['data']>((v) => images.safeParse(v).success),
  });
});

export const toChangeEvent = (item: Record<string, unknown>): ChangeEvent => changeEventItemSchema().parse(item);

/** The event's item: its id key, its place in the tenant's feed and in its stream, its expiry. */
export function eventItem(event: ChangeEvent, recordedAt: string) {
  const stream = streamOf(event);
  return {
    ...keys.changeEvent(event.id, event.enterprise_customer_uuid, stream, recordedAt, event.sequence),
    entity: ENTITY,
    ...event,
    recorded_at: recordedAt,
    expires_at: Math.floor(Date.parse(recordedAt) / 1000) + EVENT_RETENTION_DAYS * 86_400,
  };
}

/** Events one transaction numbers at most: with their stream's counter, well inside TransactWriteItems' 100 items. */
export const MAX_BLOCK = 25;

/** Where a stream's counter stood when read: its last number and that event's recording time. */
export interface StreamMark {
  sequence: number;
  recordedAt: string | undefined;
}

/**
 * Records `candidates` (of one stream, in order) as its events `last + 1` … `last + n`: each event is put
 * only if its id is new, and the stream's counter moves from `last` to `last + n` only if no one moved it
 * since it was read. Any condition failing writes nothing, so a duplicate never takes a number and
 * numbers are never skipped. The counter is the last item of the transaction. The block is recorded at
 * `now` or at the last event's recording time if that is later (another recorder's clock, or a batch
 * that began before it), so the tenant feed, ordered by recording time, keeps each stream's order.
 */
export function recordEventItems(
  tableName: string,
  candidates: readonly ChangeCandidate[],
  mark: StreamMark,
  now: string,
): { events: ChangeEvent[]; items: TransactItem[]; recordedAt: string } {
  const last = mark.sequence;
  const recordedAt = mark.recordedAt !== undefined && mark.recordedAt > now ? mark.recordedAt : now;
  const first = candidates[0];
  if (!first || candidates.length > MAX_BLOCK) throw new Error(`a block holds 1 to ${MAX_BLOCK} events`);
  const events = candidates.map((candidate, i): ChangeEvent => ({ ...candidate, sequence: last + 1 + i }));
  const next = last + events.length;
  return {
    events,
    recordedAt,
    items: [
      ...events.map((event) => ({
        Put: {
          TableName: tableName,
          Item: eventItem(event, recordedAt),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      })),
      {
        Update: {
          TableName: tableName,
          Key: keys.eventSequence(first.enterprise_customer_uuid, streamOf(first)),
          UpdateExpression: 'SET last_sequence = :next, last_recorded_at = :at, entity = :entity',
          ConditionExpression: last === 0 ? 'attribute_not_exists(PK)' : 'last_sequence = :last',
          ExpressionAttributeValues: {
            ':next': next,
            ':at': recordedAt,
            ':entity': 'event_sequence',
            ...(last === 0 ? {} : { ':last': last }),
          },
        },
      },
    ],
  };
}
