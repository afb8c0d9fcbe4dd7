import type { Job, JobKind } from './job';
import type { JobRepository } from './job-repository';

/** A producer that lists a job's rows in a worker (see planListedJob). */
export type JobPlanner = (job: Job, options: { lastAttempt: boolean }) => Promise<string>;

/**
 * The worker side of jobs whose rows are listed rather than given: hands a queued job to the planner
 * of its kind. A job of no such kind, or gone, is `not_found`; one planned already (a duplicate
 * message) is `already_planned`.
 */
export const makePlanJob =
  ({ jobs, planners }: { jobs: Pick<JobRepository, 'get'>; planners: Partial<Record<JobKind, JobPlanner>> }) =>
  async (jobId: string, options: { lastAttempt: boolean }): Promise<string> => {
    const job = await jobs.get(jobId);
    const plan = job && planners[job.kind];
    if (!job || !plan) return 'not_found';
    if (job.status !== 'queued') return 'already_planned';
    return plan(job, options);
  };
