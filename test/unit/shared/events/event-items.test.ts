import { describe, expect, it } from 'vitest';
import type { ChangeCandidate } from '#shared/events/change-event';
import { eventItem, MAX_BLOCK, recordEventItems, toChangeEvent } from '#shared/events/event-items';

const TENANT = '11111111-1111-4111-8111-111111111111';
const GROUP = '22222222-2222-4222-8222-222222222222';
const candidate = (n: number): ChangeCandidate => ({
  id: `evt_${String(n).padStart(32, '0')}`,
  type: 'membership.added',
  occurred_at: '2026-01-01T00:00:00.000Z',
  enterprise_customer_uuid: TENANT,
  group_uuid: GROUP,
  course_id: null,
  data: { before: null, after: { learner_uuid: `l${n}` } },
});
const AT = '2026-01-01T00:00:01.000Z';
const mark = (sequence: number, recordedAt?: string) => ({ sequence, recordedAt });

describe('recordEventItems', () => {
  it('numbers a block after the last number and moves the counter from it to the last of the block', () => {
    const { events, items } = recordEventItems('t', [candidate(1), candidate(2), candidate(3)], mark(5), AT);
    expect(events.map((e) => e.sequence)).toEqual([6, 7, 8]);
    expect(items.slice(0, 3).map((i) => i.Put?.ConditionExpression)).toEqual(Array(3).fill('attribute_not_exists(PK)'));
    expect(items.slice(0, 3).map((i) => i.Put?.Item?.GSI2SK)).toEqual([
      'SEQ#000000000006',
      'SEQ#000000000007',
      'SEQ#000000000008',
    ]);
    expect(items[3]!.Update).toMatchObject({
      Key: { PK: `EVENT_SEQUENCE#${TENANT}#GROUP#${GROUP}`, SK: 'SEQUENCE' },
      ConditionExpression: 'last_sequence = :last',
      ExpressionAttributeValues: { ':last': 5, ':next': 8, ':at': AT },
    });
  });

  it("starts a stream's counter only where none exists", () => {
    const { items } = recordEventItems('t', [candidate(1)], mark(0), AT);
    expect(items[1]!.Update).toMatchObject({
      ConditionExpression: 'attribute_not_exists(PK)',
      ExpressionAttributeValues: { ':next': 1 },
    });
  });

  it("records at the stream's last recording time when that is later than now, so the feed keeps its order", () => {
    const later = '2026-01-01T00:00:01.250Z';
    const behind = recordEventItems('t', [candidate(1)], mark(3, later), AT);
    expect(behind.recordedAt).toBe(later);
    expect(behind.items[0]!.Put!.Item).toMatchObject({
      recorded_at: later,
      GSI1SK: `AT#${later}#000000000004#${candidate(1).id}`,
    });
    expect(behind.items[1]!.Update!.ExpressionAttributeValues).toMatchObject({ ':at': later });
    expect(recordEventItems('t', [candidate(1)], mark(3, '2025-12-31T23:59:59.000Z'), AT).recordedAt).toBe(AT);
  });

  it('orders the events of one millisecond by their sequence in the tenant feed, whatever their ids', () => {
    const ids = ['evt_' + 'f'.repeat(32), 'evt_' + '0'.repeat(32)];
    const { items } = recordEventItems(
      't',
      ids.map((id, i) => ({ ...candidate(i), id })),
      mark(9),
      AT,
    );
    const positions = items.slice(0, 2).map((i) => String(i.Put!.Item!.GSI1SK));
    expect(positions[0]! < positions[1]!).toBe(true);
  });

  it('keeps an event for its retention, in its tenant feed by recording time', () => {
    const item = recordEventItems('t', [candidate(1)], mark(0), AT).items[0]!.Put!.Item!;
    expect(item).toMatchObject({
      PK: `EVENT#${candidate(1).id}`,
      GSI1PK: `TENANT#${TENANT}#EVENTS`,
      GSI1SK: `AT#${AT}#000000000001#${candidate(1).id}`,
      expires_at: Date.parse(AT) / 1000 + 7 * 86_400,
    });
  });

  it('refuses an empty block and one larger than a transaction takes', () => {
    expect(() => recordEventItems('t', [], mark(0), AT)).toThrow();
    expect(() =>
      recordEventItems(
        't',
        Array.from({ length: MAX_BLOCK + 1 }, (_, i) => candidate(i)),
        mark(0),
        AT,
      ),
    ).toThrow();
  });
});

describe('toChangeEvent', () => {
  const event = { ...candidate(1), sequence: 6 };

  it('reads an event back from its item in answer order, without its keys, recording time or expiry', () => {
    const read = toChangeEvent(eventItem(event, AT));
    expect(read).toEqual(event);
    expect(Object.keys(read)).toEqual([
      'id',
      'type',
      'occurred_at',
      'enterprise_customer_uuid',
      'group_uuid',
      'course_id',
      'sequence',
      'data',
    ]);
  });

  it('keeps the images as they were read and reads a stream the item lacks as null', () => {
    const after = { status: 'active', learner_uuid: 'l1' };
    const { course_id: _, ...sparse } = eventItem({ ...event, data: { before: null, after } }, AT);
    const read = toChangeEvent(sparse);
    expect(read.course_id).toBeNull();
    expect(read.data.after).toBe(after);
  });

  it('refuses an item of another shape', () => {
    expect(() => toChangeEvent({ ...eventItem(event, AT), type: 'membership.renamed' })).toThrow();
    expect(() => toChangeEvent({ ...eventItem(event, AT), data: { before: 'x', after: null } })).toThrow();
  });
});
