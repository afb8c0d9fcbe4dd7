/** How long a delivery is retried, from its first attempt, before it is dead-lettered. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The first retry's ceiling; each later attempt doubles it up to the cap. */
const BASE_SECONDS = 2;

/**
 * Seconds before the next attempt after `attempts` failed ones: full jitter (a uniform wait in
 * (0, min(cap, base·2^(attempts−1))]), so receivers that come back are not hit by every sender in step.
 * At least one second.
 */
export function retryDelaySeconds(attempts: number, capSeconds: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capSeconds, BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
  return Math.max(1, Math.ceil(random() * ceiling));
}

/** Whether a delivery first attempted at `firstAttemptAt` is past its retries at `now`. */
export const pastRetryWindow = (firstAttemptAt: string, now: string) =>
  Date.parse(now) - Date.parse(firstAttemptAt) >= RETRY_WINDOW_MS;
