import { describe, expect, it } from 'vitest';
import { keys } from '#shared/db/keys';
import type { Group } from '#shared/groups/group';
import type { Membership } from '#shared/memberships/membership';
import {
  activatedPut,
  counterItem,
  memberListQuery,
  membershipItem,
  pendingDelete,
  toMembership,
  writeItem,
} from '#shared/memberships/membership-items';
import { homeItem } from '#shared/memberships/home-items';

const T = 'table';
const AT = '2026-12-06T00:00:00.000Z';
const member: Membership = {
  enterprise_group_membership_uuid: 'm-1',
  group_uuid: 'g-1',
  enterprise_customer_uuid: 'e-1',
  learner_uuid: 'l-1',
  pending_learner_email: null,
  status: 'active',
  source: 'manual',
  invited_at: null,
  activated_at: AT,
  removed_at: null,
  created: AT,
  modified: AT,
  permissions: [],
};
const group = (user_limit: number | null) =>
  ({ group_uuid: 'g-1', enterprise_customer_uuid: 'e-1', user_limit }) as Group;

describe('membership items', () => {
  it('key a membership in its group and under its member, and read back every field', () => {
    const item = membershipItem(member);
    expect(item).toMatchObject({ ...keys.membership('g-1', { learnerUuid: 'l-1' }), entity: 'membership' });
    expect(item).toMatchObject(keys.membershipByMember('e-1', { learnerUuid: 'l-1' }, 'g-1'));
    expect(toMembership(item)).toMatchObject(member);
    // An older pending invitation's item: stored before permissions existed, with no learner yet.
    const {
      permissions: _,
      learner_uuid: __,
      ...older
    } = membershipItem({
      ...member,
      status: 'pending',
      learner_uuid: null,
      pending_learner_email: 'a@example.com',
    });
    const sparse = toMembership(older);
    expect(sparse.permissions).toEqual([]);
    expect(sparse.learner_uuid).toBeNull();
    expect(Object.keys(sparse)).not.toContain('PK');
    // Periods are lists or absent, never NULL (list_append cannot append to NULL).
    expect(membershipItem({ ...member, joined_at: null, left_at: null })).not.toHaveProperty('left_at');
    expect(membershipItem({ ...member, joined_at: [AT], left_at: [] })).toMatchObject({ joined_at: [AT], left_at: [] });
  });

  it('add only where no membership is, revive only a removed one, update only what was read', () => {
    expect(writeItem(T, 'g-1', { kind: 'add', membership: member }).Put!.ConditionExpression).toBe(
      'attribute_not_exists(PK)',
    );
    const byAdmin = writeItem(T, 'g-1', { kind: 'revive', membership: member }).Put!;
    expect(byAdmin.ConditionExpression).toBe('#status = :removed');
    // The rules never revive whom an admin removed.
    const byRule = writeItem(T, 'g-1', { kind: 'revive', membership: { ...member, source: 'rule' } }).Put!;
    expect(byRule.ConditionExpression).toContain('removed_by IN (:rule, :deleted)');
    const update = writeItem(T, 'g-1', { kind: 'update', membership: member, expectedModified: 'then' }).Put!;
    expect(update.ConditionExpression).toContain('modified = :expected');
    expect(update.ExpressionAttributeValues![':expected']).toBe('then');
  });

  it('remove only a counted member; a sweep only a rule member of an older generation', () => {
    const ref = { learnerUuid: 'l-1' };
    const admin = writeItem(T, 'g-1', { kind: 'remove', ref, at: AT, opId: 'op' }).Update!;
    expect(admin.Key).toEqual(keys.membership('g-1', ref));
    expect(admin.ConditionExpression).toBe('#status IN (:active, :pending)');
    expect(admin.ExpressionAttributeValues).toMatchObject({ ':by': 'admin', ':op': 'op', ':at': AT });
    // The period it ends: appended to `left_at`, which an item older than periods does not have yet.
    expect(admin.UpdateExpression).toContain('left_at = list_append(if_not_exists(left_at, :none), :left)');
    expect(admin.ExpressionAttributeValues).toMatchObject({ ':none': [], ':left': [AT] });
    const sweep = writeItem(T, 'g-1', {
      kind: 'remove',
      ref,
      at: AT,
      removedBy: 'rule',
      olderThanGeneration: 4,
    }).Update!;
    expect(sweep.ConditionExpression).toContain('#source = :rule');
    expect(sweep.ExpressionAttributeValues).toMatchObject({ ':gen': 4, ':by': 'rule', ':op': null });
    // A held removal made later: only of a membership nobody changed since the job was created.
    const held = writeItem(T, 'g-1', {
      kind: 'remove',
      ref,
      at: AT,
      opId: 'job#removals',
      unchangedSince: 'then',
    }).Update!;
    expect(held.ConditionExpression).toBe('#status IN (:active, :pending) AND modified <= :since');
    expect(held.ExpressionAttributeValues).toMatchObject({ ':since': 'then', ':op': 'job#removals' });
    expect(admin.ExpressionAttributeValues).not.toHaveProperty(':since');
  });

  it('move the group counter within its user limit, only on an active group when adding', () => {
    const check = counterItem(T, group(null), 0, AT);
    expect(check.ConditionCheck!.ConditionExpression).toBe('attribute_exists(PK)');
    const guarded = counterItem(T, group(null), 0, AT, { ruleGeneration: 3 }).ConditionCheck!;
    expect(guarded.ConditionExpression).toBe('attribute_exists(PK) AND rule_generation = :gen');
    const limited = counterItem(T, group(10), 3, AT).Update!;
    expect(limited.ConditionExpression).toContain('user_limit = :limit AND member_count <= :max');
    expect(limited.ExpressionAttributeValues).toMatchObject({ ':limit': 10, ':max': 7, ':delta': 3 });
    expect(limited.ConditionExpression).toContain('#status = :active');
    const unlimited = counterItem(T, group(null), 2, AT).Update!;
    expect(unlimited.ExpressionAttributeValues![':nullType']).toBe('NULL');
    const removal = counterItem(T, group(10), -2, AT).Update!;
    expect(removal.ConditionExpression).toBe('attribute_exists(PK)');
    expect(removal.ExpressionAttributeNames).toBeUndefined();
  });

  it("flag the group as someone's home group in the transaction that makes it one", () => {
    const settingsOnly = counterItem(T, group(null), 0, AT, { ruleGeneration: 3 }, true).Update!;
    expect(settingsOnly.UpdateExpression).toBe('SET home_members = :true');
    expect(settingsOnly.ConditionExpression).toBe('attribute_exists(PK) AND rule_generation = :gen');
    expect(settingsOnly.ExpressionAttributeValues).toEqual({ ':true': true, ':gen': 3 });
    const added = counterItem(T, group(10), 2, AT, undefined, true).Update!;
    expect(added.UpdateExpression).toBe('ADD member_count :delta SET modified = :at, home_members = :true');
    expect(added.ExpressionAttributeValues).toMatchObject({ ':true': true, ':delta': 2, ':max': 8 });
    expect(counterItem(T, group(10), 2, AT).Update!.UpdateExpression).not.toContain('home_members');
  });

  it('set a home group wherever it was, clear it only if it still names this group', () => {
    const set = homeItem(T, group(null), { kind: 'add', membership: member, home: 'set' });
    expect(set.Put!.Item).toMatchObject({ group_uuid: 'g-1', member: 'L#l-1', entity: 'home_group' });
    expect(set.Put).not.toHaveProperty('ConditionExpression');
    const clear = homeItem(T, group(null), { kind: 'remove', ref: { learnerUuid: 'l-1' }, at: AT, home: 'clear' });
    expect(clear.Delete!.ExpressionAttributeValues).toEqual({ ':g': 'g-1' });
  });

  it('activate: the pending item goes only while pending, the learner item lands only over none or a removed one', () => {
    const pending = { ...member, learner_uuid: null, pending_learner_email: 'a@b.c', status: 'pending' as const };
    expect(pendingDelete(T, pending).Delete.Key).toEqual(keys.membership('g-1', { email: 'a@b.c' }));
    expect(activatedPut(T, member).Put.ConditionExpression).toBe('attribute_not_exists(PK) OR #status = :removed');
  });

  it('list members of some statuses and a source with one placeholder each', () => {
    const q = memberListQuery({ groupUuid: 'g-1', statuses: ['active', 'pending'], source: 'rule' });
    expect(q.filter).toBe('#status IN (:s0, :s1) AND #source = :source');
    expect(q.values).toMatchObject({ ':s0': 'active', ':s1': 'pending', ':source': 'rule' });
    expect(memberListQuery({ groupUuid: 'g-1', statuses: ['removed'] }).names).toEqual({ '#status': 'status' });
  });
});
