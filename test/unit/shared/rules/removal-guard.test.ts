import { describe, expect, it } from 'vitest';
import { settledOutcome, settledOutcomeCounts } from '#shared/jobs/job';
import { tallyDelta } from '#shared/jobs/job-chunk-items';
import { guardTrips, percentOf } from '#shared/rules/removal-guard';
import { scheduledSkipReason } from '#shared/rules/start-scheduled-recalculation';
import { aGroup } from '../fakes';

const guard = { max_percent: 20, min_removals: 50 };

describe('the removal guard', () => {
  it('trips only past both bounds: more than max_percent and at least min_removals', () => {
    expect(guardTrips(guard, 120, 200)).toBe(true);
    expect(guardTrips(guard, 50, 200)).toBe(true); // 25% and exactly 50
    expect(guardTrips(guard, 49, 200)).toBe(false); // too few
    expect(guardTrips(guard, 60, 300)).toBe(false); // exactly 20% is not more than 20%
    expect(guardTrips(guard, 61, 300)).toBe(true);
    expect(guardTrips(null, 200, 200)).toBe(false);
    expect(guardTrips({ max_percent: 0, min_removals: 0 }, 0, 10)).toBe(false); // nothing to remove
    expect(guardTrips({ max_percent: 0, min_removals: 0 }, 1, 10)).toBe(true);
  });

  it('states the share with one decimal', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(120, 200)).toBe(60);
    expect(percentOf(5, 0)).toBe(100);
  });

  it('keeps the schedule from stacking a run on one that waits for approval', () => {
    const waiting = aGroup({
      type: 'automatic',
      ruleset: { operator: 'AND', sets: [] } as never,
      rule_processing: {
        state: 'on',
        status: 'awaiting_approval',
        last_membership_update: null,
        error: null,
        job_id: 'j',
      },
    });
    expect(scheduledSkipReason(waiting)).toBe('awaiting_approval');
    expect(
      scheduledSkipReason({ ...waiting, rule_processing: { ...waiting.rule_processing!, status: 'succeeded' } }),
    ).toBeNull();
  });
});

describe('settling held rows', () => {
  it('moves the counters by the difference of the rows, outcome for outcome', () => {
    const before = [
      { index: 0, identifier: 'a', outcome: 'removal_pending' },
      { index: 1, identifier: 'b', outcome: 'removal_pending' },
      { index: 2, identifier: 'c', outcome: 'already_member' },
    ];
    const after = [
      { index: 0, identifier: 'a', outcome: 'removed' },
      { index: 1, identifier: 'b', outcome: 'changed_since' },
      before[2]!,
    ];
    expect(tallyDelta(before, after)).toEqual({
      processed: 0,
      succeeded: 1,
      skipped: -1,
      failed: 0,
      outcomes: { removed: 1, changed_since: 1, removal_pending: -2 },
    });
  });

  it('shows a cancelled job’s pending removals as cancelled, and drops counters moved back to zero', () => {
    expect(settledOutcome({ status: 'cancelled' }, 'removal_pending')).toBe('removal_cancelled');
    expect(settledOutcome({ status: 'aborted' }, 'removal_pending')).toBe('removal_cancelled');
    expect(settledOutcome({ status: 'awaiting_approval' }, 'removal_pending')).toBe('removal_pending');
    expect(
      settledOutcomeCounts({ status: 'cancelled', outcome_counts: { removal_pending: 3, already_member: 2 } }),
    ).toEqual({ removal_cancelled: 3, already_member: 2 });
    expect(settledOutcomeCounts({ status: 'succeeded', outcome_counts: { removal_pending: 0, removed: 3 } })).toEqual({
      removed: 3,
    });
  });
});
