/**
 * The DynamoDB items and transaction parts of memberships, built by small pure functions: each names
 * its keys and the condition it commits under, and is unit-tested without a database. The repository
 * only sends them.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import type { Group } from '#shared/groups/group';
import * as z from 'zod';
import { optional } from '#shared/db/item-schema';
import { once } from '#shared/once';
import { type Membership, type MembershipWrite, PERMISSIONS, refOf } from './membership';

/** One part of a TransactWriteItems request. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const ENTITY = 'membership';

/** Rule writes only: the commit applies only while the group is still at this recalculation generation. */
export interface CommitGuard {
  ruleGeneration: number;
}

/**
 * A stored membership as the service reads it: its fields in the order answers list them, its other
 * attributes (keys, entity) dropped, each checked for its type. What older items lack reads as null
 * (`permissions` as none; null periods read as one period, see membership-periods.ts).
 */
export const membershipItemSchema = /* @__PURE__ */ once(() => {
  const time = z.string();
  return z.object({
    enterprise_group_membership_uuid: z.string(),
    group_uuid: z.string(),
    enterprise_customer_uuid: z.string(),
    learner_uuid: optional(z.string()),
    pending_learner_email: optional(z.string()),
    status: z.enum(['pending', 'active', 'removed', 'error']),
    source: z.enum(['manual', 'rule', 'import']),
    invited_at: optional(time),
    activated_at: optional(time),
    removed_at: optional(time),
    created: time,
    modified: time,
    permissions: z.array(z.enum(PERMISSIONS)).default([]),
    last_op_id: optional(z.string()),
    last_op_outcome: optional(z.custom<NonNullable<Membership['last_op_outcome']>>((v) => typeof v === 'string')),
    rule_generation: optional(z.number()),
    removed_by: optional(z.custom<NonNullable<Membership['removed_by']>>((v) => typeof v === 'string')),
    joined_at: optional(z.array(time)),
    left_at: optional(z.array(time)),
  });
});

export const toMembership = (item: Record<string, unknown>): Membership => membershipItemSchema().parse(item);

/** A membership's item: its key in the group's partition, its key in the member's (GSI1), its fields. */
export const membershipItem = ({ joined_at, left_at, ...m }: Membership) => {
  const ref = refOf(m);
  return {
    ...keys.membership(m.group_uuid, ref),
    ...keys.membershipByMember(m.enterprise_customer_uuid, ref, m.group_uuid),
    entity: ENTITY,
    ...m,
    // Lists or absent, never NULL: a removal appends to `left_at` with list_append.
    ...(joined_at ? { joined_at } : {}),
    ...(left_at ? { left_at } : {}),
  };
};

