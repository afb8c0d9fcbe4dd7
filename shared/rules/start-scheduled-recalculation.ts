import { DomainError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import type { GroupRepository } from '#shared/groups/group-repository';
import type { ScheduledRecalculation } from './schemas';
import type { StartRecalculation } from './start-recalculation';

/** Why a scheduled recalculation of a group did not start. */
export type ScheduledSkipReason =
  'deleted' | 'manual' | 'inactive' | 'paused' | 'awaiting_approval' | 'already_started';

export type ScheduledOutcome =
  { outcome: 'started'; job_id: string } | { outcome: 'skipped'; reason: ScheduledSkipReason };

/** Who a scheduled run's job names as its creator. */
export const SCHEDULE_ACTOR = 'schedule';

/** Whether the schedule recalculates this group: active automatic groups whose rules are on and whose last run waits for no approval. */
export function scheduledSkipReason(group: Group | undefined): Exclude<ScheduledSkipReason, 'already_started'> | null {
  if (!group) return 'deleted';
  if (group.type !== 'automatic' || !group.ruleset) return 'manual';
  if (group.status !== 'active') return 'inactive';
  if (group.rule_processing?.state === 'paused') return 'paused';
  // Its last run's removals wait for an admin: a new run would only stack a second wait on the first.
  if (group.rule_processing?.status === 'awaiting_approval') return 'awaiting_approval';
  return null;
}

/** The refusals of a start that mean "nothing to do for this tick", not a failure to retry. */
const SKIPPED: Record<string, ScheduledSkipReason> = {
  group_not_found: 'deleted',
  not_automatic: 'manual',
  rule_processing_paused: 'paused',
  recalculation_already_started: 'already_started',
};

export interface StartScheduledDeps {
  groups: Pick<GroupRepository, 'get'>;
  start: StartRecalculation;
}

/**
 * The fan-out's worker: starts the recalculation of one group for one tick, re-reading the group
 * first. A group deleted, made inactive or paused since the fan-out is skipped; so is a tick the
 * group already ran (a redelivered message, or the schedule firing twice): the start claims the
 * tick in the same conditional write that takes the run's generation, so one tick starts one run.
 */
export const makeStartScheduledRecalculation =
  ({ groups, start }: StartScheduledDeps) =>
  async (message: ScheduledRecalculation): Promise<ScheduledOutcome> => {
    const group = await groups.get(message.group_uuid);
    const reason = scheduledSkipReason(group);
    if (reason || !group) return { outcome: 'skipped', reason: reason ?? 'deleted' };
    try {
      const job = await start({ sub: SCHEDULE_ACTOR }, group, { tick: message.tick });
      return { outcome: 'started', job_id: job.job_id };
    } catch (error) {
      const skipped = error instanceof DomainError ? SKIPPED[error.code] : undefined;
      if (skipped) return { outcome: 'skipped', reason: skipped };
      throw error;
    }
  };
