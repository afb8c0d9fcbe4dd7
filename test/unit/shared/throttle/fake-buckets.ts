import { type BucketLimits, admit } from '#shared/throttle/gcra';

/** The throttle repository in memory: the same admission rule, one arrival time per scope and subject. */
export function fakeBuckets() {
  const tats = new Map<string, number>();
  return {
    tats,
    spend: async (scope: string, subject: string, nowMs: number, limits: BucketLimits) => {
      const decision = admit(tats.get(`${scope}|${subject}`), nowMs, limits);
      if (!decision.ok) return decision;
      tats.set(`${scope}|${subject}`, decision.tatMs);
      return { ok: true as const };
    },
  };
}
