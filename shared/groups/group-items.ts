/**
 * The DynamoDB items and transaction parts of groups, built by small pure functions: each names its
 * keys and the condition it commits under, and is unit-tested without a database. The repository only
 * sends them.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys, type UniqueKind } from '#shared/db/keys';
import { optional } from '#shared/db/item-schema';
import { once } from '#shared/once';
import type { Ruleset } from '#shared/rules/ruleset';
import * as z from 'zod';
import {
  DEFAULT_REMOVAL_GUARD,
  type Group,
  normalizeName,
  PROFILE_FIELDS,
  type RemovalGuard,
  type RuleProcessing,
} from './group';

/** One part of a TransactWriteItems request. */
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The fields a client may set on a group, as an update writes them. */
export const SETTABLE_FIELDS = [...PROFILE_FIELDS, 'ruleset', 'rule_version'] as const;

const ENTITY = 'group';
const REGISTRY_ENTITY = 'automatic_group';

/** An entry of the automatic-group registry: enough to address the group and its tenant. */
export interface AutomaticGroupRef {
  group_uuid: string;
  enterprise_customer_uuid: string;
}

export interface GroupFilters {
  search?: string | undefined;
  type?: Group['type'] | undefined;
  status?: Group['status'] | undefined;
}

export interface GroupListQuery extends GroupFilters {
  tenant: string;
  sortBy: 'name' | 'created';
  sortDir: 'asc' | 'desc';
  pageSize: number;
  cursor?: string | undefined;
}

/** The group field a uniqueness guard protects: GROUP_EXTERNAL_ID → external_id. */
export const fieldOf = (kind: UniqueKind) => kind.replace('GROUP_', '').toLowerCase();

/** Uniqueness guards a group owns: its name always, its external and legacy ids when set. */
export function guards(g: Group): { kind: UniqueKind; value: string; code: string }[] {
  const out: { kind: UniqueKind; value: string; code: string }[] = [
    { kind: 'GROUP_NAME', value: normalizeName(g.name), code: 'group_name_taken' },
  ];
  if (g.external_id !== null)
    out.push({ kind: 'GROUP_EXTERNAL_ID' as const, value: g.external_id, code: 'external_id_taken' });
  if (g.legacy_id !== null)
    out.push({ kind: 'GROUP_LEGACY_ID' as const, value: String(g.legacy_id), code: 'legacy_id_taken' });
  return out;
}

/** A group's item: its key, its place in the tenant's listings by name (GSI1) and by creation (GSI2), its fields. */
export const groupItem = (g: Group) => ({
  ...keys.group(g.group_uuid),
  ...keys.groupByName(g.enterprise_customer_uuid, normalizeName(g.name), g.group_uuid),
  ...keys.groupByCreated(g.enterprise_customer_uuid, g.created, g.group_uuid),
  entity: ENTITY,
  name_lower: normalizeName(g.name),
  description_lower: g.description === null ? null : normalizeName(g.description),
  ...g,
});

/** The filter expression of `search` (name or description), `type` and `status`, on group items. */
export function filterOf(q: GroupFilters) {
  const filters: string[] = ['entity = :entity'];
  const values: Record<string, unknown> = { ':entity': ENTITY };
  const names: Record<string, string> = {};
  if (q.search) {
    filters.push('(contains(name_lower, :search) OR contains(description_lower, :search))');
    values[':search'] = normalizeName(q.search);
  }
  if (q.type) {
    filters.push('#type = :type');
    values[':type'] = q.type;
    names['#type'] = 'type';
  }
  if (q.status) {
    filters.push('#status = :status');
    values[':status'] = q.status;
    names['#status'] = 'status';
  }
  return { filter: filters.join(' AND '), values, names: Object.keys(names).length ? names : undefined };
}

/**
 * A stored group as the service reads it: its fields in the order answers list them, its other
 * attributes (keys, lower-cased copies) dropped, each checked for its type. A list field an older item
 * lacks reads as empty, a missing removal guard as the default one (null is a guard turned off), and
 * an automatic group's fields as null on a manual group. Nested values the service itself validated
 * on the way in (ruleset, tags, modules) are checked for their kind only.
 */
