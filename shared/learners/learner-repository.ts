import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { keys, type UniqueKind } from '#shared/db/keys';
import { type Page, queryCount, queryPage } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { ConflictError } from '#shared/errors';
import { type Learner, nameTokens } from './learner';

const ENTITY = 'learner';
const FIELDS: (keyof Learner)[] = [
  'learner_uuid',
  'enterprise_customer_uuid',
  'email',
  'username',
  'first_name',
  'last_name',
  'employee_id',
  'state_id',
  'branch_id',
  'attributes',
  'status',
  'created',
  'modified',
  'version',
];

type Guard = { kind: UniqueKind; value: string; code: string; field: string };

function guards(l: Learner): Guard[] {
  const out: Guard[] = [{ kind: 'EMAIL', value: l.email, code: 'email_taken', field: 'email' }];
  if (l.employee_id !== null)
    out.push({ kind: 'EMPLOYEE_ID', value: l.employee_id, code: 'employee_id_taken', field: 'employee_id' });
  if (l.state_id !== null) out.push({ kind: 'STATE_ID', value: l.state_id, code: 'state_id_taken', field: 'state_id' });
  return out;
}

const toItem = (l: Learner) => ({
  ...keys.learner(l.enterprise_customer_uuid, l.learner_uuid),
  ...keys.learnerByEmail(l.enterprise_customer_uuid, l.email, l.learner_uuid),
  ...(l.branch_id === null
    ? {}
    : keys.learnerByBranch(l.enterprise_customer_uuid, l.branch_id, l.email, l.learner_uuid)),
  entity: ENTITY,
  ...l,
});

/** Name-index items that must appear and disappear when a learner goes from `before` to `after`. */
function tokenMoves(tableName: string, after: Learner | undefined, before: Learner | undefined) {
  const next = after ? nameTokens(after) : [];
  const old = before ? nameTokens(before) : [];
  const l = (after ?? before)!;
  const key = (t: string) => keys.learnerNameToken(l.enterprise_customer_uuid, l.learner_uuid, t);
  return [
    ...next.filter((t) => !old.includes(t)).map((t) => ({ Put: { TableName: tableName, Item: nameTokenItem(l, t) } })),
    ...old
      .filter((t) => !next.includes(t))
      .map((t) => ({ Delete: { TableName: tableName, Key: { PK: key(t).PK, SK: key(t).SK } } })),
  ];
}

const guardKey = (l: Learner, g: Guard) => keys.unique(l.enterprise_customer_uuid, g.kind, g.value);
const guardItem = (l: Learner, g: Guard) => ({
  ...guardKey(l, g),
  entity: 'unique',
  value: g.value,
  learner_uuid: l.learner_uuid,
});
const nameTokenItem = (l: Learner, token: string) => ({
  ...keys.learnerNameToken(l.enterprise_customer_uuid, l.learner_uuid, token),
  entity: 'learner_name',
  learner_uuid: l.learner_uuid,
});

/**
 * Every item a new learner consists of, exactly as `put` writes them (its record, unique guards and
 * name-index items), without the conditions: for seeding a fresh tenant in bulk (the bench).
 */
export function newLearnerItems(l: Learner): Record<string, unknown>[] {
  return [
    { ...toItem(l), created_by_op: null },
    ...guards(l).map((g) => guardItem(l, g)),
    ...nameTokens(l).map((t) => nameTokenItem(l, t)),
  ];
}

export const toLearner = (item: Record<string, unknown>): Learner =>
  Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? (f === 'attributes' ? {} : null)])) as unknown as Learner;

export interface LearnerListQuery {
  tenant: string;
  emailPrefix?: string | undefined;
  branchId?: string | undefined;
  pageSize: number;
  cursor?: string | undefined;
}

