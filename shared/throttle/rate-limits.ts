import type { BucketLimits } from './gcra';

/** The routes whose calls are rate-limited, each with its own buckets. */
export type LimitedRoute =
  'bulk_enroll' | 'preview' | 'export' | 'member_search' | 'membership_job' | 'recalculate' | 'learners_bulk';

export interface RouteLimits {
  /** Each caller (issuer + sub) of the route. */
  caller: BucketLimits;
  /** Every caller of one tenant together: one tenant cannot take the stage's capacity from the others. */
  tenant: BucketLimits;
}

/** `n` calls a minute, which is also the burst. */
const perMinute = (n: number): BucketLimits => ({ capacity: n, refillPerSecond: n / 60 });

/**
 * The one table of limits (docs/api.md "Rate limits" repeats it). A call spends a token of its caller's
 * bucket, then one of its tenant's; either empty is a 429 `rate_limited` with Retry-After.
 * bulk_enroll's caller rate is BULK_ENROLL_RATE_PER_MINUTE (Open edX's staff rate), given at wiring.
 */
export const RATE_LIMITS: Record<LimitedRoute, RouteLimits> = {
  bulk_enroll: { caller: perMinute(120), tenant: perMinute(600) },
  preview: { caller: perMinute(20), tenant: perMinute(60) },
  export: { caller: perMinute(30), tenant: perMinute(60) },
  member_search: { caller: perMinute(120), tenant: perMinute(600) },
  membership_job: { caller: perMinute(10), tenant: perMinute(30) },
  recalculate: { caller: perMinute(10), tenant: perMinute(30) },
  learners_bulk: { caller: perMinute(60), tenant: perMinute(120) },
};

/** The table with bulk_enroll's caller rate from the configuration. */
export const rateLimits = (bulkEnrollPerMinute: number): Record<LimitedRoute, RouteLimits> => ({
  ...RATE_LIMITS,
  bulk_enroll: { ...RATE_LIMITS.bulk_enroll, caller: perMinute(bulkEnrollPerMinute) },
});
