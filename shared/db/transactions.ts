import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Outcome of a transaction: done, or the positions whose condition failed. */
export type TransactOutcome = { ok: true } | { ok: false; failed: number[] };

const CONFLICT_RETRIES = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one TransactWriteItems. Failed conditions come back as positions so the caller can decide
 * (name taken, already a member, group gone); conflicts with another transaction are retried with jitter.
 */
export async function transact(db: DynamoDBDocumentClient, items: TransactItems): Promise<TransactOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
      if (failed.length > 0) return { ok: false, failed };
      const retriable = reasons.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError');
      if (!retriable || attempt >= CONFLICT_RETRIES) throw error;
      await sleep(20 * 2 ** attempt * Math.random());
    }
  }
}
