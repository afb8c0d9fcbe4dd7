import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { keys, type UniqueKind } from '#shared/db/keys';
import { type Page, queryCount, queryPage, queryPages } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import type { Learner } from './learner';
import {
  byBranch,
  byEmailPrefix,
  byNamePrefix,
  deleteTransaction,
  LearnerChangedError,
  putRefusal,
  putTransaction,
  toLearner,
  uuidQuery,
} from './learner-items';

export { LearnerChangedError, newLearnerItems } from './learner-items';

export interface LearnerListQuery {
  tenant: string;
  emailPrefix?: string | undefined;
  branchId?: string | undefined;
  pageSize: number;
  cursor?: string | undefined;
}

export function makeLearnerRepository(db: DynamoDBDocumentClient, tableName: string) {
  return {
    /** The learner and the bulk operation that created it (to report `created` again when that operation replays). */
    async getWithOrigin(
      tenant: string,
      learnerUuid: string,
    ): Promise<{ learner: Learner; createdByOp: string | null } | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.learner(tenant, learnerUuid), ConsistentRead: true }),
      );
      return out.Item
        ? { learner: toLearner(out.Item), createdByOp: (out.Item.created_by_op as string) ?? null }
        : undefined;
    },

    /** The learner with this uuid in this tenant; a uuid of another tenant is as absent as an unknown one. */
    async get(tenant: string, learnerUuid: string): Promise<Learner | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.learner(tenant, learnerUuid), ConsistentRead: true }),
      );
      return out.Item ? toLearner(out.Item) : undefined;
    },

    /** The tenant's learners among these uuids, by uuid (uuids of other tenants are simply absent). */
    async getMany(tenant: string, learnerUuids: string[]): Promise<Map<string, Learner>> {
      const items = await batchGetAll(
        db,
        tableName,
        learnerUuids.map((uuid) => keys.learner(tenant, uuid)),
      );
      return new Map(items.map((item) => [String(item.learner_uuid), toLearner(item)]));
    },

    /** Learner uuids owning the given unique values (e-mails, employee ids, state ids) in a tenant. */
    async findUuids(tenant: string, kind: UniqueKind, values: string[]): Promise<Map<string, string>> {
      const items = await batchGetAll(
        db,
        tableName,
        values.map((v) => keys.unique(tenant, kind, v)),
      );
      return new Map(items.map((item) => [String(item.value), String(item.learner_uuid)]));
    },

    /**
     * Writes `after` if the stored learner is still `before` (or absent when `before` is undefined),
     * moving its unique guards and its name-index items in the same transaction.
     */
    async put(after: Learner, before: Learner | undefined, createdByOp: string | null = null): Promise<void> {
      const { items, added } = putTransaction(tableName, after, before, createdByOp);
      const outcome = await transact(db, items);
      if (!outcome.ok) throw putRefusal(after.learner_uuid, added, outcome.failed[0] ?? 0);
    },

    async delete(learner: Learner): Promise<void> {
      const outcome = await transact(db, deleteTransaction(tableName, learner));
      if (!outcome.ok) throw new LearnerChangedError(learner.learner_uuid);
    },

    /** The directory by e-mail; with `branchId`, the branch's learners only (GSI2), still by e-mail. */
    async list(q: LearnerListQuery): Promise<Page<Learner> & { count: number }> {
      const [index, pk, value] = q.branchId
        ? (['GSI2', 'GSI2PK', keys.branchLearnersPartition(q.tenant, q.branchId)] as const)
        : (['GSI1', 'GSI1PK', keys.tenantLearnersPartition(q.tenant)] as const);
      const prefix = `EMAIL#${q.emailPrefix ?? ''}`;
      const shared = {
        index,
        keyCondition: `${pk} = :pk AND begins_with(${index}SK, :prefix)`,
        sortKeyPrefix: prefix,
        values: { ':pk': value, ':prefix': prefix },
      } as const;
      const [page, count] = await Promise.all([
        queryPage(db, tableName, {
          ...shared,
          partition: { name: pk, value },
          pageSize: q.pageSize,
          cursor: q.cursor,
        }),
        queryCount(db, tableName, shared),
      ]);
      return { ...page, items: page.items.map(toLearner), count };
    },

    /** Uuids of a tenant's learners in e-mail order; past `max` it stops at the page that passed it (more than `max`). */
    tenantUuids: (tenant: string, max = Number.POSITIVE_INFINITY): Promise<string[]> =>
      uuidsOf('GSI1', byEmailPrefix(tenant), max),

    /** How many learners a tenant has: a COUNT over its e-mail index (keys only, no item is returned). */
    tenantCount: (tenant: string) => queryCount(db, tableName, { index: 'GSI1', ...byEmailPrefix(tenant) }),

    /**
     * One page (at most `limit`) of the uuids of a tenant's learners, by e-mail, and an opaque key to
     * continue after it (absent on the last page). A key stays valid when its learner is gone, so a
     * listing interrupted and resumed from a stored key neither restarts nor skips what followed it.
     */
    async tenantUuidPage(
      tenant: string,
      limit: number,
      after?: string | undefined,
    ): Promise<{ uuids: string[]; next?: string | undefined }> {
      const startKey = after ? (JSON.parse(after) as Record<string, unknown>) : undefined;
      const page = await db.send(
        new QueryCommand(uuidQuery(tableName, 'GSI1', byEmailPrefix(tenant), startKey, limit)),
      );
      return {
        uuids: (page.Items ?? []).map((item) => String(item.learner_uuid)),
        next: page.LastEvaluatedKey ? JSON.stringify(page.LastEvaluatedKey) : undefined,
      };
    },

    /** Uuids of a branch's learners (GSI2, keys only), stopping once more than `max` are found. */
    uuidsByBranch: (tenant: string, branchId: string, max: number): Promise<string[]> =>
      uuidsOf('GSI2', byBranch(tenant, branchId), max),

    /**
     * Uuids of the tenant's learners whose e-mail, first name or last name (a word of it) starts
     * with `prefix` (lower-case): two index range reads, costing what they match, not the tenant's size.
     * More than `max` matches come back as `more: true` with the first `max`.
     */
    async searchUuids(tenant: string, prefix: string, max: number): Promise<{ uuids: string[]; more: boolean }> {
      const [byEmail, byName] = await Promise.all([
        uuidsOf('GSI1', byEmailPrefix(tenant, prefix), max),
        uuidsOf('GSI1', byNamePrefix(tenant, prefix), max),
      ]);
      const uuids = [...new Set([...byEmail, ...byName])];
      return { uuids: uuids.slice(0, max), more: uuids.length > max };
    },
  };

  async function uuidsOf(
    index: 'GSI1' | 'GSI2',
    condition: { keyCondition: string; values: Record<string, unknown> },
    max: number,
  ): Promise<string[]> {
    const out: string[] = [];
    for await (const items of queryPages(db, uuidQuery(tableName, index, condition, undefined))) {
      out.push(...items.map((item) => String(item.learner_uuid)));
      if (out.length > max) break;
    }
    return out;
  }
}

export type LearnerRepository = ReturnType<typeof makeLearnerRepository>;
