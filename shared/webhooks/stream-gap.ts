/**
 * How long after an event was recorded the stream index surely shows it and every earlier event of its
 * stream. The index (a GSI) is eventually consistent, usually within a second; this bound is generous.
 */
export const INDEX_SETTLED_MS = 5 * 60_000;

/** Proofs that the events of a stream before some point were recorded, and when. */
export interface GapEvidence {
  /** The first event of the stream the index shows after the missing ones (it was recorded after them). */
  firstKept?: { sequence: number; recorded_at: string } | undefined;
  /** When the queue message naming events through `through` was sent (after they were recorded). */
  sentAt?: string | undefined;
}

/**
 * Decides what a stream's delivery does when the next event it waits for, `mark + 1`, is not in the
 * stream index. Numbers are never skipped when events are recorded, and events are deleted only by
 * their TTL (the feed's retention, EVENT_RETENTION_DAYS), so a missing number is either not indexed yet
 * (wait) or expired. It is expired when a proof of its recording is older than INDEX_SETTLED_MS: a later
 * event of the stream recorded that long ago, or the message naming it sent that long ago. Then the
 * answer is the last sequence to skip through: up to the oldest event still kept, and no further than
 * `through`. Undefined: wait.
 */
export function expiredThrough(mark: number, through: number, evidence: GapEvidence, now: string): number | undefined {
  const { firstKept, sentAt } = evidence;
  const end = Math.min(firstKept ? firstKept.sequence - 1 : through, through);
  if (end <= mark) return undefined;
  const proofs = [firstKept?.recorded_at, sentAt].filter((at): at is string => at !== undefined).map(Date.parse);
  const oldest = Math.min(...proofs);
  return Date.parse(now) - oldest > INDEX_SETTLED_MS ? end : undefined;
}
