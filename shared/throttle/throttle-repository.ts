import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import { type BucketLimits, intervalMs, latestAdmittingTat, retryAfterSeconds } from './gcra';

const ATTEMPTS = 5;

/** A spent token, or the whole seconds until the bucket has one again. */
export type Spent = { ok: true } | { ok: false; retryAfterSeconds: number };

/** `tat` of the item a failed condition reports (raw attribute values: the document client does not unmarshal errors). */
function reportedTat(error: ConditionalCheckFailedException): number | undefined | 'unknown' {
  if (!error.Item) return 'unknown';
  const tat = error.Item.tat as { N?: string } | undefined;
  return tat?.N === undefined ? undefined : Number(tat.N);
}

/**
 * Token buckets kept as GCRA arrival times (see gcra.ts), one item per scope and subject. A call in a
 * bucket that is in use costs one conditional write: `tat = tat + interval` if `now <= tat <= bound`.
 * Only an idle (or new) bucket takes a second write, resetting `tat` to `now + interval` on condition
 * that it is still idle, so racing calls can never both spend the same token. Refused calls write
 * nothing. Items expire (TTL) once their bucket is full again.
 */
export function makeThrottleRepository(db: DynamoDBDocumentClient, tableName: string) {
  const expiresAt = (tatMs: number, limits: BucketLimits) =>
    Math.ceil((tatMs + limits.capacity * intervalMs(limits)) / 1000);

  async function storedTat(scope: string, subject: string): Promise<number | undefined> {
    const out = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.throttle(scope, subject), ConsistentRead: true }),
    );
    return out.Item ? Number(out.Item.tat) : undefined;
  }

  /** One token spent from a bucket in use (`now <= tat <= bound`), or the `tat` that refused it. */
  async function spendInWindow(scope: string, subject: string, nowMs: number, limits: BucketLimits) {
    const interval = intervalMs(limits);
    const bound = latestAdmittingTat(nowMs, limits);
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.throttle(scope, subject),
          UpdateExpression: 'SET tat = tat + :interval, expires_at = :expires',
          ConditionExpression: 'tat BETWEEN :now AND :bound',
          ExpressionAttributeValues: {
            ':interval': interval,
            ':now': nowMs,
            ':bound': bound,
            ':expires': expiresAt(bound + interval, limits),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { spent: true as const };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const reported = reportedTat(error);
      return { spent: false as const, tat: reported === 'unknown' ? await storedTat(scope, subject) : reported };
    }
  }

  /** Restarts an idle (or new) bucket with this call's token, only while it is still idle. */
  async function restartIdle(scope: string, subject: string, nowMs: number, limits: BucketLimits): Promise<boolean> {
    const tat = nowMs + intervalMs(limits);
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.throttle(scope, subject), entity: 'throttle', tat, expires_at: expiresAt(tat, limits) },
          ConditionExpression: 'attribute_not_exists(PK) OR tat < :now',
          ExpressionAttributeValues: { ':now': nowMs },
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return false;
    }
  }

  return {
    async spend(scope: string, subject: string, nowMs: number, limits: BucketLimits): Promise<Spent> {
      const bound = latestAdmittingTat(nowMs, limits);
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const inWindow = await spendInWindow(scope, subject, nowMs, limits);
        if (inWindow.spent) return { ok: true };
        const { tat } = inWindow;
        if (tat !== undefined && tat > bound)
          return { ok: false, retryAfterSeconds: retryAfterSeconds(tat, nowMs, limits) };
        if (tat !== undefined && tat >= nowMs) continue; // moved into the window meanwhile: spend it there
        if (await restartIdle(scope, subject, nowMs, limits)) return { ok: true };
      }
      // A caller that keeps racing itself is told to retry in a second rather than let through.
      return { ok: false, retryAfterSeconds: 1 };
    },
  };
}

export type ThrottleRepository = ReturnType<typeof makeThrottleRepository>;
