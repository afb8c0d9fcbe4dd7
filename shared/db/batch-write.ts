import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { backoff } from '#shared/db/backoff';
import { UnavailableError } from '#shared/errors';

type WriteRequest =
  { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

const MAX_ATTEMPTS = 10;

/**
 * Writes every request, 25 per call, and re-sends UnprocessedItems with exponential backoff and
 * jitter (DynamoDB returns them under throttling). Throws UnavailableError if some are still
 * unprocessed after the last attempt: never reports a partial write as done.
 */
export async function batchWriteAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  requests: WriteRequest[],
): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: WriteRequest[] = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === MAX_ATTEMPTS)
        throw new UnavailableError(
          `BatchWriteItem left ${pending.length} items unprocessed after ${MAX_ATTEMPTS} attempts; retry shortly`,
        );
      if (attempt > 0) await backoff(attempt, { baseMs: 25, capMs: 2000 });
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
}
