/** A per-caller allowance: `capacity` requests at once, refilled continuously at `refillPerSecond`. */
export interface BucketLimits {
  capacity: number;
  refillPerSecond: number;
}

export interface BucketState {
  tokens: number;
  updatedMs: number;
}

export type TakeDecision = { ok: true; next: BucketState } | { ok: false; retryAfterSeconds: number };

/**
 * Token bucket: a missing bucket is full; tokens refill with the time elapsed, up to the capacity;
 * a call takes `cost` tokens or is refused with the whole seconds until that many are back.
 * A clock that went backwards refills nothing.
 */
export function takeToken(state: BucketState | undefined, nowMs: number, limits: BucketLimits, cost = 1): TakeDecision {
  const elapsed = state ? Math.max(0, nowMs - state.updatedMs) / 1000 : 0;
  const tokens = state ? Math.min(limits.capacity, state.tokens + elapsed * limits.refillPerSecond) : limits.capacity;
  if (tokens >= cost)
    return { ok: true, next: { tokens: tokens - cost, updatedMs: Math.max(nowMs, state?.updatedMs ?? 0) } };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / limits.refillPerSecond)) };
}
