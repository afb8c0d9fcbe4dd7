import { describe, expect, it } from 'vitest';
import type { Membership } from '#shared/memberships/membership';
import { summarize } from '#shared/memberships/outcomes';

const m = {
  enterprise_group_membership_uuid: 'm-1',
  learner_uuid: 'l-1',
  pending_learner_email: null,
  status: 'active',
} as Membership;

describe('summarize', () => {
  it('places every identifier in exactly one of results, skipped and errors', () => {
    const body = summarize([
      { identifier: 'a', outcome: 'added', membership: m },
      { identifier: 'b', outcome: 'already_member' },
      { identifier: 'c', outcome: 'not_found', message: 'no learner' },
      { identifier: 'd', outcome: 'over_capacity' },
      { identifier: 'e', outcome: 'duplicate_in_request' },
    ]);
    expect(body.count).toBe(1);
    expect(body.results.map((r) => r.identifier)).toEqual(['a']);
    expect(body.results[0]).toMatchObject({
      outcome: 'added',
      enterprise_group_membership_uuid: 'm-1',
      learner_uuid: 'l-1',
    });
    expect(body.skipped.map((r) => r.identifier)).toEqual(['b', 'e']);
    expect(body.errors.map((r) => [r.identifier, r.outcome])).toEqual([
      ['c', 'not_found'],
      ['d', 'over_capacity'],
    ]);
  });
});
