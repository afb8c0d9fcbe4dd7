/**
 * The DynamoDB items, transactions and queries of learners, built by small pure functions: each names
 * its keys and the condition it writes under, and is unit-tested without a database. The repository
 * only sends them.
 */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { once } from '#shared/once';
import { keys, type UniqueKind } from '#shared/db/keys';
import type { TransactItems } from '#shared/db/transactions';
import { ConflictError } from '#shared/errors';
import { type Learner, nameTokens } from './learner';

const ENTITY = 'learner';

/**
 * A stored learner as the service reads it: its fields in answer order, checked, its keys and
 * bookkeeping (created_by_op) dropped; what a learner may lack reads as null, its attributes as {}.
 */
const learnerSchema = /* @__PURE__ */ once(() => {
  const optionalText = z.string().nullable().default(null);
  return z.object({
    learner_uuid: z.string(),
    enterprise_customer_uuid: z.string(),
    email: z.string(),
    username: optionalText,
    first_name: optionalText,
    last_name: optionalText,
    employee_id: optionalText,
    state_id: optionalText,
    branch_id: optionalText,
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
    status: z.enum(['active', 'inactive']),
    created: z.string(),
    modified: z.string(),
    version: z.number(),
  });
});

export type Guard = { kind: UniqueKind; value: string; code: string; field: string };

export function guards(l: Learner): Guard[] {
  const out: Guard[] = [{ kind: 'EMAIL', value: l.email, code: 'email_taken', field: 'email' }];
  if (l.employee_id !== null)
    out.push({ kind: 'EMPLOYEE_ID', value: l.employee_id, code: 'employee_id_taken', field: 'employee_id' });
  if (l.state_id !== null) out.push({ kind: 'STATE_ID', value: l.state_id, code: 'state_id_taken', field: 'state_id' });
  return out;
}

/** A learner's item: keyed in its tenant, by e-mail (GSI1) and, with a branch, in its branch (GSI2). */
export const learnerItem = (l: Learner) => ({
  ...keys.learner(l.enterprise_customer_uuid, l.learner_uuid),
  ...keys.learnerByEmail(l.enterprise_customer_uuid, l.email, l.learner_uuid),
  ...(l.branch_id === null
    ? {}
    : keys.learnerByBranch(l.enterprise_customer_uuid, l.branch_id, l.email, l.learner_uuid)),
  entity: ENTITY,
  ...l,
});

/** Name-index items that must appear and disappear when a learner goes from `before` to `after`. */
export function tokenMoves(tableName: string, after: Learner | undefined, before: Learner | undefined) {
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

export const guardKey = (l: Learner, g: Guard) => keys.unique(l.enterprise_customer_uuid, g.kind, g.value);
export const guardItem = (l: Learner, g: Guard) => ({
  ...guardKey(l, g),
  entity: 'unique',
  value: g.value,
  learner_uuid: l.learner_uuid,
});
export const nameTokenItem = (l: Learner, token: string) => ({
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
    { ...learnerItem(l), created_by_op: null },
    ...guards(l).map((g) => guardItem(l, g)),
    ...nameTokens(l).map((t) => nameTokenItem(l, t)),
  ];
}

export const toLearner = (item: Record<string, unknown>): Learner => learnerSchema().parse(item);

/** Thrown when the learner changed (or appeared) between read and write; the caller re-reads and retries. */
export class LearnerChangedError extends ConflictError {
  constructor(uuid: string) {
    super('learner_changed', `Learner ${uuid} changed concurrently`);
  }
}

/**
 * The transaction that writes `after` if the stored learner is still `before` (absent when undefined):
 * its record first, then the unique guards it takes (each only where none is), the guards it releases
 * and its name-index moves. `added` are the guards taken, in the order of parts 1…n.
 */
export function putTransaction(
  tableName: string,
  after: Learner,
  before: Learner | undefined,
  createdByOp: string | null,
): { items: TransactItems; added: Guard[] } {
  const next = guards(after);
  const old = before ? guards(before) : [];
  const added = next.filter((g) => !old.some((o) => o.kind === g.kind && o.value === g.value));
  const released = old.filter((o) => !next.some((g) => g.kind === o.kind && g.value === o.value));
  const items: TransactItems = [
    {
      Put: {
        TableName: tableName,
        Item: { ...learnerItem(after), created_by_op: createdByOp },
        ConditionExpression: before ? 'version = :v' : 'attribute_not_exists(PK)',
        ExpressionAttributeValues: before ? { ':v': before.version } : undefined,
      },
    },
    ...added.map((g) => ({
      Put: { TableName: tableName, Item: guardItem(after, g), ConditionExpression: 'attribute_not_exists(PK)' },
    })),
    ...released.map((g) => ({ Delete: { TableName: tableName, Key: guardKey(after, g) } })),
    ...tokenMoves(tableName, after, before),
  ];
  return { items, added };
}

/**
 * Why a put transaction was refused, from the index of its first failed part: a guard taken by
 * another learner is `<field>_taken`; the record itself (or anything else) is a concurrent change.
 */
export function putRefusal(learnerUuid: string, added: Guard[], failedIndex: number): ConflictError {
  const guard = added[failedIndex - 1];
  if (failedIndex === 0 || !guard) return new LearnerChangedError(learnerUuid);
  return new ConflictError(guard.code, `Another learner of this tenant already has this ${guard.field}`, [
    { path: guard.field, message: 'already used by another learner' },
  ]);
}

/** The transaction that deletes a learner still at its version, with its guards, name items and home pointer. */
export const deleteTransaction = (tableName: string, learner: Learner): TransactItems => [
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
];

/** A tenant's learners whose e-mail starts with `emailPrefix` (GSI1), as a key condition and values. */
export const byEmailPrefix = (tenant: string, emailPrefix = '') => ({
  keyCondition: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
  values: { ':pk': keys.tenantLearnersPartition(tenant), ':prefix': `EMAIL#${emailPrefix}` },
});

/** A tenant's name-index items whose word starts with `prefix` (GSI1). */
export const byNamePrefix = (tenant: string, prefix: string) => ({
  keyCondition: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
  values: { ':pk': keys.learnerNamesPartition(tenant), ':prefix': `NAME#${prefix}` },
});

/** A branch's learners (GSI2). */
export const byBranch = (tenant: string, branchId: string) => ({
  keyCondition: 'GSI2PK = :pk',
  values: { ':pk': keys.branchLearnersPartition(tenant, branchId) },
});

/** A page of learner uuids only (the index's keys) from `startKey` on. */
export const uuidQuery = (
  tableName: string,
  index: 'GSI1' | 'GSI2',
  { keyCondition, values }: { keyCondition: string; values: Record<string, unknown> },
  startKey: Record<string, unknown> | undefined,
  limit?: number,
): QueryCommandInput => ({
  TableName: tableName,
  IndexName: index,
  KeyConditionExpression: keyCondition,
  ExpressionAttributeValues: values,
  ProjectionExpression: 'learner_uuid',
  ...(limit !== undefined && { Limit: limit }),
  ExclusiveStartKey: startKey,
});
