import { describe, expect, it } from 'vitest';
import { keys } from '#shared/db/keys';
import type { Group } from '#shared/groups/group';
import { beginRuleRunUpdate } from '#shared/groups/rule-run-items';
import {
  filterOf,
  groupDelete,
  groupItem,
  groupUpdate,
  guardPut,
  guards,
  registryPut,
  SETTABLE_FIELDS,
  toGroup,
} from '#shared/groups/group-items';

const AT = '2026-12-06T00:00:00.000Z';
const group = {
  group_uuid: 'g-1',
  name: 'Sales  EMEA',
  enterprise_customer_uuid: 'e-1',
  description: 'Field Sales',
  type: 'manual',
  status: 'active',
  external_id: null,
  legacy_id: 1042,
  user_limit: null,
  member_count: 0,
  notification_emails: [],
  tags: [],
  learning_modules: [],
  created: AT,
  modified: AT,
  version: 3,
} as unknown as Group;

describe('group items', () => {
  it('key a group by uuid and in its tenant by name and by creation, and read back every field', () => {
    const item = groupItem(group);
    expect(item).toMatchObject({ ...keys.group('g-1'), entity: 'group', description_lower: 'field sales' });
    expect(item.GSI1PK).toBe(keys.tenantGroupsPartition('e-1'));
    expect(toGroup(item)).toMatchObject({ name: 'Sales  EMEA', legacy_id: 1042, version: 3 });
    // An item stored before tags existed.
    const { tags: _, ...older } = groupItem({ ...group, group_uuid: 'g-2' });
    expect(toGroup(older).tags).toEqual([]);
  });

  it('guard the name always and each id only when set, each only where no other group holds it', () => {
    const owned = guards(group);
    expect(owned.map((g) => g.kind)).toEqual(['GROUP_NAME', 'GROUP_LEGACY_ID']);
    const put = guardPut('t', group, owned[1]!).Put!;
    expect(put.Item).toMatchObject(keys.unique('e-1', 'GROUP_LEGACY_ID', '1042'));
    expect(put.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(registryPut('t', group)).toEqual([]);
    expect(registryPut('t', { ...group, type: 'automatic' })).toHaveLength(1);
  });

  it('update every settable field of the version read, and only of it', () => {
    const update = groupUpdate('t', { ...group, name: 'Renamed' }, 3).Update!;
    expect(update.ConditionExpression).toBe('attribute_exists(PK) AND version = :expected');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':expected': 3, ':one': 1, ':name': 'Renamed' });
    for (const field of SETTABLE_FIELDS) expect(update.UpdateExpression).toContain(`#${field} = :${field}`);
    expect(update.UpdateExpression).not.toContain('#member_count');
    expect(groupDelete('t', 'g-1', 3).Delete!.ExpressionAttributeValues).toEqual({ ':v': 3 });
    expect(groupDelete('t', 'g-1').Delete!.ConditionExpression).toBe('attribute_exists(PK)');
  });

  it('start a run only from the generation read, unpaused, and claim a tick only once', () => {
    const manual = beginRuleRunUpdate('g-1', 4, 'job', undefined);
    expect(manual.ExpressionAttributeValues).toMatchObject({ ':expected': 4, ':next': 5, ':job': 'job' });
    expect(manual.ConditionExpression).not.toContain(':tick');
    const scheduled = beginRuleRunUpdate('g-1', 4, 'job', '2026-12-06T00');
    expect(scheduled.ConditionExpression).toContain('rule_processing.scheduled_tick < :tick');
    expect(scheduled.UpdateExpression).toContain('rule_processing.scheduled_tick = :tick');
  });

  it('filter by search, type and status with their own placeholders', () => {
    const f = filterOf({ search: 'EMEA', type: 'automatic', status: 'active' });
    expect(f.filter).toContain('contains(name_lower, :search)');
    expect(f.values).toMatchObject({ ':search': 'emea', ':type': 'automatic', ':status': 'active' });
    expect(filterOf({}).names).toBeUndefined();
  });
});
