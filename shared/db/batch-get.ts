import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Key = Record<string, unknown>;

/** Reads every key (100 per call), following UnprocessedKeys until none are left. Order is not kept. */
export async function batchGetAll(db: DynamoDBDocumentClient, tableName: string, requested: Key[]) {
  // BatchGetItem refuses a request that names one key twice.
  const keyList = [...new Map(requested.map((k) => [JSON.stringify(k), k])).values()];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Key[]; ConsistentRead: boolean }> | undefined = {
      [tableName]: { Keys: keyList.slice(i, i + 100), ConsistentRead: true },
    };
    while (request?.[tableName]) {
      const out = await db.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(out.Responses?.[tableName] ?? []));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return items;
}
