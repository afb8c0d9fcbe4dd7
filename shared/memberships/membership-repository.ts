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
import {
  activatedPut,
  type CommitGuard,
  counterItem,
  homeDelete,
  homeItem,
  homePut,
  memberCountDown,
  memberListQuery,
  pendingDelete,
  toMembership,
  writeItem,
} from './membership-items';

/**
 * At most 100 items per transaction: the group's counter (or its existence check), the history
 * entry, and 98 items of memberships and the home-group pointers they move (see `writeCost`).
 */
export const MAX_WRITES_PER_COMMIT = 98;

export type { CommitGuard } from './membership-items';

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
  /** The home group of each member (a learner or a pending e-mail) that has one, by `refKey`. */
  async function homeGroupsOf(tenant: string, refs: MemberRef[]): Promise<Map<string, string>> {
    const items = await batchGetAll(
      db,
      tableName,
      refs.map((r) => keys.homeGroup(tenant, r)),
    );
    return new Map(items.map((item) => [String(item.member), String(item.group_uuid)]));
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
        counterItem(tableName, group, delta, at, guard),
        ...writes.map((w) => writeItem(tableName, group.group_uuid, w)),
        ...homes.map((w) => homeItem(tableName, group, w)),
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

    homeGroupsOf,

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
        ...memberListQuery(q),
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
      const deletePending = pendingDelete(tableName, pending);
      const active: Membership = {
        ...pending,
        learner_uuid: learnerUuid,
        pending_learner_email: null,
        status: 'active',
        activated_at: at,
        modified: at,
      };
      for (let attempt = 0; attempt < 3; attempt++) {
        const isHome = (await homeGroupsOf(tenant, [emailRef])).get(refKey(emailRef)) === pending.group_uuid;
        const homeMove = isHome
          ? [
              homeDelete(tableName, tenant, emailRef, pending.group_uuid),
              homePut(tableName, tenant, { learnerUuid }, pending.group_uuid),
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
          activatedPut(tableName, active),
          ...homeMove,
          entry('activated', state('active')),
        ]);
        if (moved.ok) return 'activated';
        if (moved.failed.includes(0)) return 'gone';
        if (!moved.failed.includes(1)) continue; // the home pointer moved meanwhile: read it again
        // Already an active member through its uuid: drop the pending twin and its count.
        const merged = await transact(db, [
          deletePending,
          memberCountDown(tableName, pending.group_uuid),
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
    const l = memberListQuery(q);
    return {
      TableName: tableName,
      KeyConditionExpression: l.keyCondition,
      FilterExpression: l.filter,
      ExpressionAttributeNames: l.names,
      ExpressionAttributeValues: l.values,
    };
  }
}

export type MembershipRepository = ReturnType<typeof makeMembershipRepository>;
