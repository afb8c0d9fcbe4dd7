import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { backoff } from '#shared/db/backoff';
import { UnavailableError } from '#shared/errors';

type Key = Record<string, unknown>;

const MAX_ATTEMPTS = 10;

/**
 * Reads every key (100 per call), re-asking for the UnprocessedKeys DynamoDB hands back under
 * throttling with exponential backoff and jitter; still unprocessed after the last attempt, it
 * fails with UnavailableError rather than return a partial answer. Order is not kept.
 */
export async function batchGetAll(db: DynamoDBDocumentClient, tableName: string, requested: Key[]) {
  // BatchGetItem refuses a request that names one key twice.
  const keyList = [...new Map(requested.map((k) => [JSON.stringify(k), k])).values()];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Key[]; ConsistentRead: boolean }> | undefined = {
      [tableName]: { Keys: keyList.slice(i, i + 100), ConsistentRead: true },
    };
    for (let attempt = 0; request?.[tableName]?.Keys.length; attempt++) {
      if (attempt === MAX_ATTEMPTS)
        throw new UnavailableError(`DynamoDB left ${request[tableName].Keys.length} keys unprocessed; retry shortly`);
      if (attempt > 0) await backoff(attempt, { baseMs: 25, capMs: 2000 });
      const out = await db.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(out.Responses?.[tableName] ?? []));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return items;
}
