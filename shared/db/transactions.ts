import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { backoff } from '#shared/db/backoff';
import { ConflictError, UnavailableError } from '#shared/errors';
import { timeLeftMs } from '#shared/invocation-deadline';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Outcome of a transaction: done, or the positions whose condition failed. */
export type TransactOutcome = { ok: true } | { ok: false; failed: number[] };

/**
 * Retries of a transaction cancelled by a conflict or throttling. Every membership transaction of a
 * group moves its counter item, so concurrent writers of one group conflict on it: full jitter on an
 * exponential backoff capped at a second spreads them out. How many retries 20 writers need depends
 * on how long each transaction holds the item, so the budget is a time rather than a count that a
 * slower engine outlasts: CONFLICT_BUDGET_MS, and never past ANSWER_MARGIN_MS before the invocation's
 * end, so that a function whose timeout is shorter (an HTTP one has 10 s) still answers the 409
 * instead of timing out.
 */
const CONFLICT_BUDGET_MS = 10_000;
const ANSWER_MARGIN_MS = 1_500;
const BACKOFF_CAP_MS = 1000;

/**
 * Runs one TransactWriteItems. Failed conditions come back as positions so the caller can decide
 * (name taken, already a member, group gone); conflicts with another transaction (and throttled
 * items) are retried with jitter. When they outlast the retries nothing was written, and the error
 * says so in domain terms: `concurrent_modification` (409) or `temporarily_unavailable` (503).
 */
export async function transact(db: DynamoDBDocumentClient, items: TransactItems): Promise<TransactOutcome> {
  const started = Date.now();
  const giveUpAt = started + Math.min(CONFLICT_BUDGET_MS, timeLeftMs() - ANSWER_MARGIN_MS);
  for (let attempt = 0; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
      if (failed.length > 0) return { ok: false, failed };
      const conflict = reasons.some((r) => r.Code === 'TransactionConflict');
      const throttled = reasons.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded');
      if (!conflict && !throttled) throw error;
      if (Date.now() >= giveUpAt) {
        if (conflict)
          throw new ConflictError('concurrent_modification', 'Other writers kept changing the same items; retry');
        throw new UnavailableError('The database is over capacity right now; retry shortly');
      }
      await backoff(attempt, { baseMs: 20, capMs: BACKOFF_CAP_MS });
    }
  }
}
