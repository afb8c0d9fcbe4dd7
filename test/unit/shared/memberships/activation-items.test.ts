import { describe, expect, it } from 'vitest';
import { keys } from '#shared/db/keys';
import type { Membership } from '#shared/memberships/membership';
import { activationParts, activeOf } from '#shared/memberships/activation-items';
import {
  activeLearnersQuery,
  emailPrefixQuery,
  groupItemKeysQuery,
  memberFilterQuery,
  memberMembershipsQuery,
} from '#shared/memberships/membership-queries';

const T = 'table';
const AT = '2026-12-06T00:00:00.000Z';
const pending: Membership = {
  enterprise_group_membership_uuid: 'm-1',
  group_uuid: 'g-1',
  enterprise_customer_uuid: 'e-1',
  learner_uuid: null,
  pending_learner_email: 'a@x.org',
  status: 'pending',
  source: 'manual',
  invited_at: AT,
  activated_at: null,
  removed_at: null,
  created: AT,
  modified: AT,
  permissions: ['MARKER'],
};
const activation = { pending, learnerUuid: 'l-1', at: AT, actor: 'admin' };

describe('activation items', () => {
  it('keep the pending membership uuid, invitation and permissions on the learner', () => {
    expect(activeOf({ ...activation, isHome: false })).toMatchObject({
      enterprise_group_membership_uuid: 'm-1',
      learner_uuid: 'l-1',
      pending_learner_email: null,
      status: 'active',
      invited_at: AT,
      activated_at: AT,
      permissions: ['MARKER'],
    });
  });

  it('delete the pending item first, then put the learner (or count one down), and record the history', () => {
    const { activate, merge } = activationParts(T, { ...activation, isHome: false });
    expect(activate).toHaveLength(3);
    expect(activate[0]!.Delete!.Key).toEqual(keys.membership('g-1', { email: 'a@x.org' }));
    expect(activate[1]!.Put!.Item).toMatchObject({ learner_uuid: 'l-1', status: 'active' });
    expect(activate[2]!.Put!.Item).toMatchObject({ action: 'memberships_changed' });
    expect(merge[1]!.Update!.Key).toEqual(keys.group('g-1'));
    expect(merge[1]!.Update!.ExpressionAttributeValues).toEqual({ ':minus': -1 });
    expect(merge[2]!.Put!.Item).toMatchObject({ member_count_delta: -1 });
  });

  it('move the home-group pointer from the e-mail to the learner only when it names the group', () => {
    const { activate, merge } = activationParts(T, { ...activation, isHome: true });
    for (const parts of [activate, merge]) {
      expect(parts).toHaveLength(5);
      expect(parts[2]!.Delete!.Key).toEqual(keys.homeGroup('e-1', { email: 'a@x.org' }));
      expect(parts[2]!.Delete!.ExpressionAttributeValues).toEqual({ ':g': 'g-1' });
      expect(parts[3]!.Put!.Item).toMatchObject({
        ...keys.homeGroup('e-1', { learnerUuid: 'l-1' }),
        group_uuid: 'g-1',
      });
    }
  });
});

describe('membership queries', () => {
  it('read a group partition, a member index or a prefix of e-mails', () => {
    expect(activeLearnersQuery(T, 'g-1').ExpressionAttributeValues).toMatchObject({
      ':pk': keys.group('g-1').PK,
      ':active': 'active',
    });
    expect(emailPrefixQuery(T, 'g-1', 'a').ExpressionAttributeValues[':prefix']).toBe(
      keys.membership('g-1', { email: 'a' }).SK,
    );
    expect(memberMembershipsQuery(T, 'e-1', { learnerUuid: 'l-1' })).toMatchObject({ IndexName: 'GSI1' });
    expect(groupItemKeysQuery(T, 'g-1', 25)).toMatchObject({ Limit: 25, ProjectionExpression: 'PK, SK' });
    const filtered = memberFilterQuery(T, { groupUuid: 'g-1', statuses: ['active'], source: 'rule' });
    expect(filtered.FilterExpression).toBe('#status IN (:s0) AND #source = :source');
  });
});
