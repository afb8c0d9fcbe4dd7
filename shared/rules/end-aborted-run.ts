import type { Clock } from '#shared/clock';
import type { GroupRepository } from '#shared/groups/group-repository';
import type { Job } from '#shared/jobs/job';

/**
 * Ends the group's run of an aborted recalculation job: `rule_processing.status` turns `aborted`
 * with the job's reason, under the same job id, so the group never shows `running` for a job that
 * ended. Only while that run is the group's current one and still running: a newer run, or a
 * repeat of this step, changes nothing. Members the run applied before and while it was aborted
 * stay; rule members it would have swept stay until the next run (an aborted run never sweeps).
 */
export const makeEndAbortedRun =
  ({ groups, clock }: { groups: Pick<GroupRepository, 'abortRuleRun'>; clock: Clock }) =>
  async (job: Job): Promise<void> => {
    if (job.kind !== 'recalculate_group') return;
    const reason =
      `recalculation job ${job.job_id} was ${job.error ?? 'aborted'}: members it applied before stay, ` +
      'the others were not recalculated; recalculate to bring the group up to date';
    await groups.abortRuleRun(
      String(job.target.group_uuid),
      Number(job.target.generation),
      job.job_id,
      reason,
      clock.now(),
    );
  };
