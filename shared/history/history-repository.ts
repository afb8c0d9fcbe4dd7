import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import { type Page, queryCount, queryPage, queryPages } from '#shared/db/paging';
import * as z from 'zod';
import { once } from '#shared/once';
import { HISTORY_ACTIONS, type HistoryEntry, type MemberChange } from './history-entry';

const ENTITY = 'history';

/** The item of an entry; repositories put it inside the transaction of the change it records. */
export const toHistoryItem = (e: HistoryEntry) => ({
  ...keys.groupHistory(e.group_uuid, e.at, e.history_id),
  entity: ENTITY,
  ...e,
});

/**
 * The Put of an entry, for a TransactWriteItems. It never overwrites an entry: should two changes
 * ever get the same key (same instant, same first membership), the second transaction is cancelled
 * and re-planned rather than replace the first one's record.
 */
export const historyPut = (tableName: string, e: HistoryEntry) => ({
  Put: { TableName: tableName, Item: toHistoryItem(e), ConditionExpression: 'attribute_not_exists(PK)' },
});

/**
 * A stored entry as the service reads it: each field checked for its type, in the order answers list
 * them; attributes beyond the entry's own are kept, as the answer's schema allows them.
 */
const historyItem = /* @__PURE__ */ once(() => {
  // The changes and member changes were built by the entry builders and are kept as written.
  const written = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);
  return z.looseObject({
    history_id: z.string(),
    group_uuid: z.string(),
    enterprise_customer_uuid: z.string(),
    actor: z.string(),
    at: z.string(),
    action: z.enum(HISTORY_ACTIONS),
    op_id: z.string().nullable(),
    changes: z.record(z.string(), written<{ before: unknown; after: unknown }>()).optional(),
    member_count_delta: z.number().optional(),
    members: z.array(written<MemberChange>()).optional(),
  });
});

const toEntry = (item: Record<string, unknown>): HistoryEntry => {
  const { PK: _pk, SK: _sk, entity: _entity, ...entry } = item;
  return historyItem().parse(entry);
};

export function makeHistoryRepository(db: DynamoDBDocumentClient, tableName: string) {
  const partition = (groupUuid: string) => keys.groupHistoryPartition(groupUuid);
  return {
    /** A page of a group's history, newest first, with the exact number of entries. */
    async list(groupUuid: string, pageSize: number, cursor?: string): Promise<Page<HistoryEntry> & { count: number }> {
      const shared = { index: 'table', keyCondition: 'PK = :pk', values: { ':pk': partition(groupUuid) } } as const;
      const [page, count] = await Promise.all([
        queryPage(db, tableName, {
          ...shared,
          partition: { name: 'PK', value: partition(groupUuid) },
          pageSize,
          cursor,
          descending: true,
        }),
        queryCount(db, tableName, shared),
      ]);
      return { ...page, items: page.items.map(toEntry), count };
    },

    /**
     * The membership entries of a group written by one job's operations (op ids `<job_id>#…`) between
     * two instants, oldest first: one Query of that span of the group's history.
     */
    async *entriesOfJob(
      groupUuid: string,
      jobId: string,
      fromIso: string,
      toIso: string,
    ): AsyncGenerator<HistoryEntry> {
      const input = {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        FilterExpression: 'begins_with(op_id, :op)',
        ExpressionAttributeValues: {
          ':pk': partition(groupUuid),
          ':from': keys.groupHistory(groupUuid, fromIso, '').SK,
          ':to': keys.groupHistory(groupUuid, toIso, '~').SK,
          ':op': `${jobId}#`,
        },
      };
      for await (const items of queryPages(db, input)) for (const item of items) yield toEntry(item);
    },

    /** The newest entry: it names the tenant of a group that no longer exists. */
    async newest(groupUuid: string): Promise<HistoryEntry | undefined> {
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': partition(groupUuid) },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const item = out.Items?.[0];
      return item ? toEntry(item) : undefined;
    },
  };
}

export type HistoryRepository = ReturnType<typeof makeHistoryRepository>;
