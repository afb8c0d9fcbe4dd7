import { describe, expect, it } from 'vitest';
import {
  AS_OF_RETENTION_DAYS,
  assertAsOf,
  countedAt,
  joinedNow,
  membershipAt,
  periodsOf,
} from '#shared/memberships/membership-periods';
import type { Membership } from '#shared/memberships/membership';

const base: Membership = {
  enterprise_group_membership_uuid: 'm',
  group_uuid: 'g',
  enterprise_customer_uuid: 'e',
  learner_uuid: 'l',
  pending_learner_email: null,
  status: 'active',
  source: 'manual',
  invited_at: null,
  activated_at: '2026-01-01T00:00:00.000Z',
  removed_at: null,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  permissions: [],
};
const day = (d: number) => new Date(Date.UTC(2026, 0, d)).toISOString();

describe('membership periods', () => {
  it('counts a membership inside each of its periods, from the join up to (not at) the leave', () => {
    const m = { ...base, status: 'active' as const, joined_at: [day(1), day(10)], left_at: [day(5)] };
    expect(countedAt(m, day(1))).toBe(true);
    expect(countedAt(m, day(3))).toBe(true);
    expect(countedAt(m, day(5))).toBe(false);
    expect(countedAt(m, day(7))).toBe(false);
    expect(countedAt(m, day(10))).toBe(true);
    expect(countedAt(m, day(30))).toBe(true);
    expect(countedAt(m, '2025-12-31T23:59:59.999Z')).toBe(false);
  });

  it('reads one period from the dates of an item written before periods were recorded', () => {
    const removed = { ...base, status: 'removed' as const, activated_at: day(2), removed_at: day(4) };
    expect(periodsOf(removed)).toEqual({ joined: [day(2)], left: [day(4)] });
    expect(countedAt(removed, day(3))).toBe(true);
    expect(countedAt(removed, day(4))).toBe(false);
    const invited = {
      ...base,
      learner_uuid: null,
      pending_learner_email: 'a@x.org',
      status: 'pending' as const,
      invited_at: day(6),
    };
    expect(periodsOf(invited)).toEqual({ joined: [day(6)], left: [] });
    // A removal recorded after the upgrade appends to `left_at` of an item that has no `joined_at`.
    expect(periodsOf({ ...removed, left_at: [day(4)] })).toEqual({ joined: [day(2)], left: [day(4)] });
  });

  it('starts a new period on revival and keeps only the periods that ended within the retention', () => {
    expect(joinedNow(undefined, day(1))).toEqual({ joined_at: [day(1)], left_at: [] });
    const removed = { ...base, status: 'removed' as const, joined_at: [day(1), day(3)], left_at: [day(2), day(4)] };
    expect(joinedNow(removed, day(9))).toEqual({ joined_at: [day(1), day(3), day(9)], left_at: [day(2), day(4)] });
    const later = new Date(Date.parse(day(3)) + (AS_OF_RETENTION_DAYS + 0.5) * 86_400_000).toISOString();
    expect(joinedNow(removed, later)).toEqual({ joined_at: [day(3), later], left_at: [day(4)] });
  });

  it('shows a membership as it stood: never removed, pending until an invitation of that period was accepted', () => {
    const accepted = { ...base, invited_at: day(1), activated_at: day(3), joined_at: [day(1)], left_at: [] };
    expect(membershipAt(accepted, day(2)).status).toBe('pending');
    expect(membershipAt(accepted, day(3)).status).toBe('active');
    const revived = { ...accepted, activated_at: day(9), joined_at: [day(1), day(9)], left_at: [day(5)] };
    expect(membershipAt(revived, day(4)).status).toBe('active');
    const removed = { ...revived, status: 'removed' as const, removed_at: day(12), left_at: [day(5), day(12)] };
    expect(membershipAt(removed, day(10))).toMatchObject({ status: 'active', removed_at: null });
  });

  it('refuses an instant in the future or beyond the retention, naming query.as_of', () => {
    const now = day(400);
    expect(() => assertAsOf(day(401), now)).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'query.as_of' })] }),
    );
    const tooOld = new Date(Date.parse(now) - (AS_OF_RETENTION_DAYS + 1) * 86_400_000).toISOString();
    expect(() => assertAsOf(tooOld, now)).toThrow(/as_of answers the last/);
    expect(() => assertAsOf(day(399), now)).not.toThrow();
  });
});
