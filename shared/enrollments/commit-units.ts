import { type EnrollmentWrite, participantDeltas } from './enrollment-change';
import type { EnrollmentRepository } from './enrollment-repository';

/** DynamoDB's TransactWriteItems limit. */
export const MAX_TRANSACTION_ITEMS = 100;
/** Rounds of read-plan-commit before an identifier is reported as having kept changing. */
export const MAX_ROUNDS = 12;

/** Writes that must commit together (an e-mail's allowance moving to its learner is two). */
export interface Unit {
  writes: EnrollmentWrite[];
}

/** Items one unit adds to a transaction, counting a counter update for every batch it may touch. */
const itemsOf = (unit: Unit) =>
  unit.writes.reduce((n, w) => n + 1 + (w.audit ? 1 : 0), 0) + participantDeltas(unit.writes).size;

/**
 * Commits units in transactions of up to 100 items: enrollments, their audit entries and the
 * `participant_count` moves of the batches they touch. A transaction is all or nothing, so a
 * cancelled one sends its units back to be re-read and re-planned; nothing counts twice. With
 * `untilCancelled` the first cancelled transaction stops the commit (a guess that proved wrong).
 */
export async function commitUnits<U extends Unit>(
  enrollments: Pick<EnrollmentRepository, 'commit'>,
  units: U[],
  { untilCancelled = false }: { untilCancelled?: boolean } = {},
): Promise<{ done: U[]; retry: U[] }> {
  const done: U[] = [];
  const retry: U[] = [];
  const groups: U[][] = [];
  let current: U[] = [];
  let size = 0;
  for (const unit of units) {
    const n = itemsOf(unit);
    if (current.length > 0 && size + n > MAX_TRANSACTION_ITEMS) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(unit);
    size += n;
  }
  if (current.length > 0) groups.push(current);
  for (const [n, group] of groups.entries()) {
    const outcome = await enrollments.commit(group.flatMap((u) => u.writes));
    (outcome.ok ? done : retry).push(...group);
    // With `untilCancelled`, the units after a cancelled transaction go back unsent with it.
    if (!outcome.ok && untilCancelled) {
      retry.push(...groups.slice(n + 1).flat());
      break;
    }
  }
  return { done, retry };
}