/** One membership write as a transaction part, with the condition that makes it exact under races. */
export function writeItem(tableName: string, groupUuid: string, w: MembershipWrite): TransactItem {
  if (w.kind === 'add') {
    return {
      Put: {
        TableName: tableName,
        Item: membershipItem(w.membership),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }
  if (w.kind === 'revive') {
    // The rules never revive a membership an admin removed (an exclusion), even one removed just now.
    const byRule = w.membership.source === 'rule';
    return {
      Put: {
        TableName: tableName,
        Item: membershipItem(w.membership),
        ConditionExpression: byRule ? '#status = :removed AND removed_by IN (:rule, :deleted)' : '#status = :removed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':removed': 'removed',
          ...(byRule ? { ':rule': 'rule', ':deleted': 'learner_deleted' } : {}),
        },
      },
    };
  }
  if (w.kind === 'update') {
    return {
      Put: {
        TableName: tableName,
        Item: membershipItem(w.membership),
        ConditionExpression: '#status IN (:active, :pending) AND modified = :expected',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active', ':pending': 'pending', ':expected': w.expectedModified },
      },
    };
  }
  return removalItem(tableName, groupUuid, w);
}

/** A removal: only of a counted member; a rule's sweep only of a rule member of an older generation. */
function removalItem(tableName: string, groupUuid: string, w: Extract<MembershipWrite, { kind: 'remove' }>) {
  const older = w.olderThanGeneration;
  const since = w.unchangedSince;
  return {
    Update: {
      TableName: tableName,
      Key: keys.membership(groupUuid, w.ref),
      ConditionExpression:
        (older === undefined
          ? '#status IN (:active, :pending)'
          : '#status IN (:active, :pending) AND #source = :rule AND (attribute_not_exists(rule_generation) OR rule_generation < :gen)') +
        (since === undefined ? '' : ' AND modified <= :since'),
      UpdateExpression:
        'SET #status = :removed, removed_at = :at, modified = :at, last_op_id = :op, last_op_outcome = :removed, removed_by = :by, left_at = list_append(if_not_exists(left_at, :none), :left)',
      ExpressionAttributeNames: { '#status': 'status', ...(older === undefined ? {} : { '#source': 'source' }) },
      ExpressionAttributeValues: {
        ':active': 'active',
        ':pending': 'pending',
        ':removed': 'removed',
        ':at': w.at,
        ':op': w.opId ?? null,
        ':by': w.removedBy ?? 'admin',
        ':none': [],
        ':left': [w.at],
        ...(older === undefined ? {} : { ':rule': 'rule', ':gen': older }),
        ...(since === undefined ? {} : { ':since': since }),
      },
    },
  };
}

/**
 * The group's counter move, guarded so that it never passes the user limit nor lands on a deleted group.
 * `setsHome`: the transaction makes this group a member's home group, so the group's `home_members`
 * flag is set with it (see `HOME_MEMBERS` in group-items.ts: a page of members then reads pointers).
 */
export function counterItem(
  tableName: string,
  group: Group,
  delta: number,
  at: string,
  guard?: CommitGuard,
  setsHome = false,
): TransactItem {
  const generation = guard ? ' AND rule_generation = :gen' : '';
  if (delta === 0 && setsHome) {
    return {
      Update: {
        TableName: tableName,
        Key: keys.group(group.group_uuid),
        ConditionExpression: `attribute_exists(PK)${generation}`,
        UpdateExpression: 'SET home_members = :true',
        ExpressionAttributeValues: { ':true': true, ...(guard ? { ':gen': guard.ruleGeneration } : {}) },
      },
    };
  }
  if (delta === 0) {
    return {
      ConditionCheck: {
        TableName: tableName,
        Key: keys.group(group.group_uuid),
        ConditionExpression: `attribute_exists(PK)${generation}`,
        ...(guard ? { ExpressionAttributeValues: { ':gen': guard.ruleGeneration } } : {}),
      },
    };
  }
  const conditions = ['attribute_exists(PK)'];
  const values: Record<string, unknown> = { ':delta': delta, ':at': at };
  if (guard) {
    conditions.push('rule_generation = :gen');
    values[':gen'] = guard.ruleGeneration;
  }
  if (delta > 0) {
    conditions.push('#status = :active');
    values[':active'] = 'active';
    if (group.user_limit === null) {
      conditions.push('(attribute_not_exists(user_limit) OR attribute_type(user_limit, :nullType))');
      values[':nullType'] = 'NULL';
    } else {
      conditions.push('user_limit = :limit AND member_count <= :max');
      values[':limit'] = group.user_limit;
      values[':max'] = group.user_limit - delta;
    }
  }
  return {
    Update: {
      TableName: tableName,
      Key: keys.group(group.group_uuid),
      ConditionExpression: conditions.join(' AND '),
      UpdateExpression: `ADD member_count :delta SET modified = :at${setsHome ? ', home_members = :true' : ''}`,
      ExpressionAttributeNames: delta > 0 ? { '#status': 'status' } : undefined,
      ExpressionAttributeValues: setsHome ? { ...values, ':true': true } : values,
    },
  };
}

/** Deletes a pending (e-mail) membership, only while it is still pending. */
export function pendingDelete(tableName: string, pending: Membership) {
  return {
    Delete: {
      TableName: tableName,
      Key: keys.membership(pending.group_uuid, refOf(pending)),
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending' },
    },
  };
}

/** The learner's own membership replacing a pending one: only where it has none, or a removed one. */
export function activatedPut(tableName: string, active: Membership) {
  return {
    Put: {
      TableName: tableName,
      Item: membershipItem(active),
      ConditionExpression: 'attribute_not_exists(PK) OR #status = :removed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':removed': 'removed' },
    },
  };
}

/** One member fewer on a group that still exists (a pending twin merged into the learner's membership). */
export function memberCountDown(tableName: string, groupUuid: string) {
  return {
    Update: {
      TableName: tableName,
      Key: keys.group(groupUuid),
      ConditionExpression: 'attribute_exists(PK)',
      UpdateExpression: 'ADD member_count :minus',
      ExpressionAttributeValues: { ':minus': -1 },
    },
  };
}

export interface MemberFilter {
  groupUuid: string;
  statuses: Membership['status'][];
  source?: Membership['source'] | undefined;
}

/** A group's members of some statuses (and a source): its partition's membership items, filtered. */
export function memberListQuery(q: MemberFilter) {
  const values: Record<string, unknown> = { ':pk': keys.group(q.groupUuid).PK, ':prefix': keys.membersPrefix };
  q.statuses.forEach((s, i) => {
    values[`:s${i}`] = s;
  });
  const filters = [`#status IN (${q.statuses.map((_, i) => `:s${i}`).join(', ')})`];
  if (q.source) {
    filters.push('#source = :source');
    values[':source'] = q.source;
  }
  return {
    index: 'table' as const,
    keyCondition: 'PK = :pk AND begins_with(SK, :prefix)',
    sortKeyPrefix: keys.membersPrefix,
    filter: filters.join(' AND '),
    names: { '#status': 'status', ...(q.source ? { '#source': 'source' } : {}) },
    values,
  };
}
