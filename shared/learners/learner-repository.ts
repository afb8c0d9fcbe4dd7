import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { keys, type UniqueKind } from '#shared/db/keys';
import { type Page, queryCount, queryPage } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { ConflictError } from '#shared/errors';
import type { Learner } from './learner';

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
  ...keys.learner(l.learner_uuid),
  ...keys.learnerByEmail(l.enterprise_customer_uuid, l.email, l.learner_uuid),
  entity: ENTITY,
  ...l,
});

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
  const guardKey = (l: Learner, g: Guard) => keys.unique(l.enterprise_customer_uuid, g.kind, g.value);
  return {
    async get(learnerUuid: string): Promise<Learner | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.learner(learnerUuid), ConsistentRead: true }),
      );
      return out.Item ? toLearner(out.Item) : undefined;
    },

    async getMany(learnerUuids: string[]): Promise<Map<string, Learner>> {
      const items = await batchGetAll(db, tableName, learnerUuids.map(keys.learner));
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
     * moving its unique guards in the same transaction.
     */
    async put(after: Learner, before: Learner | undefined): Promise<void> {
      const next = guards(after);
      const old = before ? guards(before) : [];
      const added = next.filter((g) => !old.some((o) => o.kind === g.kind && o.value === g.value));
      const released = old.filter((o) => !next.some((g) => g.kind === o.kind && g.value === o.value));
      const outcome = await transact(db, [
        {
          Put: {
            TableName: tableName,
            Item: toItem(after),
            ConditionExpression: before ? 'version = :v' : 'attribute_not_exists(PK)',
            ExpressionAttributeValues: before ? { ':v': before.version } : undefined,
          },
        },
        ...added.map((g) => ({
          Put: {
            TableName: tableName,
            Item: { ...guardKey(after, g), entity: 'unique', value: g.value, learner_uuid: after.learner_uuid },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
        ...released.map((g) => ({ Delete: { TableName: tableName, Key: guardKey(after, g) } })),
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
            Key: keys.learner(learner.learner_uuid),
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': learner.version },
          },
        },
        ...guards(learner).map((g) => ({ Delete: { TableName: tableName, Key: guardKey(learner, g) } })),
      ]);
      if (!outcome.ok) throw new LearnerChangedError(learner.learner_uuid);
    },

    async list(q: LearnerListQuery): Promise<Page<Learner> & { count: number }> {
      const values: Record<string, unknown> = {
        ':pk': keys.tenantLearnersPartition(q.tenant),
        ':prefix': `EMAIL#${q.emailPrefix ?? ''}`,
      };
      if (q.branchId) values[':branch'] = q.branchId;
      const shared = {
        index: 'GSI1',
        keyCondition: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        filter: q.branchId ? 'branch_id = :branch' : undefined,
        values,
      } as const;
      const [page, count] = await Promise.all([
        queryPage(db, tableName, {
          ...shared,
          partition: { name: 'GSI1PK', value: keys.tenantLearnersPartition(q.tenant) },
          pageSize: q.pageSize,
          cursor: q.cursor,
        }),
        queryCount(db, tableName, shared),
      ]);
      return { ...page, items: page.items.map(toLearner), count };
    },
  };
}

export type LearnerRepository = ReturnType<typeof makeLearnerRepository>;
