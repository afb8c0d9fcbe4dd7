import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { RateLimitedError } from '#shared/errors';
import type { ThrottleRepository } from './throttle-repository';
import { type BucketLimits, takeToken } from './token-bucket';

const ATTEMPTS = 5;

/**
 * Spends one token of the caller's bucket for `scope`, or refuses with the seconds to wait
 * (`rate_limited`, 429 with Retry-After). Lost races re-read the bucket; a caller that keeps
 * racing itself is told to retry in a second rather than let through.
 */
export const makeThrottleCaller =
  (buckets: Pick<ThrottleRepository, 'get' | 'put'>, clock: Clock, scope: string, limits: BucketLimits) =>
  async (caller: Caller): Promise<void> => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const stored = await buckets.get(scope, caller.sub);
      const decision = takeToken(stored?.state, Date.parse(clock.now()), limits);
      if (!decision.ok) throw new RateLimitedError(decision.retryAfterSeconds);
      if (await buckets.put(scope, caller.sub, decision.next, stored?.seq)) return;
    }
    throw new RateLimitedError(1);
  };
