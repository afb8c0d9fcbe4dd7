import { describe, expect, it } from 'vitest';
import { adminOf } from '#test/unit/shared/fakes';
import type { ChangeEvent } from '#shared/events/change-event';
import type { EventRepository, RecordedEvent } from '#shared/events/event-repository';
import { FEED_SETTLE_MS, makeListEvents } from '#shared/events/list-events';

const TENANT = '11111111-1111-4111-8111-111111111111';
const GROUP = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-01-01T00:10:00.000Z';
const admin = adminOf(TENANT);

const event = (
  sequence: number,
  recordedAt: string,
  type: ChangeEvent['type'] = 'membership.added',
): RecordedEvent => ({
  id: `evt_${String(sequence).padStart(32, '0')}`,
  type,
  occurred_at: recordedAt,
  enterprise_customer_uuid: TENANT,
  group_uuid: GROUP,
  course_id: null,
  sequence,
  data: { before: null, after: null },
  recorded_at: recordedAt,
});

/** A group stream as the index shows it: `visible` events, in sequence order. */
function streamOf(visible: RecordedEvent[]): Pick<EventRepository, 'tenantPage' | 'streamPage'> {
  return {
    tenantPage: async () => ({ events: [], lastRead: undefined }),
    streamPage: async (_tenant, _stream, from, limit) => {
      const rest = visible.filter((e) => e.sequence >= from);
      return { events: rest.slice(0, limit), more: rest.length > limit };
    },
  };
}

const old = '2026-01-01T00:00:00.000Z';
const fresh = new Date(Date.parse(NOW) - FEED_SETTLE_MS / 2).toISOString();
const list = (visible: RecordedEvent[]) => makeListEvents(streamOf(visible), { now: () => NOW });

describe("a group's feed", () => {
  it('pages in sequence order and resumes after the cursor', async () => {
    const events = [1, 2, 3, 4, 5].map((n) => event(n, old));
    const first = await list(events)(admin, TENANT, { groupUuid: GROUP, pageSize: 2 });
    expect(first.items.map((e) => e.sequence)).toEqual([1, 2]);
    const second = await list(events)(admin, TENANT, { groupUuid: GROUP, pageSize: 10, after: first.after! });
    expect(second.items.map((e) => e.sequence)).toEqual([3, 4, 5]);
    expect(second.more).toBe(false);
  });

  it('stops before a number the index does not show yet, and resumes there once it does', async () => {
    const lagging = [event(1, old), event(2, old), event(4, fresh)];
    const page = await list(lagging)(admin, TENANT, { groupUuid: GROUP, pageSize: 10 });
    expect(page.items.map((e) => e.sequence)).toEqual([1, 2]);
    const caughtUp = await list([...lagging.slice(0, 2), event(3, fresh), event(4, fresh)])(admin, TENANT, {
      groupUuid: GROUP,
      pageSize: 10,
      after: page.after!,
    });
    expect(caughtUp.items.map((e) => e.sequence)).toEqual([3, 4]);
  });

  it('passes over a number missing for longer than the settle window (past its retention)', async () => {
    const page = await list([event(1, old), event(3, old)])(admin, TENANT, { groupUuid: GROUP, pageSize: 10 });
    expect(page.items.map((e) => e.sequence)).toEqual([1, 3]);
  });

  it('filters by type without losing its place', async () => {
    const events = [event(1, old, 'group.created'), event(2, old), event(3, old, 'membership.removed')];
    const page = await list(events)(admin, TENANT, { groupUuid: GROUP, pageSize: 10, type: 'membership.removed' });
    expect(page.items.map((e) => e.sequence)).toEqual([3]);
    const domain = await list(events)(admin, TENANT, { groupUuid: GROUP, pageSize: 10, type: 'membership.*' });
    expect(domain.items.map((e) => e.sequence)).toEqual([2, 3]);
  });

  it("refuses another group's cursor and another tenant's admin", async () => {
    const page = await list([event(1, old)])(admin, TENANT, { groupUuid: GROUP, pageSize: 10 });
    await expect(
      list([])(admin, TENANT, { groupUuid: '33333333-3333-4333-8333-333333333333', pageSize: 1, after: page.after! }),
    ).rejects.toMatchObject({ code: 'invalid_cursor', details: [{ path: 'query.after' }] });
    await expect(list([])(admin, TENANT, { pageSize: 1, after: page.after! })).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
    await expect(list([])(adminOf(GROUP), TENANT, { pageSize: 1 })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe("a tenant's feed", () => {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const tenantFeedOf = (events: RecordedEvent[]) => {
    const starts: unknown[] = [];
    const repository: Pick<EventRepository, 'tenantPage' | 'streamPage'> = {
      ...streamOf([]),
      tenantPage: async (_tenant, { after }) => {
        starts.push(after);
        return { events: after ? [] : events, lastRead: undefined };
      },
    };
    return { starts, list: makeListEvents(repository, { now: () => NOW }) };
  };

  it('hands out a cursor naming the last event by time, sequence and id, and starts there', async () => {
    const { starts, list } = tenantFeedOf([event(1, old), event(2, old)]);
    const page = await list(admin, TENANT, { pageSize: 10 });
    expect(page.items.map((e) => e.sequence)).toEqual([1, 2]);
    await list(admin, TENANT, { pageSize: 10, after: page.after! });
    expect(starts[1]).toEqual({ recordedAt: old, sequence: 2, id: event(2, old).id });
  });

  it('reads a cursor of the older form (no sequence) from the start of its millisecond, and gives it back as it came when nothing follows', async () => {
    const { starts, list } = tenantFeedOf([]);
    const older = b64({ t: old, i: event(7, old).id });
    const page = await list(admin, TENANT, { pageSize: 10, after: older });
    expect(starts[0]).toEqual({ recordedAt: old, sequence: 0, id: event(7, old).id });
    expect(page).toEqual({ items: [], after: older, more: false });
  });
});
