import type { Clock } from '#shared/clock';
import type { GroupRepository } from '#shared/groups/group-repository';
import type { JobRepository } from '#shared/jobs/job-repository';
import { planListedJob } from '#shared/jobs/plan-listed-job';
import { CHUNK_SIZE, type EnqueueChunks } from '#shared/jobs/start-job';
import type { LearnerRepository } from '#shared/learners/learner-repository';

export interface PlanRecalculationDeps {
  jobs: Pick<JobRepository, 'get' | 'getPlan' | 'savePlan' | 'putChunks' | 'markRunning' | 'end'>;
  groups: Pick<GroupRepository, 'get' | 'endRuleRun'>;
  learners: Pick<LearnerRepository, 'tenantUuidPage'>;
  enqueue: EnqueueChunks;
  /** Ends the job if every chunk is recorded already (an empty tenant, or chunks faster than the listing). */
  finish: (jobId: string) => Promise<void>;
  clock: Clock;
  /** Learners per chunk (default CHUNK_SIZE, the engine's). */
  chunkSize?: number;
}

export type PlanOutcome = 'planned' | 'already_planned' | 'not_found' | 'superseded' | 'stopped';

/**
 * The producer of a recalculation, run by a worker rather than in the request that started it: lists
 * the tenant's learners into chunks (see planListedJob: resumable, each chunk listed once). A run a
 * newer one superseded before it was planned ends `aborted` without reading the tenant; a job aborted
 * meanwhile stops the listing.
 */
export const makePlanRecalculation =
  ({ jobs, groups, learners, enqueue, finish, clock, chunkSize = CHUNK_SIZE }: PlanRecalculationDeps) =>
  async (jobId: string, { lastAttempt }: { lastAttempt: boolean }): Promise<PlanOutcome> => {
    const job = await jobs.get(jobId);
    if (!job || job.kind !== 'recalculate_group') return 'not_found';
    if (job.status !== 'queued') return 'already_planned';
    const groupUuid = String(job.target.group_uuid);
    const generation = Number(job.target.generation);
    const group = await groups.get(groupUuid);
    if (group?.rule_generation !== generation) {
      await jobs.end(jobId, 'aborted', 'a newer recalculation of the group, or its deletion, came first', clock.now());
      return 'superseded';
    }
    try {
      return await planListedJob({ jobs, enqueue, finish, clock, chunkSize }, jobId, async (after, limit) => {
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
