import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { keys, type MemberRef } from '#shared/db/keys';
import { type Page, queryCount, queryPage } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import type { Group } from '#shared/groups/group';
import { type Membership, type MembershipWrite, refKey, refOf, writeRef } from './membership';

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
  'last_op_id',
  'last_op_outcome',
];

/** At most 100 items per transaction: the group's counter and 99 memberships. */
export const MAX_WRITES_PER_COMMIT = 99;

export const toMembership = (item: Record<string, unknown>): Membership =>
  Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])) as unknown as Membership;

const toItem = (m: Membership) => {
  const ref = refOf(m);
  return {
    ...keys.membership(m.group_uuid, ref),
    ...keys.membershipByMember(m.enterprise_customer_uuid, ref, m.group_uuid),
    entity: ENTITY,
    ...m,
  };
};

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
      return {
        Put: {
          TableName: tableName,
          Item: toItem(w.membership),
          ConditionExpression: '#status = :removed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':removed': 'removed' },
        },
      };
    }
    return {
      Update: {
        TableName: tableName,
        Key: keys.membership(groupUuid, w.ref),
        ConditionExpression: '#status IN (:active, :pending)',
        UpdateExpression:
          'SET #status = :removed, removed_at = :at, modified = :at, last_op_id = :op, last_op_outcome = :removed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':active': 'active',
          ':pending': 'pending',
          ':removed': 'removed',
          ':at': w.at,
          ':op': w.opId ?? null,
        },
      },
    };
  }
  /** The group's counter move, guarded so that it never passes the user limit nor lands on a deleted group. */
  function counterItem(group: Group, delta: number, at: string) {
    const conditions = ['attribute_exists(PK)'];
    const values: Record<string, unknown> = { ':delta': delta, ':at': at };
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
     * Applies up to 99 membership writes and the matching `member_count` move in one transaction:
     * all or nothing, so the counter is exact. Failed conditions are reported, not thrown.
     */
    async commit(group: Group, writes: MembershipWrite[], at: string): Promise<CommitOutcome> {
      if (writes.length === 0) return { ok: true };
      if (writes.length > MAX_WRITES_PER_COMMIT)
        throw new Error(`commit takes at most ${MAX_WRITES_PER_COMMIT} writes`);
      const delta = writes.reduce((n, w) => n + (w.kind === 'remove' ? -1 : 1), 0);
      const items = writes.map((w) => writeItem(group.group_uuid, w));
      const outcome = await transact(db, delta === 0 ? items : [counterItem(group, delta, at), ...items]);
      if (outcome.ok) return outcome;
      const offset = delta === 0 ? 0 : 1;
      return {
        ok: false,
        groupFailed: offset === 1 && outcome.failed.includes(0),
        failedRefs: outcome.failed.filter((i) => i >= offset).map((i) => writeRef(writes[i - offset]!)),
      };
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

    count: (q: Omit<MemberListQuery, 'pageSize' | 'cursor'>) => queryCount(db, tableName, listQuery(q)),

    /** Every membership (any status) of one learner or pending e-mail in a tenant, across groups. */
    async listByMember(tenant: string, ref: MemberRef): Promise<Membership[]> {
      const out: Membership[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.memberPartition(tenant, ref) },
            ExclusiveStartKey: startKey,
          }),
        );
        out.push(...(page.Items ?? []).map(toMembership));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return out;
    },

    /**
     * Turns a pending e-mail membership into the learner's own: the e-mail item is deleted and the
     * learner item written in one transaction, keeping the membership uuid and invitation time.
     * Returns false when the learner already had a membership there (the pending one is then dropped).
     */
    async activate(pending: Membership, learnerUuid: string, at: string): Promise<'activated' | 'merged' | 'gone'> {
      const emailKey = keys.membership(pending.group_uuid, refOf(pending));
      const deletePending = {
        Delete: {
          TableName: tableName,
          Key: emailKey,
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
      ]);
      if (moved.ok) return 'activated';
      if (moved.failed.includes(0)) return 'gone';
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
      ]);
      return merged.ok ? 'merged' : 'gone';
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
      for (let i = 0; i < itemKeys.length; i += 25) {
        let request: Record<string, { DeleteRequest: { Key: Record<string, unknown> } }[]> | undefined = {
          [tableName]: itemKeys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })),
        };
        for (let attempt = 0; request?.[tableName]; attempt++) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
          const out = await db.send(new BatchWriteCommand({ RequestItems: request }));
          request = out.UnprocessedItems as typeof request;
        }
      }
      return { deleted: itemKeys.length, more: page.LastEvaluatedKey !== undefined };
    },
  };

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
      filter: filters.join(' AND '),
      names: { '#status': 'status', ...(q.source ? { '#source': 'source' } : {}) },
      values,
    };
  }
}

export type MembershipRepository = ReturnType<typeof makeMembershipRepository>;
