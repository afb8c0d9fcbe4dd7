/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Full-jitter exponential backoff (a random wait in [0, min(cap, base·2^attempt))), the schedule AWS
 * recommends for writers that compete for the same items: it spreads them out instead of letting them
 * collide again in step.
 */
export const backoff = (attempt: number, { baseMs, capMs }: { baseMs: number; capMs: number }) =>
  sleep(Math.random() * Math.min(capMs, baseMs * 2 ** attempt));

/**
 * The pause before a read-plan-commit round that re-plans what another writer changed under the
 * previous one: none before the first round, then a jittered wait that grows to a quarter second,
 * so concurrent writers of one group stop re-reading in lock step.
 */
export const beforeRound = (round: number) =>
  round === 0 ? Promise.resolve() : backoff(round, { baseMs: 10, capMs: 250 });

/**
 * Round `round` of a read-plan-commit loop whose first round may be a guess (committed without
 * reading, each write conditioned on the item's absence): `guess` for that first round, and how many
 * retries after a concurrent writer the round is. The round after a guess is a first reading, not a
 * retry: it neither waits nor counts against the loop's limit.
 */
export const roundOf = (round: number, guessing: boolean) => ({
  guess: guessing && round === 0,
  retries: guessing ? Math.max(0, round - 1) : round,
});
