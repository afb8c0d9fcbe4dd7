import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { keys, type UniqueKind } from '#shared/db/keys';
import { type Page, queryCount, queryPage, queryPages } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { ConflictError, groupNotFound, PreconditionFailedError } from '#shared/errors';
import type { HistoryEntry } from '#shared/history/history-entry';
import { historyPut } from '#shared/history/history-repository';
import { type Group, normalizeName, type RuleProcessing } from './group';

/** A transaction item written together with a group's create or update (e.g. a ruleset version). */
export type ExtraPut = { Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression?: string } };

const ENTITY = 'group';
const REGISTRY_ENTITY = 'automatic_group';

/** An entry of the automatic-group registry: enough to address the group and its tenant. */
export interface AutomaticGroupRef {
  group_uuid: string;
  enterprise_customer_uuid: string;
}
const FIELDS: (keyof Group)[] = [
  'group_uuid',
  'name',
  'enterprise_customer_uuid',
  'description',
  'type',
  'status',
  'external_id',
  'legacy_id',
  'user_limit',
  'member_count',
  'notification_emails',
  'tags',
  'learning_modules',
  'created',
  'modified',
  'version',
  'ruleset',
  'rule_version',
  'rule_generation',
  'rule_processing',
];

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
const fieldOf = (kind: UniqueKind) => kind.replace('GROUP_', '').toLowerCase();

/** Uniqueness guards a group owns: its name always, its external and legacy ids when set. */
function guards(g: Group): { kind: UniqueKind; value: string; code: string }[] {
  const out: { kind: UniqueKind; value: string; code: string }[] = [
    { kind: 'GROUP_NAME', value: normalizeName(g.name), code: 'group_name_taken' },
  ];
  if (g.external_id !== null)
    out.push({ kind: 'GROUP_EXTERNAL_ID' as const, value: g.external_id, code: 'external_id_taken' });
  if (g.legacy_id !== null)
    out.push({ kind: 'GROUP_LEGACY_ID' as const, value: String(g.legacy_id), code: 'legacy_id_taken' });
  return out;
}

const toItem = (g: Group) => ({
  ...keys.group(g.group_uuid),
  ...keys.groupByName(g.enterprise_customer_uuid, normalizeName(g.name), g.group_uuid),
  ...keys.groupByCreated(g.enterprise_customer_uuid, g.created, g.group_uuid),
  entity: ENTITY,
  name_lower: normalizeName(g.name),
  description_lower: g.description === null ? null : normalizeName(g.description),
  ...g,
});

/** The filter expression of `search` (name or description), `type` and `status`, on group items. */
function filterOf(q: GroupFilters) {
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

/** Groups stored before a list field existed read it as empty. */
const LISTS: (keyof Group)[] = ['notification_emails', 'tags', 'learning_modules'];

export const toGroup = (item: Record<string, unknown>): Group =>
  Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? (LISTS.includes(f) ? [] : null)])) as unknown as Group;