export const groupItemSchema = /* @__PURE__ */ once(() => {
  const time = z.string();
  const list = <T>() => z.array(z.custom<T>((v) => typeof v === 'object' && v !== null)).default([]);
  const object = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
  return z.object({
    group_uuid: z.string(),
    name: z.string(),
    enterprise_customer_uuid: z.string(),
    description: optional(z.string()),
    type: z.enum(['manual', 'automatic']),
    status: z.enum(['active', 'inactive']),
    external_id: optional(z.string()),
    legacy_id: optional(z.number()),
    user_limit: optional(z.number()),
    member_count: z.number(),
    notification_emails: z.array(z.string()).default([]),
    tags: list<Group['tags'][number]>(),
    learning_modules: list<Group['learning_modules'][number]>(),
    removal_guard: object<RemovalGuard>()
      .nullable()
      .default(() => ({ ...DEFAULT_REMOVAL_GUARD })),
    created: time,
    modified: time,
    version: z.number(),
    ruleset: optional(object<Ruleset>()),
    rule_version: optional(z.number()),
    rule_generation: optional(z.number()),
    rule_processing: optional(object<RuleProcessing>()),
  });
});

/** A group item as the domain's Group. */
export const toGroup = (item: Record<string, unknown>): Group => groupItemSchema().parse(item);

type Guard = ReturnType<typeof guards>[number];

/** A uniqueness guard of a group (its name, external or legacy id in its tenant): only where none is. */
export const guardPut = (tableName: string, g: Group, guard: Guard): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: {
      ...keys.unique(g.enterprise_customer_uuid, guard.kind, guard.value),
      entity: 'unique',
      group_uuid: g.group_uuid,
    },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

export const guardDelete = (tableName: string, g: Group, guard: Guard): TransactItem => ({
  Delete: { TableName: tableName, Key: keys.unique(g.enterprise_customer_uuid, guard.kind, guard.value) },
});

/** The registry of automatic groups (keys.automaticGroup) moves with the group's own create and delete. */
export const registryPut = (tableName: string, g: Group): TransactItem[] =>
  g.type === 'automatic'
    ? [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.automaticGroup(g.enterprise_customer_uuid, g.group_uuid),
              entity: REGISTRY_ENTITY,
              group_uuid: g.group_uuid,
              enterprise_customer_uuid: g.enterprise_customer_uuid,
            },
          },
        },
      ]
    : [];

export const registryDelete = (tableName: string, g: Group): TransactItem[] =>
  g.type === 'automatic'
    ? [{ Delete: { TableName: tableName, Key: keys.automaticGroup(g.enterprise_customer_uuid, g.group_uuid) } }]
    : [];

/**
 * The group item's `home_members` flag: false on a group created with it, set to true by the membership
 * transaction that first makes the group a member's home group (`counterItem`), never cleared. A page
 * of a group whose flag is false skips reading its members' home-group pointers: none can name it. A
 * group created before the flag has none, and reads as maybe.
 */
export const mayHaveHomeMembers = (item: Record<string, unknown>) => item.home_members !== false;

/** A new group, only where no group has its uuid; no member has it as home group yet. */
export const groupPut = (tableName: string, g: Group): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: { ...groupItem(g), home_members: false },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

/** Replaces the settable fields (and what derives from them) of a group still at `expectedVersion`; the version moves on. */
export function groupUpdate(tableName: string, after: Group, expectedVersion: number): TransactItem {
  const item = groupItem(after);
  const sets = [...SETTABLE_FIELDS, 'name_lower', 'description_lower', 'GSI1SK', 'modified'] as const;
  return {
    Update: {
      TableName: tableName,
      Key: keys.group(after.group_uuid),
      ConditionExpression: 'attribute_exists(PK) AND version = :expected',
      UpdateExpression: `SET ${sets.map((f) => `#${f} = :${f}`).join(', ')} ADD version :one`,
      ExpressionAttributeNames: Object.fromEntries(sets.map((f) => [`#${f}`, f])),
      ExpressionAttributeValues: {
        ...Object.fromEntries(sets.map((f) => [`:${f}`, item[f]])),
        ':expected': expectedVersion,
        ':one': 1,
      },
    },
  };
}

/** Deletes a group that exists (at `expectedVersion`, when given). */
export const groupDelete = (tableName: string, groupUuid: string, expectedVersion?: number): TransactItem => ({
  Delete: {
    TableName: tableName,
    Key: keys.group(groupUuid),
    ConditionExpression:
      expectedVersion === undefined ? 'attribute_exists(PK)' : 'attribute_exists(PK) AND version = :v',
    ExpressionAttributeValues: expectedVersion === undefined ? undefined : { ':v': expectedVersion },
  },
});
