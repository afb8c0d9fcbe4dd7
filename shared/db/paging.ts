import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '#shared/errors';
import { type IndexName, indexKeyAttributes } from './keys';
import { type CursorScope, decodeCursor, encodeCursor as encode, type Key } from './page-cursor';

type Item = Record<string, unknown>;

export interface Page<T> {
  items: T[];
  /** Cursor of the next page, or null at the end. */
  next: string | null;
  /** Cursor of the previous page: null on the first page, '' for "the first page again". */
  previous: string | null;
}

export interface PageQuery extends CursorScope {
  keyCondition: string;
  filter?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  pageSize: number;
  cursor?: string | undefined;
  /** Read the index from its end (newest or Z first). */
  descending?: boolean;
}

/** DynamoDB refusing an ExclusiveStartKey (the messages of AWS and of DynamoDB Local). */
const refusesStartKey = (error: unknown) =>
  error instanceof Error && error.name === 'ValidationException' && /start(ing)? key/i.test(error.message);

function keyOf(item: Item, index: IndexName): Key {
  return Object.fromEntries(indexKeyAttributes[index].map((name) => [name, String(item[name])]));
}

/** The Query a PageQuery describes, from `startKey`. */
const queryOf = (
  tableName: string,
  q: Pick<PageQuery, 'index' | 'keyCondition' | 'filter' | 'names' | 'values'>,
  startKey: Record<string, unknown> | undefined,
): QueryCommandInput => ({
  TableName: tableName,
  IndexName: q.index === 'table' ? undefined : q.index,
  KeyConditionExpression: q.keyCondition,
  FilterExpression: q.filter,
  ExpressionAttributeNames: q.names,
  ExpressionAttributeValues: q.values,
  ExclusiveStartKey: startKey,
});

/**
 * One page of a Query, filled up to `pageSize` even when a filter drops items, in either direction.
 * Going backwards reads the index in reverse from the cursor and flips the result.
 */
export async function queryPage(db: DynamoDBDocumentClient, tableName: string, q: PageQuery): Promise<Page<Item>> {
  // A begins_with listing without its prefix would let a cursor start outside it: a bug, not input.
  if (q.keyCondition.includes('begins_with') !== (q.sortKeyPrefix !== undefined))
    throw new Error('queryPage: give sortKeyPrefix exactly when the key condition uses begins_with');
  const cursor = q.cursor ? decodeCursor(q.cursor, q) : {};
  const backwards = cursor.b !== undefined;
  const items: Item[] = [];
  const fromClient: Key | undefined = cursor.a ?? cursor.b;
  let startKey = fromClient;
  let more = true;
  while (items.length < q.pageSize && more) {
    const input: QueryCommandInput = {
      ...queryOf(tableName, q, startKey),
      ScanIndexForward: backwards === Boolean(q.descending),
      Limit: q.pageSize - items.length + (q.filter ? 25 : 0),
    };
    const out = await db.send(new QueryCommand(input)).catch((error: unknown) => {
      // Defence in depth: a start key that passed decodeCursor and is still refused is the client's.
      if (startKey !== undefined && startKey === fromClient && refusesStartKey(error)) throw new InvalidCursorError();
      throw error;
    });
    for (const item of out.Items ?? []) {
      if (items.length === q.pageSize) break;
      items.push(item);
    }
    const lastTaken = items.at(-1);
    const readAll = (out.Items ?? []).length === 0 || lastTaken === out.Items?.at(-1);
    more = readAll ? out.LastEvaluatedKey !== undefined : true;
    startKey = readAll ? (out.LastEvaluatedKey as Key | undefined) : lastTaken && keyOf(lastTaken, q.index);
  }
  if (backwards) items.reverse();
  const first = items[0];
  const last = items.at(-1);
  const hasAfter = backwards ? true : more;
  const hasBefore = backwards ? more : cursor.a !== undefined;
  return {
    items,
    next: hasAfter && last ? encode({ a: keyOf(last, q.index) }) : null,
    previous: hasBefore && first ? encode({ b: keyOf(first, q.index) }) : null,
  };
}

/** How many items a Query would return, reading only keys (Select COUNT), across every page. */
export async function queryCount(
  db: DynamoDBDocumentClient,
  tableName: string,
  q: Omit<PageQuery, 'pageSize' | 'cursor' | 'partition' | 'descending'>,
): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new QueryCommand({ ...queryOf(tableName, q, startKey), Select: 'COUNT' }));
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/**
 * Every page of a Query, following LastEvaluatedKey. Stop early by breaking out of the loop; the
 * caller decides when it has read enough.
 */
export async function* queryPages(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): AsyncGenerator<Record<string, unknown>[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    yield page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/**
 * The pages of a Query until `maxRead` items were read (filtered ones included, as a filter drops
 * them only after the read); `complete` when the partition ended within that budget.
 */
export async function queryWithinBudget(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>,
  maxRead: number,
): Promise<{ pages: { items: Item[]; count: number }[]; complete: boolean }> {
  const pages: { items: Item[]; count: number }[] = [];
  let read = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    // No Limit for an unbounded read.
    const left = maxRead - read;
    const out = await db.send(
      new QueryCommand({ ...input, ExclusiveStartKey: startKey, Limit: Number.isFinite(left) ? left : undefined }),
    );
    pages.push({ items: out.Items ?? [], count: out.Count ?? 0 });
    read += out.ScannedCount ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey && read < maxRead);
  return { pages, complete: startKey === undefined };
}
