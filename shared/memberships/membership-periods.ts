/**
 * When a membership counted (active or pending), as two lists on its item: `joined_at` gets an
 * instant each time it starts counting (added, invited, revived) and `left_at` each time it stops
 * (removed). The n-th period is [joined_at[n], left_at[n]), the last one open while it counts. A
 * group's members at any instant are then read from its membership items, one per learner that was
 * ever a member, not from its whole history. Periods that ended before the retention are dropped
 * when a membership starts counting again, so an item stays small however often it flaps.
 */
import { ValidationError } from '#shared/errors';
import type { Membership } from './membership';

/** How far back `as_of` answers, in days: periods that ended earlier are pruned. */
export const AS_OF_RETENTION_DAYS = 400;

/** The oldest instant `as_of` answers at `now`, and before which ended periods are pruned. */
const retentionStart = (now: string) => new Date(Date.parse(now) - AS_OF_RETENTION_DAYS * 86_400_000).toISOString();

export interface Periods {
  joined: string[];
  left: string[];
}

/**
 * A membership's periods. Items written before periods were recorded have none: one period is
 * read from their dates (from the last activation or invitation to the removal, if any).
 */
export function periodsOf(
  m: Pick<
    Membership,
    'joined_at' | 'left_at' | 'status' | 'learner_uuid' | 'invited_at' | 'activated_at' | 'created' | 'removed_at'
  >,
): Periods {
  const joined = m.joined_at ?? [(m.learner_uuid ? (m.activated_at ?? m.invited_at) : m.invited_at) ?? m.created];
  const left = m.left_at ?? (m.status === 'removed' && m.removed_at ? [m.removed_at] : []);
  return { joined, left };
}

/**
 * The periods of a membership that starts counting at `now`: a new one, or a removed one revived
 * (its earlier periods kept, those that ended before the retention dropped).
 */
export function joinedNow(current: Parameters<typeof periodsOf>[0] | undefined, now: string) {
  if (!current) return { joined_at: [now], left_at: [] };
  const { joined, left } = periodsOf(current);
  const horizon = retentionStart(now);
  const keep = left.findIndex((end) => end >= horizon);
  const from = keep === -1 ? left.length : keep;
  return { joined_at: [...joined.slice(from, left.length), now], left_at: left.slice(from) };
}

/** Whether the membership counted at instant `at` (ISO 8601, UTC). */
export function countedAt(m: Parameters<typeof periodsOf>[0], at: string): boolean {
  const { joined, left } = periodsOf(m);
  let started = 0;
  while (started < joined.length && (joined[started] ?? '') <= at) started++;
  if (started === 0) return false;
  const end = left[started - 1];
  return end === undefined || end > at;
}

/**
 * The membership as it stood at `at` (it counted then): not removed; pending if it was an e-mail's
 * invitation, or a learner's that was accepted only later in the same period; else active.
 */
export function membershipAt<M extends Membership>(m: M, at: string): M {
  const { joined } = periodsOf(m);
  const inLastPeriod = (joined[joined.length - 1] ?? '') <= at;
  const pending = m.learner_uuid === null || (inLastPeriod && m.activated_at !== null && m.activated_at > at);
  return { ...m, status: pending ? 'pending' : 'active', removed_at: null, removed_by: null };
}

/**
 * `as_of` checked against the clock: a 400 naming `query.as_of` for an instant in the future or
 * older than the retention.
 */
export function assertAsOf(asOf: string, now: string): void {
  const oldest = retentionStart(now);
  if (asOf > now)
    throw new ValidationError('as_of is in the future', [{ path: 'query.as_of', message: `must not be after ${now}` }]);
  if (asOf < oldest)
    throw new ValidationError(`as_of answers the last ${AS_OF_RETENTION_DAYS} days`, [
      { path: 'query.as_of', message: `must not be before ${oldest}` },
    ]);
}
