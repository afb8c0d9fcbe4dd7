import type { GroupRepository } from '#shared/groups/group-repository';
import type { Job } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { type PlanListedJobDeps, planListedJob } from '#shared/jobs/plan-listed-job';
import type { LearnerRepository } from '#shared/learners/learner-repository';

export interface PlanRecalculationDeps extends PlanListedJobDeps {
  jobs: PlanListedJobDeps['jobs'] & Pick<JobRepository, 'end'>;
  groups: Pick<GroupRepository, 'get' | 'endRuleRun'>;
  learners: Pick<LearnerRepository, 'tenantUuidPage'>;
}

export type PlanOutcome = 'planned' | 'superseded' | 'stopped';

/**
 * The producer of a recalculation, run by a worker rather than in the request that started it: lists
 * the tenant's learners into chunks (see planListedJob: resumable, each chunk listed once). A run a
 * newer one superseded before it was planned ends `aborted` without reading the tenant; a job aborted
 * meanwhile stops the listing. Handed a queued `recalculate_group` job by the job planner (plan-job.ts).
 */
export const makePlanRecalculation =
  (deps: PlanRecalculationDeps) =>
  async (job: Job, { lastAttempt }: { lastAttempt: boolean }): Promise<PlanOutcome> => {
    const { jobs, groups, learners, clock } = deps;
    const jobId = job.job_id;
    const groupUuid = String(job.target.group_uuid);
    const generation = Number(job.target.generation);
    const group = await groups.get(groupUuid);
    if (group?.rule_generation !== generation) {
      await jobs.end(jobId, 'aborted', 'a newer recalculation of the group, or its deletion, came first', clock.now());
      return 'superseded';
    }
    try {
      return await planListedJob(deps, jobId, async (after, limit) => {
        const page = await learners.tenantUuidPage(job.enterprise_customer_uuid, limit, after);
        return { inputs: page.uuids.map((learner_uuid) => ({ learner_uuid })), next: page.next };
      });
    } catch (error) {
      if (lastAttempt) {
        const reason = 'the learners of the tenant could not be listed into chunks';
        await jobs.end(jobId, 'failed', reason, clock.now());
        await groups.endRuleRun(groupUuid, generation, {
          status: 'failed',
          error: reason,
          last_membership_update: group.rule_processing?.last_membership_update ?? null,
        });
      }
      throw error;
    }
  };

export type PlanRecalculation = ReturnType<typeof makePlanRecalculation>;