export function makeGroupRepository(db: DynamoDBDocumentClient, tableName: string) {
  const guardPut = (g: Group, guard: ReturnType<typeof guards>[number]) => ({
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
  const guardDelete = (g: Group, guard: ReturnType<typeof guards>[number]) => ({
    Delete: { TableName: tableName, Key: keys.unique(g.enterprise_customer_uuid, guard.kind, guard.value) },
  });
  // The registry of automatic groups (keys.automaticGroup) moves with the group's own create and delete.
  const registryPut = (g: Group) =>
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
  const registryDelete = (g: Group) =>
    g.type === 'automatic'
      ? [{ Delete: { TableName: tableName, Key: keys.automaticGroup(g.enterprise_customer_uuid, g.group_uuid) } }]
      : [];
  const conflictFor = (list: { code: string; kind: UniqueKind }[], index: number) => {
    const guard = list[index];
    return guard
      ? new ConflictError(
          guard.code,
          `Another group of this tenant already has this ${fieldOf(guard.kind).replace('_', ' ')}`,
          [{ path: `body.${fieldOf(guard.kind)}`, message: 'already used by another group of this tenant' }],
        )
      : undefined;
  };

  return {
    /** Writes the group, its uniqueness guards and its `group_created` history entry together. */
    async create(group: Group, history: HistoryEntry, extra: ExtraPut[] = []): Promise<void> {
      const owned = guards(group);
      const outcome = await transact(db, [
        { Put: { TableName: tableName, Item: toItem(group), ConditionExpression: 'attribute_not_exists(PK)' } },
        ...owned.map((g) => guardPut(group, g)),
        historyPut(tableName, history),
        ...extra,
        ...registryPut(group),
      ]);
      if (!outcome.ok)
        throw conflictFor(owned, (outcome.failed[0] ?? 1) - 1) ?? new ConflictError('group_exists', 'Group exists');
    },

    async get(groupUuid: string): Promise<Group | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.group(groupUuid), ConsistentRead: true }),
      );
      return out.Item ? toGroup(out.Item) : undefined;
    },

    async getMany(groupUuids: string[]): Promise<Map<string, Group>> {
      const items = await batchGetAll(db, tableName, groupUuids.map(keys.group));
      return new Map(items.map((item) => [String(item.group_uuid), toGroup(item)]));
    },

    /** The group that owns a unique value (external or legacy id) in a tenant. */
    async findByUnique(tenant: string, kind: UniqueKind, value: string): Promise<Group | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.unique(tenant, kind, value), ConsistentRead: true }),
      );
      return out.Item ? this.get(String(out.Item.group_uuid)) : undefined;
    },

    /**
     * Replaces the client-settable fields of `before` with those of `after` if the stored version is
     * still `before.version`; moves the uniqueness guards that changed and writes the history entry
     * in the same transaction.
     */
    async update(before: Group, after: Group, history: HistoryEntry, extra: ExtraPut[] = []): Promise<void> {
      const old = guards(before);
      const next = guards(after);
      const changed = next.filter((g) => !old.some((o) => o.kind === g.kind && o.value === g.value));
      const released = old.filter((o) => !next.some((g) => g.kind === o.kind && g.value === o.value));
      const settable = [
        'name',
        'description',
        'type',
        'status',
        'external_id',
        'legacy_id',
        'user_limit',
        'notification_emails',
        'tags',
        'learning_modules',
        'ruleset',
        'rule_version',
      ] as const;
      const item = toItem(after);
      const sets = [...settable, 'name_lower', 'description_lower', 'GSI1SK', 'modified'] as const;
      const outcome = await transact(db, [
        {
          Update: {
            TableName: tableName,
            Key: keys.group(before.group_uuid),
            ConditionExpression: 'attribute_exists(PK) AND version = :expected',
            UpdateExpression: `SET ${sets.map((f) => `#${f} = :${f}`).join(', ')} ADD version :one`,
            ExpressionAttributeNames: Object.fromEntries(sets.map((f) => [`#${f}`, f])),
            ExpressionAttributeValues: {
              ...Object.fromEntries(sets.map((f) => [`:${f}`, item[f]])),
              ':expected': before.version,
              ':one': 1,
            },
          },
        },
        ...changed.map((g) => guardPut(after, g)),
        ...released.map((g) => guardDelete(before, g)),
        historyPut(tableName, history),
        ...extra,
      ]);
      if (outcome.ok) return;
      if (outcome.failed[0] === 0)
        throw new PreconditionFailedError(`Group ${before.group_uuid} changed since version ${before.version}`);
      throw conflictFor(changed, (outcome.failed[0] ?? 1) - 1) ?? new ConflictError('conflict', 'Conflicting change');
    },

    /**
     * Deletes the group and frees its name and ids at once, recording `group_deleted` in the same
     * transaction; memberships are cleaned up afterwards, the history stays.
     */
    async delete(group: Group, history: HistoryEntry, expectedVersion?: number): Promise<void> {
      const outcome = await transact(db, [
        {
          Delete: {
            TableName: tableName,
            Key: keys.group(group.group_uuid),
            ConditionExpression:
              expectedVersion === undefined ? 'attribute_exists(PK)' : 'attribute_exists(PK) AND version = :v',
            ExpressionAttributeValues: expectedVersion === undefined ? undefined : { ':v': expectedVersion },
          },
        },
        ...guards(group).map((g) => guardDelete(group, g)),
        historyPut(tableName, history),
        ...registryDelete(group),
      ]);
      if (outcome.ok) return;
      const current = await this.get(group.group_uuid);
      if (!current) throw groupNotFound(group.group_uuid);
      throw new PreconditionFailedError(
        `Group ${group.group_uuid} is at version ${current.version}, not ${expectedVersion}`,
      );
    },

    async list(q: GroupListQuery): Promise<Page<Group> & { count: number }> {
      const byName = q.sortBy === 'name';
      const index = byName ? 'GSI1' : 'GSI2';
      const pk = byName ? 'GSI1PK' : 'GSI2PK';
      const { filter, values, names } = filterOf(q);
      const shared = {
        index,
        keyCondition: `${pk} = :pk`,
        filter,
        names,
        values: { ...values, ':pk': keys.tenantGroupsPartition(q.tenant) },
      } as const;
      const [page, count] = await Promise.all([
        queryPage(db, tableName, {
          ...shared,
          partition: { name: pk, value: keys.tenantGroupsPartition(q.tenant) },
          pageSize: q.pageSize,
          cursor: q.cursor,
          ...(q.sortDir === 'desc' ? { descending: true } : {}),
        }),
        queryCount(db, tableName, shared),
      ]);
      return { ...page, items: page.items.map(toGroup), count };
    },

    /**
     * Every group of a tenant that passes the filters, up to `max + 1` (so the caller knows when there
     * are more): one Query of the tenant's group partition, for sorts no index serves.
     */
    async listAll(tenant: string, q: GroupFilters, max: number): Promise<Group[]> {
      const { filter, values, names } = filterOf(q);
      const out: Group[] = [];
      for await (const items of queryPages(db, {
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: filter,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':pk': keys.tenantGroupsPartition(tenant) },
      })) {
        out.push(...items.map(toGroup));
        if (out.length > max) break;
      }
      return out.slice(0, max + 1);
    },

    /**
     * The automatic groups of every tenant (or of one), page by page in registry order: one Query of
     * the registry partition (keys.automaticGroup), never a Scan. Includes paused and inactive groups;
     * the caller reads the groups to decide.
     */
    async *automaticGroupPages(tenant?: string): AsyncGenerator<AutomaticGroupRef[]> {
      const values: Record<string, string> = { ':pk': keys.automaticGroupsPartition };
      if (tenant) values[':prefix'] = keys.automaticGroupsOfTenant(tenant);
      for await (const items of queryPages(db, {
        TableName: tableName,
        KeyConditionExpression: tenant ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
        ExpressionAttributeValues: values,
        ProjectionExpression: 'group_uuid, enterprise_customer_uuid',
      })) {
        yield items.map((i) => ({
          group_uuid: String(i.group_uuid),
          enterprise_customer_uuid: String(i.enterprise_customer_uuid),
        }));
      }
    },

    /**
     * Starts a recalculation run: moves `rule_generation` from `expected` to `expected + 1` (only if
     * no other run moved it first and its rules are not paused) and marks the run `running` under
     * `jobId`. Each run thus owns one generation, and every rule write of an older one is refused.
     * With `tick` (a scheduled run), it also claims that tick: only if no run of this tick or a later
     * one started before, so a redelivered or repeated tick never starts a second run.
     */
    async beginRuleRun(groupUuid: string, expected: number, jobId: string, tick?: string): Promise<boolean> {
      const claim = tick
        ? ' AND (attribute_not_exists(rule_processing.scheduled_tick) OR rule_processing.scheduled_tick < :tick)'
        : '';
      return conditional({
        Key: keys.group(groupUuid),
        ConditionExpression:
          'attribute_exists(PK) AND (rule_generation = :expected OR attribute_not_exists(rule_generation))' +
          ' AND rule_processing.#state <> :paused' +
          claim,
        UpdateExpression:
          'SET rule_generation = :next, rule_processing.#status = :running, rule_processing.job_id = :job, rule_processing.#error = :null' +
          (tick ? ', rule_processing.scheduled_tick = :tick' : ''),
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error', '#state': 'state' },
        ExpressionAttributeValues: {
          ':expected': expected,
          ':next': expected + 1,
          ':running': 'running',
          ':job': jobId,
          ':null': null,
          ':paused': 'paused',
          ...(tick && { ':tick': tick }),
        },
      });
    },

    /** Ends the run of `generation` (a superseded run changes nothing). */
    async endRuleRun(
      groupUuid: string,
      generation: number,
      outcome: Pick<RuleProcessing, 'status' | 'error' | 'last_membership_update'>,
    ): Promise<boolean> {
      return conditional({
        Key: keys.group(groupUuid),
        ConditionExpression: 'rule_generation = :gen',
        UpdateExpression:
          'SET rule_processing.#status = :status, rule_processing.#error = :error, rule_processing.last_membership_update = :at',
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: {
          ':gen': generation,
          ':status': outcome.status,
          ':error': outcome.error,
          ':at': outcome.last_membership_update,
        },
      });
    },

    /**
     * Ends the run of `generation` that job `jobId` drives as `aborted` with the reason, if it is still
     * running: a superseded run, or one already ended, changes nothing (so it can be repeated).
     */
    async abortRuleRun(groupUuid: string, generation: number, jobId: string, reason: string, at: string) {
      return conditional({
        Key: keys.group(groupUuid),
        ConditionExpression:
          'rule_generation = :gen AND rule_processing.job_id = :job AND rule_processing.#status = :running',
        UpdateExpression:
          'SET rule_processing.#status = :aborted, rule_processing.#error = :reason, rule_processing.last_membership_update = :at',
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: {
          ':gen': generation,
          ':job': jobId,
          ':running': 'running',
          ':aborted': 'aborted',
          ':reason': reason,
          ':at': at,
        },
      });
    },

    /** The admin's switch: `paused` stops new runs and incremental changes. */
    async setRuleState(groupUuid: string, state: RuleProcessing['state']): Promise<boolean> {
      return conditional({
        Key: keys.group(groupUuid),
        ConditionExpression: 'attribute_exists(rule_processing)',
        UpdateExpression: 'SET rule_processing.#state = :state',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':state': state },
      });
    },
  };

  async function conditional(update: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>) {
    try {
      await db.send(new UpdateCommand({ TableName: tableName, ...update }));
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}

export type GroupRepository = ReturnType<typeof makeGroupRepository>;
