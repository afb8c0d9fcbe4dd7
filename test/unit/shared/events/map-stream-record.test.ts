import { describe, expect, it } from 'vitest';
import { changeEventOf, type ItemChange } from '#shared/events/map-stream-record';

const TENANT = '11111111-1111-4111-8111-111111111111';
const GROUP = '22222222-2222-4222-8222-222222222222';
const LEARNER = '33333333-3333-4333-8333-333333333333';

const membership = (status: string, extra: Record<string, unknown> = {}) => ({
  PK: `GROUP#${GROUP}`,
  SK: `MEMBER#L#${LEARNER}`,
  entity: 'membership',
  enterprise_group_membership_uuid: 'm-1',
  group_uuid: GROUP,
  enterprise_customer_uuid: TENANT,
  learner_uuid: LEARNER,
  status,
  source: 'manual',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-02T00:00:00.000Z',
  last_op_id: 'op-1',
  rule_generation: 3,
  ...extra,
});

const group = (extra: Record<string, unknown> = {}) => ({
  PK: `GROUP#${GROUP}`,
  SK: 'GROUP',
  entity: 'group',
  group_uuid: GROUP,
  enterprise_customer_uuid: TENANT,
  name: 'Sales',
  type: 'manual',
  status: 'active',
  member_count: 1,
  version: 1,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-02T00:00:00.000Z',
  ...extra,
});

const change = (
  eventName: ItemChange['eventName'],
  oldImage: Record<string, unknown> | null,
  newImage: Record<string, unknown> | null,
  sequenceNumber = '000000000000000000001',
): ItemChange => {
  const image = (newImage ?? oldImage)!;
  return {
    eventName,
    sequenceNumber,
    approximateCreationSeconds: 1_767_312_000,
    keys: { PK: String(image.PK), SK: String(image.SK) },
    oldImage,
    newImage,
  };
};

describe('changeEventOf', () => {
  it.each([
    ['membership.added', change('INSERT', null, membership('active'))],
    ['membership.added', change('INSERT', null, membership('pending'))],
    ['membership.activated', change('MODIFY', membership('pending'), membership('active'))],
    ['membership.removed', change('MODIFY', membership('active'), membership('removed'))],
    ['membership.revived', change('MODIFY', membership('removed'), membership('active'))],
    ['membership.updated', change('MODIFY', membership('active'), membership('active', { permissions: ['MARKER'] }))],
    ['membership.removed', change('REMOVE', membership('active'), null)],
    ['group.created', change('INSERT', null, group())],
    ['group.updated', change('MODIFY', group(), group({ name: 'Sales EMEA' }))],
    ['group.ruleset_changed', change('MODIFY', group(), group({ ruleset: { operator: 'AND', sets: [] } }))],
    ['group.deleted', change('REMOVE', group(), null)],
  ])('names a change %s', (type, record) => {
    expect(changeEventOf(record)?.type).toBe(type);
  });

  it('ignores bookkeeping: a recalculation mark, a member count, a removed member deleted with its group', () => {
    expect(changeEventOf(change('MODIFY', membership('active'), membership('active', { rule_generation: 4 })))).toBe(
      null,
    );
    expect(changeEventOf(change('MODIFY', group(), group({ member_count: 2 })))).toBe(null);
    expect(changeEventOf(change('REMOVE', membership('removed'), null))).toBe(null);
  });

  it("makes an invitation's activation one event: the learner's membership written, the e-mail's deleted", () => {
    const pending = membership('pending', {
      SK: 'MEMBER#E#ada@example.com',
      learner_uuid: null,
      pending_learner_email: 'ada@example.com',
      invited_at: '2026-01-01T00:00:00.000Z',
    });
    const active = membership('active', {
      invited_at: '2026-01-01T00:00:00.000Z',
      activated_at: '2026-01-02T00:00:00.000Z',
    });
    expect(changeEventOf(change('INSERT', null, active))?.type).toBe('membership.activated');
    expect(changeEventOf(change('MODIFY', membership('removed'), active))?.type).toBe('membership.activated');
    expect(changeEventOf(change('REMOVE', pending, null))).toBe(null);
    // A learner added directly, or revived keeping its old invitation time, is no activation.
    expect(changeEventOf(change('INSERT', null, membership('active', { invited_at: null })))?.type).toBe(
      'membership.added',
    );
    const revived = membership('active', { invited_at: '2025-01-01T00:00:00.000Z' });
    expect(
      changeEventOf(change('MODIFY', membership('removed', { invited_at: '2025-01-01T00:00:00.000Z' }), revived))?.type,
    ).toBe('membership.revived');
  });

  it('ignores every other entity, its own events included', () => {
    const other = { PK: 'EVENT#x', SK: 'EVENT', entity: 'change_event', group_uuid: GROUP };
    expect(changeEventOf(change('INSERT', null, other))).toBe(null);
    expect(changeEventOf(change('INSERT', null, { PK: 'L', SK: 'LEARNER', entity: 'learner' }))).toBe(null);
  });

  it('gives a record the same id on every delivery, and two changes of one item two ids', () => {
    const first = change('MODIFY', membership('active'), membership('removed'), '100');
    const again = structuredClone(first);
    const later = change('MODIFY', membership('removed'), membership('active'), '101');
    expect(changeEventOf(first)!.id).toBe(changeEventOf(again)!.id);
    expect(changeEventOf(first)!.id).not.toBe(changeEventOf(later)!.id);
  });

  it("carries the tenant, the group, the item's time and both public images, without bookkeeping", () => {
    const event = changeEventOf(change('MODIFY', membership('pending'), membership('active')))!;
    expect(event).toMatchObject({
      enterprise_customer_uuid: TENANT,
      group_uuid: GROUP,
      course_id: null,
      occurred_at: '2026-01-02T00:00:00.000Z',
    });
    expect(event.data.before).toMatchObject({ status: 'pending', learner_uuid: LEARNER });
    expect(event.data.after).toMatchObject({ status: 'active' });
    expect(event.data.after).not.toHaveProperty('last_op_id');
    expect(event.data.after).not.toHaveProperty('rule_generation');
    expect(event.data.after).not.toHaveProperty('PK');
  });

  it("dates a deletion by the stream's time", () => {
    expect(changeEventOf(change('REMOVE', group(), null))!.occurred_at).toBe('2026-01-02T00:00:00.000Z');
  });

  it('puts an enrollment change in its course, with no group', () => {
    const enrollment = (status: string) => ({
      PK: `ENROLLMENTS#${TENANT}#COURSE#course-v1:a+b+c`,
      SK: `ENROLL#L#${LEARNER}`,
      entity: 'enrollment',
      enterprise_customer_uuid: TENANT,
      course_id: 'course-v1:a+b+c',
      learner_uuid: LEARNER,
      status,
      auto_enroll: false,
      created: '2026-01-03T00:00:00.000Z',
      modified: '2026-01-03T00:00:00.000Z',
      version: 1,
    });
    const enrolled = changeEventOf(change('INSERT', null, enrollment('enrolled')))!;
    expect(enrolled).toMatchObject({ type: 'enrollment.enrolled', group_uuid: null, course_id: 'course-v1:a+b+c' });
    expect(changeEventOf(change('MODIFY', enrollment('enrolled'), enrollment('completed')))?.type).toBe(
      'enrollment.completed',
    );
    expect(changeEventOf(change('MODIFY', enrollment('enrolled'), enrollment('enrolled')))).toBe(null);
  });
});
