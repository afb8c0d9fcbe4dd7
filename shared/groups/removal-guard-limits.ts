import type { RemovalGuard } from './group';

/**
 * The mass-removal guard's arithmetic, pure: whether a change passes a group's `removal_guard`. Apart
 * from the guard's store so that a request handler (remove_all) carries no transaction code for it.
 */

/** Members named in a hold, so an admin sees who would go. */
export const GUARD_SAMPLE = 10;

/** Whether removing `wouldRemove` of `memberCount` members passes the guard (so must wait). */
export function guardTrips(guard: RemovalGuard | null, wouldRemove: number, memberCount: number): boolean {
  if (!guard || wouldRemove === 0) return false;
  return wouldRemove >= guard.min_removals && percentOf(wouldRemove, memberCount) > guard.max_percent;
}

/** `part` as a percentage of `whole`, one decimal (100 of nothing). */
export const percentOf = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);
