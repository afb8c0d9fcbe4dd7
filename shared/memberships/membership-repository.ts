import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { batchWriteAll } from '#shared/db/batch-write';
import { keys, type MemberRef } from '#shared/db/keys';
import { type Page, queryPage, queryPages } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { ConflictError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import { type HistoryEntry, type MemberChange, membershipsChangedEntry } from '#shared/history/history-entry';
import { historyPut } from '#shared/history/history-repository';
import { type Membership, type MembershipWrite, refKey, refOf, writeCost, writeDelta, writeRef } from './membership';

const ENTITY = 'membership';
const FIELDS: (keyof Membership)[] = [
  'enterprise_group_membership_uuid',
  'group_uuid',
  'enterprise_customer_uuid',
  'learner_uuid',
  'pending_learner_email',
  'status',
  'source',
  'invited_at',
  'activated_at',
  'removed_at',
  'created',
  'modified',
  'permissions',
  'last_op_id',
  'last_op_outcome',
  'rule_generation',
  'removed_by',
];

/**
 * At most 100 items per transaction: the group's counter (or its existence check), the history
 * entry, and 98 items of memberships and the home-group pointers they move (see `writeCost`).
 */
export const MAX_WRITES_PER_COMMIT = 98;

export const toMembership = (item: Record<string, unknown>): Membership =>
  Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? (f === 'permissions' ? [] : null)])) as unknown as Membership;

const toItem = (m: Membership) => {
  const ref = refOf(m);
  return {
    ...keys.membership(m.group_uuid, ref),
    ...keys.membershipByMember(m.enterprise_customer_uuid, ref, m.group_uuid),
    entity: ENTITY,
    ...m,
  };
};

/** Rule writes only: the commit applies only while the group is still at this recalculation generation. */
export interface CommitGuard {
  ruleGeneration: number;
}

/** Result of one commit: done, or what stopped it (the group's condition, or some memberships'). */
export type CommitOutcome = { ok: true } | { ok: false; groupFailed: boolean; failedRefs: MemberRef[] };

export interface MemberListQuery {
  groupUuid: string;
  statuses: Membership['status'][];
  source?: Membership['source'] | undefined;
  pageSize: number;
  cursor?: string | undefined;
}