/** Thrown when the learner changed (or appeared) between read and write; the caller re-reads and retries. */
export class LearnerChangedError extends ConflictError {
  constructor(uuid: string) {
    super('learner_changed', `Learner ${uuid} changed concurrently`);
  }
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
      const next = guards(after);
      const old = before ? guards(before) : [];
      const added = next.filter((g) => !old.some((o) => o.kind === g.kind && o.value === g.value));
      const released = old.filter((o) => !next.some((g) => g.kind === o.kind && g.value === o.value));
      const outcome = await transact(db, [
        {
          Put: {
            TableName: tableName,
            Item: { ...toItem(after), created_by_op: createdByOp },
            ConditionExpression: before ? 'version = :v' : 'attribute_not_exists(PK)',
            ExpressionAttributeValues: before ? { ':v': before.version } : undefined,
          },
        },
        ...added.map((g) => ({
          Put: {
            TableName: tableName,
            Item: guardItem(after, g),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
        ...released.map((g) => ({ Delete: { TableName: tableName, Key: guardKey(after, g) } })),
        ...tokenMoves(tableName, after, before),
      ]);
      if (outcome.ok) return;
      const index = outcome.failed[0] ?? 0;
      const guard = added[index - 1];
      if (index === 0 || !guard) throw new LearnerChangedError(after.learner_uuid);
      throw new ConflictError(guard.code, `Another learner of this tenant already has this ${guard.field}`, [
        { path: guard.field, message: 'already used by another learner' },
      ]);
    },

    async delete(learner: Learner): Promise<void> {
      const outcome = await transact(db, [
        {
          Delete: {
            TableName: tableName,
            Key: keys.learner(learner.enterprise_customer_uuid, learner.learner_uuid),
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': learner.version },
          },
        },
        ...guards(learner).map((g) => ({ Delete: { TableName: tableName, Key: guardKey(learner, g) } })),
        ...tokenMoves(tableName, undefined, learner),
        // Its home-group pointer goes with it.
        {
          Delete: {
            TableName: tableName,
            Key: keys.homeGroup(learner.enterprise_customer_uuid, { learnerUuid: learner.learner_uuid }),
          },
        },
      ]);
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

    /** Uuids of a branch's learners (GSI2, keys only), stopping once more than `max` are found. */
    /** Every learner uuid of a tenant, in e-mail order (the rows of a rule recalculation). */
    /** Uuids of a tenant's learners in e-mail order; past `max` it stops at the page that passed it (more than `max`). */
    async tenantUuids(tenant: string, max = Number.POSITIVE_INFINITY): Promise<string[]> {
      return uuidsOf(
        'GSI1',
        'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        { ':pk': keys.tenantLearnersPartition(tenant), ':prefix': 'EMAIL#' },
        max,
      );
    },

    /** How many learners a tenant has: a COUNT over its e-mail index (keys only, no item is returned). */
    tenantCount: (tenant: string) =>
      queryCount(db, tableName, {
        index: 'GSI1',
        keyCondition: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        values: { ':pk': keys.tenantLearnersPartition(tenant), ':prefix': 'EMAIL#' },
      }),

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
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.tenantLearnersPartition(tenant), ':prefix': 'EMAIL#' },
          ProjectionExpression: 'learner_uuid',
          Limit: limit,
          ExclusiveStartKey: after ? (JSON.parse(after) as Record<string, unknown>) : undefined,
        }),
      );
      return {
        uuids: (page.Items ?? []).map((item) => String(item.learner_uuid)),
        next: page.LastEvaluatedKey ? JSON.stringify(page.LastEvaluatedKey) : undefined,
      };
    },

    async uuidsByBranch(tenant: string, branchId: string, max: number): Promise<string[]> {
      return uuidsOf('GSI2', 'GSI2PK = :pk', { ':pk': keys.branchLearnersPartition(tenant, branchId) }, max);
    },

    /**
     * Uuids of the tenant's learners whose e-mail, first name or last name (a word of it) starts
     * with `prefix` (lower-case): two index range reads, costing what they match, not the tenant's size.
     * More than `max` matches come back as `more: true` with the first `max`.
     */
    async searchUuids(tenant: string, prefix: string, max: number): Promise<{ uuids: string[]; more: boolean }> {
      const [byEmail, byName] = await Promise.all([
        uuidsOf(
          'GSI1',
          'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
          { ':pk': keys.tenantLearnersPartition(tenant), ':prefix': `EMAIL#${prefix}` },
          max,
        ),
        uuidsOf(
          'GSI1',
          'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
          { ':pk': keys.learnerNamesPartition(tenant), ':prefix': `NAME#${prefix}` },
          max,
        ),
      ]);
      const uuids = [...new Set([...byEmail, ...byName])];
      return { uuids: uuids.slice(0, max), more: uuids.length > max };
    },
  };

  async function uuidsOf(
    index: 'GSI1' | 'GSI2',
    keyCondition: string,
    values: Record<string, unknown>,
    max: number,
  ): Promise<string[]> {
    const out: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index,
          KeyConditionExpression: keyCondition,
          ExpressionAttributeValues: values,
          ProjectionExpression: 'learner_uuid',
          ExclusiveStartKey: startKey,
        }),
      );
      out.push(...(page.Items ?? []).map((item) => String(item.learner_uuid)));
      startKey = page.LastEvaluatedKey;
    } while (startKey && out.length <= max);
    return out;
  }
}

export type LearnerRepository = ReturnType<typeof makeLearnerRepository>;
