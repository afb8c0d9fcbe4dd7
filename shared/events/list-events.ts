import * as z from 'zod';
import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { readCursor, writeCursor } from '#shared/db/page-cursor';
import { InvalidCursorError } from '#shared/errors';
import { once } from '#shared/once';
import type { ChangeEvent } from './change-event';
import type { EventPosition, EventRepository, RecordedEvent } from './event-repository';

/**
 * How long the tenant feed holds back a newly recorded event. Events of different groups are recorded
 * concurrently and the feed's index is eventually consistent, so an event may become visible a moment
 * after a later-recorded one; listing only events older than this keeps a page from ever gaining an
 * event before a cursor it already handed out.
 */
export const FEED_SETTLE_MS = 5_000;

/** Queries one page may spend skipping events its filter rejects before it answers with what it has. */
const QUERY_BUDGET = 10;

export interface ListEventsInput {
  after?: string | undefined;
  type?: string | undefined;
  groupUuid?: string | undefined;
  pageSize: number;
}

export interface EventFeedPage {
  items: ChangeEvent[];
  /** Where the next page starts: pass it as `after`, now or later. */
  after: string | null;
  /** Whether more events were there already (the next page is worth asking for at once). */
  more: boolean;
}

// A tenant-feed cursor holds a position; a group-feed cursor the group and its last sequence read.
const FeedCursor = /* @__PURE__ */ once(() =>
  z.union([
    // `q` (the event's sequence) is absent from a cursor handed out before the feed was ordered by it.
    z.strictObject({ t: z.iso.datetime(), q: z.int().min(0).optional(), i: z.string().regex(/^evt_[\w-]{32}$/) }),
    z.strictObject({ g: z.uuid(), s: z.int().min(0) }),
  ]),
);

const strip = ({ recorded_at: _, ...event }: RecordedEvent): ChangeEvent => event;
const matches = (type: string | undefined) => (event: ChangeEvent) =>
  !type || (type.endsWith('.*') ? event.type.startsWith(type.slice(0, -1)) : event.type === type);

/**
 * A tenant's change events in order, after a cursor: the whole tenant in recording order, or one group
 * in sequence order (exact: a page ends before a missing number, which the index may not show yet, and
 * only a number missing for longer than FEED_SETTLE_MS, an event past its retention, is passed over).
 * Admins of the tenant only; another tenant's group reads as empty.
 */
export function makeListEvents(events: Pick<EventRepository, 'tenantPage' | 'streamPage'>, clock: Clock) {
  return async (caller: Caller, tenant: string, input: ListEventsInput): Promise<EventFeedPage> => {
    assertAdministers(caller, tenant);
    const cursor = input.after === undefined ? undefined : readCursor(input.after, FeedCursor(), 'after');
    const settled = new Date(Date.parse(clock.now()) - FEED_SETTLE_MS).toISOString();
    if (input.groupUuid !== undefined) {
      if (cursor && !('g' in cursor && cursor.g === input.groupUuid)) {
        throw new InvalidCursorError('not a cursor of this group’s feed', 'query.after');
      }
      return groupFeed(tenant, input.groupUuid, cursor && 'g' in cursor ? cursor.s : 0, settled, input);
    }
    if (cursor && !('t' in cursor)) throw new InvalidCursorError('a cursor of a group’s feed', 'query.after');
    return tenantFeed(
      tenant,
      cursor && { recordedAt: cursor.t, sequence: cursor.q ?? 0, id: cursor.i },
      settled,
      input,
    );
  };

  async function tenantFeed(
    tenant: string,
    after: EventPosition | undefined,
    until: string,
    input: ListEventsInput,
  ): Promise<EventFeedPage> {
    const { type, pageSize } = input;
    const found: RecordedEvent[] = [];
    let position = after;
    let more = false;
    for (let query = 0; query < QUERY_BUDGET && found.length < pageSize; query++) {
      const page = await events.tenantPage(tenant, { after: position, until, type, limit: pageSize - found.length });
      found.push(...page.events);
      // Everything up to the last item the query read was examined, matching or not.
      const last = page.events.at(-1);
      position =
        page.lastRead ?? (last && { recordedAt: last.recorded_at, sequence: last.sequence, id: last.id }) ?? position;
      more = page.lastRead !== undefined;
      if (!more) break;
    }
    return {
      items: found.map(strip),
      // Nothing read: the cursor given comes back as it was (one of an older form included).
      after:
        position === after
          ? (input.after ?? null)
          : position
            ? writeCursor({ t: position.recordedAt, q: position.sequence, i: position.id })
            : null,
      more,
    };
  }

  async function groupFeed(
    tenant: string,
    group: string,
    lastSequence: number,
    settled: string,
    { type, pageSize }: ListEventsInput,
  ): Promise<EventFeedPage> {
    const found: ChangeEvent[] = [];
    let last = lastSequence;
    let more = false;
    reading: for (let query = 0; query < QUERY_BUDGET && found.length < pageSize; query++) {
      const page = await events.streamPage(tenant, { group }, last + 1, pageSize - found.length);
      for (const event of page.events) {
        // The first page of a feed starts wherever retention left it; after that, a gap is waited for.
        const gap = event.sequence !== last + 1 && !(last === 0 && lastSequence === 0);
        if (gap && event.recorded_at > settled) {
          more = false;
          break reading;
        }
        last = event.sequence;
        if (matches(type)(event)) found.push(strip(event));
      }
      more = page.more;
      if (!more) break;
    }
    return { items: found, after: writeCursor({ g: group, s: last }), more };
  }
}
