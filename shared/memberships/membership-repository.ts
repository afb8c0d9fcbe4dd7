import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { batchWriteAll } from '#shared/db/batch-write';
import { keys, type MemberRef } from '#shared/db/keys';
import { type Page, queryPage, queryPages, queryWithinBudget } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { ConflictError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import type { HistoryEntry } from '#shared/history/history-entry';
import { historyPut } from '#shared/history/history-repository';
import { type Membership, type MembershipWrite, refKey, refOf, writeCost, writeDelta, writeRef } from './membership';
import { activationParts } from './activation-items';
import { homeItem } from './home-items';
import {
  type CommitGuard,
  counterItem,
  type MemberFilter,
  memberListQuery,
  toMembership,
  writeItem,
} from './membership-items';
import {
  activeLearnersQuery,
  emailPrefixQuery,
  groupItemKeysQuery,
  memberFilterQuery,
  memberMembershipsQuery,
} from './membership-queries';

/**
 * At most 100 items per transaction: the group's counter (or its existence check), the history
 * entry, and 98 items of memberships and the home-group pointers they move (see `writeCost`).
 */
export const MAX_WRITES_PER_COMMIT = 98;

export type { CommitGuard } from './membership-items';

/** Result of one commit: done, or what stopped it (the group's condition, or some memberships'). */
export type CommitOutcome = { ok: true } | { ok: false; groupFailed: boolean; failedRefs: MemberRef[] };

export interface MemberListQuery extends MemberFilter {
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
        counterItem(
          tableName,
          group,
          delta,
          at,
          guard,
          homes.some((w) => w.home === 'set'),
        ),
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
      for await (const items of queryPages(db, activeLearnersQuery(tableName, groupUuid))) {
        out.push(...items.map((item) => String(item.learner_uuid)));
        if (out.length > max) break;
      }
      return out;
    },

    /** Pending (e-mail) memberships of a group whose e-mail starts with `prefix`, any status, up to `max + 1`. */
    async byEmailPrefix(groupUuid: string, prefix: string, max: number): Promise<Membership[]> {
      const out: Membership[] = [];
      for await (const items of queryPages(db, emailPrefixQuery(tableName, groupUuid, prefix))) {
        out.push(...items.map(toMembership));
        if (out.length > max) break;
      }
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
    async countUpTo(q: MemberFilter, maxRead: number) {
      const read = await queryWithinBudget(db, { ...memberFilterQuery(tableName, q), Select: 'COUNT' }, maxRead);
      return { count: read.pages.reduce((n, p) => n + p.count, 0), exact: read.complete };
    },

    /** The members that match, reading at most `maxRead` membership items; `complete` when the partition ended within it. */
    async listUpTo(q: MemberFilter, maxRead: number) {
      const read = await queryWithinBudget(db, memberFilterQuery(tableName, q), maxRead);
      return { items: read.pages.flatMap((p) => p.items.map(toMembership)), complete: read.complete };
    },

    /** Every membership (any status) of one learner or pending e-mail in a tenant, across groups. */
    async listByMember(tenant: string, ref: MemberRef): Promise<Membership[]> {
      const out: Membership[] = [];
      for await (const items of queryPages(db, memberMembershipsQuery(tableName, tenant, ref))) {
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
      const emailRef = refOf(pending);
      for (let attempt = 0; attempt < 3; attempt++) {
        const home = await homeGroupsOf(pending.enterprise_customer_uuid, [emailRef]);
        const isHome = home.get(refKey(emailRef)) === pending.group_uuid;
        const parts = activationParts(tableName, { pending, learnerUuid, at, actor, isHome });
        const moved = await transact(db, parts.activate);
        if (moved.ok) return 'activated';
        if (moved.failed.includes(0)) return 'gone';
        if (!moved.failed.includes(1)) continue; // the home pointer moved meanwhile: read it again
        // Already an active member through its uuid: drop the pending twin and its count.
        const merged = await transact(db, parts.merge);
        if (merged.ok) return 'merged';
        if (merged.failed.includes(0) || merged.failed.includes(1)) return 'gone';
      }
      throw new ConflictError('concurrent_modification', 'The membership kept changing; retry');
    },

    /** Deletes one page (up to `limit`) of a deleted group's leftover items; returns how many remain possible. */
    async deleteGroupItems(groupUuid: string, limit: number): Promise<{ deleted: number; more: boolean }> {
      const page = await db.send(new QueryCommand(groupItemKeysQuery(tableName, groupUuid, limit)));
      const itemKeys = page.Items ?? [];
      await batchWriteAll(
        db,
        tableName,
        itemKeys.map((Key) => ({ DeleteRequest: { Key } })),
      );
      return { deleted: itemKeys.length, more: page.LastEvaluatedKey !== undefined };
    },
  };
}

export type MembershipRepository = ReturnType<typeof makeMembershipRepository>;
