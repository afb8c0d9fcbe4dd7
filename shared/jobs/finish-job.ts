import type { Clock } from '#shared/clock';
import { finalStatusOf, isComplete, type Job } from './job';
import type { JobRepository } from './job-repository';

/**
 * Finishes a job whose chunks are all recorded: `onFinished` (an import's results file, a
 * recalculation's sweep) runs first and the job turns final only after it, so a client never sees a
 * finished job without its results, and a crash in `onFinished` leaves the job running for the next
 * delivery of its last chunk to finish. `onFinished` must therefore be idempotent. It answers `held`
 * when it stopped the job for an admin's approval (the removal guard of a recalculation, a bulk
 * removal or a group-members import): the job then stays `awaiting_approval` until approved (when the
 * finish runs again) or cancelled.
 */
export const makeFinishJob =
  (
    jobs: Pick<JobRepository, 'get' | 'finishIfComplete'>,
    onFinished: (job: Job) => Promise<'held' | void>,
    clock: Clock,
  ) =>
  async (jobId: string): Promise<void> => {
    const job = await jobs.get(jobId);
    if (!isComplete(job)) return;
    if ((await onFinished({ ...job, status: finalStatusOf(job) })) === 'held') return;
    await jobs.finishIfComplete(jobId, clock.now());
  };
