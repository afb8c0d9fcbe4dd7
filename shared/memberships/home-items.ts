/**
 * A member's home-group pointer (one per member and tenant, naming the group) as transaction parts:
 * moved in the transaction of the membership write that sets or clears it.
 */
import { keys, type MemberRef } from '#shared/db/keys';
import type { Group } from '#shared/groups/group';
import { type MembershipWrite, refKey, writeRef } from './membership';
import type { TransactItem } from './membership-items';

/** The home-group pointer of a member naming `groupUuid` (written unconditionally: a later choice wins). */
export function homePut(tableName: string, tenant: string, ref: MemberRef, groupUuid: string) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.homeGroup(tenant, ref),
        entity: 'home_group',
        member: refKey(ref),
        group_uuid: groupUuid,
        enterprise_customer_uuid: tenant,
      },
    },
  };
}

/** Deletes a member's home-group pointer only if it still names `groupUuid`. */
export function homeDelete(tableName: string, tenant: string, ref: MemberRef, groupUuid: string) {
  return {
    Delete: {
      TableName: tableName,
      Key: keys.homeGroup(tenant, ref),
      ConditionExpression: 'group_uuid = :g',
      ExpressionAttributeValues: { ':g': groupUuid },
    },
  };
}

/** A write's home-group pointer move: `set` takes it from wherever it was, `clear` only if it still names this group. */
export function homeItem(tableName: string, group: Group, w: MembershipWrite): TransactItem {
  const move = w.home === 'set' ? homePut : homeDelete;
  return move(tableName, group.enterprise_customer_uuid, writeRef(w), group.group_uuid);
}
