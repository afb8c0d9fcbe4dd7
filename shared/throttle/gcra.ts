/** An allowance: `capacity` requests at once, refilled continuously at `refillPerSecond`. */
export interface BucketLimits {
  capacity: number;
  refillPerSecond: number;
}

/**
 * A token bucket kept as one number, its theoretical arrival time (GCRA): `tat` is when the bucket
 * would be full again. A call at `now` is admitted when, after it, the bucket still reaches back no
 * further than `capacity` intervals: `max(tat, now) + interval - now <= capacity * interval`. This is
 * exactly the token bucket (a missing or idle bucket is full; a clock that went backwards refills
 * nothing), and it lets storage admit a call with one conditional `ADD`.
 */
export const intervalMs = (limits: BucketLimits) => 1000 / limits.refillPerSecond;

/** The largest stored `tat` that still admits a call at `nowMs` (the bound of the conditional write). */
export const latestAdmittingTat = (nowMs: number, limits: BucketLimits) =>
  nowMs + (limits.capacity - 1) * intervalMs(limits);

/** Whole seconds until a bucket at `tatMs` admits a call again (at least 1). */
export const retryAfterSeconds = (tatMs: number, nowMs: number, limits: BucketLimits) =>
  Math.max(1, Math.ceil((tatMs - latestAdmittingTat(nowMs, limits)) / 1000));

export type Admission = { ok: true; tatMs: number } | { ok: false; retryAfterSeconds: number };

/** One call against a bucket at `tatMs` (undefined: never used, so full). */
export function admit(tatMs: number | undefined, nowMs: number, limits: BucketLimits): Admission {
  const from = Math.max(tatMs ?? nowMs, nowMs);
  if (from <= latestAdmittingTat(nowMs, limits)) return { ok: true, tatMs: from + intervalMs(limits) };
  return { ok: false, retryAfterSeconds: retryAfterSeconds(from, nowMs, limits) };
}
