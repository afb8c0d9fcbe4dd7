import type { Clock } from '#shared/clock';
import type { Job } from './job';
import type { JobRepository } from './job-repository';

/**
 * Ends a job whose chunks are all recorded; whoever wins that race (the last worker, or the producer
 * of an empty job) runs `onFinished` exactly once.
 */
export const makeFinishJob =
  (jobs: Pick<JobRepository, 'finishIfComplete'>, onFinished: (job: Job) => Promise<void>, clock: Clock) =>
  async (jobId: string): Promise<void> => {
    const finished = await jobs.finishIfComplete(jobId, clock.now());
    if (finished) await onFinished(finished);
  };