export function makeMembershipRepository(db: DynamoDBDocumentClient, tableName: string) {
  function writeItem(groupUuid: string, w: MembershipWrite) {
    if (w.kind === 'add') {
      return {
        Put: { TableName: tableName, Item: toItem(w.membership), ConditionExpression: 'attribute_not_exists(PK)' },
      };
    }
    if (w.kind === 'revive') {
      // The rules never revive a membership an admin removed (an exclusion), even one removed just now.
      const byRule = w.membership.source === 'rule';
      return {
        Put: {
          TableName: tableName,
          Item: toItem(w.membership),
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
          Item: toItem(w.membership),
          ConditionExpression: '#status IN (:active, :pending) AND modified = :expected',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':active': 'active', ':pending': 'pending', ':expected': w.expectedModified },
        },
      };
    }
    const older = w.olderThanGeneration;
    return {
      Update: {
        TableName: tableName,
        Key: keys.membership(groupUuid, w.ref),
        ConditionExpression:
          older === undefined
            ? '#status IN (:active, :pending)'
            : '#status IN (:active, :pending) AND #source = :rule AND (attribute_not_exists(rule_generation) OR rule_generation < :gen)',
        UpdateExpression:
          'SET #status = :removed, removed_at = :at, modified = :at, last_op_id = :op, last_op_outcome = :removed, removed_by = :by',
        ExpressionAttributeNames: { '#status': 'status', ...(older === undefined ? {} : { '#source': 'source' }) },
        ExpressionAttributeValues: {
          ':active': 'active',
          ':pending': 'pending',
          ':removed': 'removed',
          ':at': w.at,
          ':op': w.opId ?? null,
          ':by': w.removedBy ?? 'admin',
          ...(older === undefined ? {} : { ':rule': 'rule', ':gen': older }),
        },
      },
    };
  }
  /** A home-group pointer move: `set` takes it from wherever it was, `clear` only if it still names this group. */
  function homeItem(group: Group, w: MembershipWrite) {
    const ref = writeRef(w);
    const Key = keys.homeGroup(group.enterprise_customer_uuid, ref);
    if (w.home === 'set') {
      const item = { ...Key, entity: 'home_group', member: refKey(ref), group_uuid: group.group_uuid };
      return {
        Put: { TableName: tableName, Item: { ...item, enterprise_customer_uuid: group.enterprise_customer_uuid } },
      };
    }
    return {
      Delete: {
        TableName: tableName,
        Key,
        ConditionExpression: 'group_uuid = :g',
        ExpressionAttributeValues: { ':g': group.group_uuid },
      },
    };
  }
  /** The group's counter move, guarded so that it never passes the user limit nor lands on a deleted group. */
  function counterItem(group: Group, delta: number, at: string, guard?: CommitGuard) {
    const generation = guard ? ' AND rule_generation = :gen' : '';
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
      if (group.user_limit === null)
        conditions.push('(attribute_not_exists(user_limit) OR attribute_type(user_limit, :nullType))');
      else {
        conditions.push('user_limit = :limit AND member_count <= :max');
        values[':limit'] = group.user_limit;
        values[':max'] = group.user_limit - delta;
      }
      if (group.user_limit === null) values[':nullType'] = 'NULL';
    }
    return {
      Update: {
        TableName: tableName,
        Key: keys.group(group.group_uuid),
        ConditionExpression: conditions.join(' AND '),
        UpdateExpression: 'ADD member_count :delta SET modified = :at',
        ExpressionAttributeNames: delta > 0 ? { '#status': 'status' } : undefined,
        ExpressionAttributeValues: values,
      },
    };
  }

  return {
    /**
     * Applies membership writes (up to MAX_WRITES_PER_COMMIT items with their home-group pointers),
     * the matching `member_count` move and the history entry in one transaction: all or nothing, so
     * the counter is exact and the audit misses nothing. Failed conditions are reported, not thrown.
     */
    async commit(
      group: Group,
      writes: MembershipWrite[],
      at: string,
      history: HistoryEntry,
      guard?: CommitGuard,
    ): Promise<CommitOutcome> {
      if (writes.length === 0) return { ok: true };
      if (writes.reduce((n, w) => n + writeCost(w), 0) > MAX_WRITES_PER_COMMIT)
        throw new Error(`commit takes at most ${MAX_WRITES_PER_COMMIT} items`);
      const delta = writes.reduce((n, w) => n + writeDelta(w), 0);
      const homes = writes.filter((w) => w.home);
      const outcome = await transact(db, [
        counterItem(group, delta, at, guard),
        ...writes.map((w) => writeItem(group.group_uuid, w)),
        ...homes.map((w) => homeItem(group, w)),
        historyPut(tableName, history),
      ]);
      if (outcome.ok) return outcome;
      const owners = [...writes, ...homes];
      return {
        ok: false,
        groupFailed: outcome.failed.includes(0),
        failedRefs: outcome.failed.flatMap((i) => (owners[i - 1] ? [writeRef(owners[i - 1]!)] : [])),
      };
    },

    /** The home group of each member (a learner or a pending e-mail) that has one, by `refKey`. */
    async homeGroupsOf(tenant: string, refs: MemberRef[]): Promise<Map<string, string>> {
      const items = await batchGetAll(
        db,
        tableName,
        refs.map((r) => keys.homeGroup(tenant, r)),
      );
      return new Map(items.map((item) => [String(item.member), String(item.group_uuid)]));
    },

    /**
     * Learner uuids of a group's active members, in key order, stopping once more than `max` are found
     * (pending e-mails are not learners yet and are not listed).
     */
    async activeLearnerUuids(groupUuid: string, max: number): Promise<string[]> {
      const out: string[] = [];
      for await (const items of queryPages(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        FilterExpression: '#status = :active',
        ProjectionExpression: 'learner_uuid',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pk': keys.group(groupUuid).PK,
          ':prefix': keys.membership(groupUuid, { learnerUuid: '' }).SK,
          ':active': 'active',
        },
      })) {
        out.push(...items.map((item) => String(item.learner_uuid)));
        if (out.length > max) break;
      }
      return out;
    },

    /** Pending (e-mail) memberships of a group whose e-mail starts with `prefix`, any status, up to `max + 1`. */
    async byEmailPrefix(groupUuid: string, prefix: string, max: number): Promise<Membership[]> {
      const out: Membership[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: {
              ':pk': keys.group(groupUuid).PK,
              ':prefix': keys.membership(groupUuid, { email: prefix }).SK,
            },
            ExclusiveStartKey: startKey,
          }),
        );
        out.push(...(page.Items ?? []).map(toMembership));
        startKey = page.LastEvaluatedKey;
      } while (startKey && out.length <= max);
      return out.slice(0, max + 1);
    },

    async getMany(groupUuid: string, refs: MemberRef[]): Promise<Map<string, Membership>> {
      const items = await batchGetAll(
        db,
        tableName,
        refs.map((r) => keys.membership(groupUuid, r)),
      );
      return new Map(
        items.map((item) => {
          const m = toMembership(item);
          return [refKey(refOf(m)), m];
        }),
      );
    },

    async list(q: MemberListQuery): Promise<Page<Membership>> {
      const page = await queryPage(db, tableName, {
        ...listQuery(q),
        partition: { name: 'PK', value: keys.group(q.groupUuid).PK },
        pageSize: q.pageSize,
        cursor: q.cursor,
      });
      return { ...page, items: page.items.map(toMembership) };
    },

    /**
     * How many members match, reading at most `maxRead` membership items (removed ones included, as
     * the filter drops them only after the read): exact when the partition ended within the budget,
     * else the matches among the items read (`exact: false`).
     */
    async countUpTo(q: Omit<MemberListQuery, 'pageSize' | 'cursor'>, maxRead: number) {
      let count = 0;
      let read = 0;
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            ...listInput(q),
            Select: 'COUNT',
            ExclusiveStartKey: startKey,
            Limit: budget(maxRead - read),
          }),
        );
        count += out.Count ?? 0;
        read += out.ScannedCount ?? 0;
        startKey = out.LastEvaluatedKey;
      } while (startKey && read < maxRead);
      return { count, exact: startKey === undefined };
    },

    /** The members that match, reading at most `maxRead` membership items; `complete` when the partition ended within it. */
    async listUpTo(q: Omit<MemberListQuery, 'pageSize' | 'cursor'>, maxRead: number) {
      const items: Membership[] = [];
      let read = 0;
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({ ...listInput(q), ExclusiveStartKey: startKey, Limit: budget(maxRead - read) }),
        );
        items.push(...(out.Items ?? []).map(toMembership));
        read += out.ScannedCount ?? 0;
        startKey = out.LastEvaluatedKey;
      } while (startKey && read < maxRead);
      return { items, complete: startKey === undefined };
    },

    /** Every membership (any status) of one learner or pending e-mail in a tenant, across groups. */
    async listByMember(tenant: string, ref: MemberRef): Promise<Membership[]> {
      const out: Membership[] = [];
      for await (const items of queryPages(db, {
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.memberPartition(tenant, ref) },
      })) {
        out.push(...items.map(toMembership));
      }
      return out;
    },

    /**
     * Turns a pending e-mail membership into the learner's own: the e-mail item is deleted and the
     * learner item written in one transaction, keeping the membership uuid, invitation time and
     * permissions. When the learner already had a membership there, the pending one is dropped with
     * its count (`merged`). A home-group pointer of the e-mail that names this group moves to the
     * learner (it is a home group set later than any other), and the history entry commits with it.
     */
    async activate(
      pending: Membership,
      learnerUuid: string,
      at: string,
      actor: string,
    ): Promise<'activated' | 'merged' | 'gone'> {
      const tenant = pending.enterprise_customer_uuid;
      const emailRef = refOf(pending);
      const deletePending = {
        Delete: {
          TableName: tableName,
          Key: keys.membership(pending.group_uuid, emailRef),
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        },
      };
      const active: Membership = {
        ...pending,
        learner_uuid: learnerUuid,
        pending_learner_email: null,
        status: 'active',
        activated_at: at,
        modified: at,
      };
      for (let attempt = 0; attempt < 3; attempt++) {
        const isHome = (await this.homeGroupsOf(tenant, [emailRef])).get(refKey(emailRef)) === pending.group_uuid;
        const homeMove = isHome
          ? [
              {
                Delete: {
                  TableName: tableName,
                  Key: keys.homeGroup(tenant, emailRef),
                  ConditionExpression: 'group_uuid = :g',
                  ExpressionAttributeValues: { ':g': pending.group_uuid },
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...keys.homeGroup(tenant, { learnerUuid }),
                    entity: 'home_group',
                    member: refKey({ learnerUuid }),
                    group_uuid: pending.group_uuid,
                    enterprise_customer_uuid: tenant,
                  },
                },
              },
            ]
          : [];
        const state = (status: Membership['status']) => ({
          status,
          home_group: isHome,
          permissions: pending.permissions ?? [],
        });
        const entry = (outcome: MemberChange['outcome'], after: MemberChange['after']) =>
          historyPut(
            tableName,
            membershipsChangedEntry(
              pending,
              [
                {
                  enterprise_group_membership_uuid: pending.enterprise_group_membership_uuid,
                  learner_uuid: learnerUuid,
                  pending_learner_email: pending.pending_learner_email,
                  outcome,
                  before: state('pending'),
                  after,
                },
              ],
              { actor, at },
            ),
          );
        const moved = await transact(db, [
          deletePending,
          {
            Put: {
              TableName: tableName,
              Item: toItem(active),
              ConditionExpression: 'attribute_not_exists(PK) OR #status = :removed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':removed': 'removed' },
            },
          },
          ...homeMove,
          entry('activated', state('active')),
        ]);
        if (moved.ok) return 'activated';
        if (moved.failed.includes(0)) return 'gone';
        if (!moved.failed.includes(1)) continue; // the home pointer moved meanwhile: read it again
        // Already an active member through its uuid: drop the pending twin and its count.
        const merged = await transact(db, [
          deletePending,
          {
            Update: {
              TableName: tableName,
              Key: keys.group(pending.group_uuid),
              ConditionExpression: 'attribute_exists(PK)',
              UpdateExpression: 'ADD member_count :minus',
              ExpressionAttributeValues: { ':minus': -1 },
            },
          },
          ...homeMove,
          entry('merged', null),
        ]);
        if (merged.ok) return 'merged';
        if (merged.failed.includes(0) || merged.failed.includes(1)) return 'gone';
      }
      throw new ConflictError('concurrent_modification', 'The membership kept changing; retry');
    },

    /** Deletes one page (up to `limit`) of a deleted group's leftover items; returns how many remain possible. */
    async deleteGroupItems(groupUuid: string, limit: number): Promise<{ deleted: number; more: boolean }> {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.group(groupUuid).PK },
          ProjectionExpression: 'PK, SK',
          Limit: limit,
        }),
      );
      const itemKeys = page.Items ?? [];
      await batchWriteAll(
        db,
        tableName,
        itemKeys.map((Key) => ({ DeleteRequest: { Key } })),
      );
      return { deleted: itemKeys.length, more: page.LastEvaluatedKey !== undefined };
    },
  };

  /** A Query's Limit for what is left of a read budget (none for an unbounded read). */
  function budget(left: number) {
    return Number.isFinite(left) ? left : undefined;
  }

  function listInput(q: Omit<MemberListQuery, 'pageSize' | 'cursor'>) {
    const l = listQuery(q);
    return {
      TableName: tableName,
      KeyConditionExpression: l.keyCondition,
      FilterExpression: l.filter,
      ExpressionAttributeNames: l.names,
      ExpressionAttributeValues: l.values,
    };
  }

  function listQuery(q: Omit<MemberListQuery, 'pageSize' | 'cursor'>) {
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
}

export type MembershipRepository = ReturnType<typeof makeMembershipRepository>;
