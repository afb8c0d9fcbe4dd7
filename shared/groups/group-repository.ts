import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { keys, type UniqueKind } from '#shared/db/keys';
import { type Page, queryCount, queryPage, queryPages } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { ConflictError, groupNotFound, PreconditionFailedError } from '#shared/errors';
import type { HistoryEntry } from '#shared/history/history-entry';
import { historyPut } from '#shared/history/history-repository';
import { type RulesetVersion, rulesetVersionPut } from '#shared/rules/ruleset-history-repository';
import type { Group, RuleProcessing } from './group';
import {
  fieldOf,
  filterOf,
  groupDelete,
  groupPut,
  groupUpdate,
  type GroupFilters,
  type GroupListQuery,
  guardDelete,
  guardPut,
  guards,
  registryDelete,
  registryPut,
  mayHaveHomeMembers,
  toGroup,
  type AutomaticGroupRef,
} from './group-items';
import {
  abortRuleRunUpdate,
  beginRuleRunUpdate,
  endRuleRunUpdate,
  type GroupUpdate,
  ruleStateUpdate,
} from './rule-run-items';
import { writtenIf } from '#shared/db/conditional-write';

/** A transaction item written together with a group's create or update (e.g. a ruleset version). */

export type { AutomaticGroupRef, GroupFilters, GroupListQuery } from './group-items';
export { toGroup } from './group-items';

export function makeGroupRepository(db: DynamoDBDocumentClient, tableName: string) {
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

  /** The group, and whether a member may have it as home group (see `mayHaveHomeMembers`). */
  async function getWithHomes(groupUuid: string): Promise<{ group: Group; homeMembers: boolean } | undefined> {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.group(groupUuid), ConsistentRead: true }),
    );
    return out.Item ? { group: toGroup(out.Item), homeMembers: mayHaveHomeMembers(out.Item) } : undefined;
  }

  const get = async (groupUuid: string): Promise<Group | undefined> => (await getWithHomes(groupUuid))?.group;

  return {
    /**
     * Writes the group, its uniqueness guards, its `group_created` history entry and the first version
     * of its conditions (an automatic group with a ruleset) together.
     */
    async create(group: Group, history: HistoryEntry, rulesetVersion?: RulesetVersion): Promise<void> {
      const owned = guards(group);
      const outcome = await transact(db, [
        groupPut(tableName, group),
        ...owned.map((g) => guardPut(tableName, group, g)),
        historyPut(tableName, history),
        ...(rulesetVersion ? [rulesetVersionPut(tableName, rulesetVersion)] : []),
        ...registryPut(tableName, group),
      ]);
      if (!outcome.ok)
        throw conflictFor(owned, (outcome.failed[0] ?? 1) - 1) ?? new ConflictError('group_exists', 'Group exists');
    },

    get,

    getWithHomes,

    async getMany(groupUuids: string[]): Promise<Map<string, Group>> {
      const items = await batchGetAll(db, tableName, groupUuids.map(keys.group));
      return new Map(items.map((item) => [String(item.group_uuid), toGroup(item)]));
    },

    /** The group that owns a unique value (external or legacy id) in a tenant. */
    async findByUnique(tenant: string, kind: UniqueKind, value: string): Promise<Group | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.unique(tenant, kind, value), ConsistentRead: true }),
      );
      return out.Item ? get(String(out.Item.group_uuid)) : undefined;
    },

    /**
     * Replaces the client-settable fields of `before` with those of `after` if the stored version is
     * still `before.version`; moves the uniqueness guards that changed and writes the history entry
     * (and the new version of its conditions, when the ruleset changed) in the same transaction.
     */
    async update(before: Group, after: Group, history: HistoryEntry, rulesetVersion?: RulesetVersion): Promise<void> {
      const old = guards(before);
      const next = guards(after);
      const changed = next.filter((g) => !old.some((o) => o.kind === g.kind && o.value === g.value));
      const released = old.filter((o) => !next.some((g) => g.kind === o.kind && g.value === o.value));
      const outcome = await transact(db, [
        groupUpdate(tableName, after, before.version),
        ...changed.map((g) => guardPut(tableName, after, g)),
        ...released.map((g) => guardDelete(tableName, before, g)),
        historyPut(tableName, history),
        ...(rulesetVersion ? [rulesetVersionPut(tableName, rulesetVersion)] : []),
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
        groupDelete(tableName, group.group_uuid, expectedVersion),
        ...guards(group).map((g) => guardDelete(tableName, group, g)),
        historyPut(tableName, history),
        ...registryDelete(tableName, group),
      ]);
      if (outcome.ok) return;
      const current = await get(group.group_uuid);
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
      return conditional(beginRuleRunUpdate(groupUuid, expected, jobId, tick));
    },

    /** Ends the run of `generation` (a superseded run changes nothing). */
    async endRuleRun(
      groupUuid: string,
      generation: number,
      outcome: Pick<RuleProcessing, 'status' | 'error' | 'last_membership_update'>,
    ): Promise<boolean> {
      return conditional(endRuleRunUpdate(groupUuid, generation, outcome));
    },

    /**
     * Ends the run of `generation` that job `jobId` drives as `aborted` with the reason, if it is still
     * running: a superseded run, or one already ended, changes nothing (so it can be repeated).
     */
    async abortRuleRun(groupUuid: string, generation: number, jobId: string, reason: string, at: string) {
      return conditional(abortRuleRunUpdate(groupUuid, generation, jobId, reason, at));
    },

    /** The admin's switch: `paused` stops new runs and incremental changes. */
    async setRuleState(groupUuid: string, state: RuleProcessing['state']): Promise<boolean> {
      return conditional(ruleStateUpdate(groupUuid, state));
    },
  };

  function conditional(update: GroupUpdate) {
    return writtenIf(db.send(new UpdateCommand({ TableName: tableName, ...update })));
  }
}

export type GroupRepository = ReturnType<typeof makeGroupRepository>;
