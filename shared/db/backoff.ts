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
