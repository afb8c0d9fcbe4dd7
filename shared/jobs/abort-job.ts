import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { ConflictError } from '#shared/errors';
import { FINAL_STATUSES, type Job } from './job';
import type { JobRepository } from './job-repository';
import { loadJob } from './read-jobs';

/** Ends what an aborted job drove besides itself (a recalculation's run on its group); idempotent. */
export type OnJobAborted = (job: Job) => Promise<void>;

export interface AbortJobDeps {
  jobs: Pick<JobRepository, 'get' | 'getPlan' | 'end' | 'coverProcessed'>;
  onAborted: OnJobAborted;
  clock: Clock;
}

/**
 * Settles an aborted job: chunks that were being applied when it was aborted are recorded after it
 * (their rows were applied, so they are counted), and its `total` is raised to cover them, so that
 * `processed` never exceeds `total`; what the job drove ends too (`onAborted`). Idempotent: the abort
 * runs it, and so does every chunk of the job recorded or delivered afterwards, which also finishes
 * it if the abort stopped between its two steps.
 */
export const makeSettleAbortedJob =
  ({ jobs, onAborted }: Pick<AbortJobDeps, 'jobs' | 'onAborted'>) =>
  async (job: Job): Promise<void> => {
    await jobs.coverProcessed(job.job_id);
    await onAborted(job);
  };

/**
 * Stops a job: chunks not yet applied are skipped; what was applied stays (and is reported). A job
 * still being planned (`queued`) takes as its `total` the rows listed so far, the only ones a chunk
 * can have applied. Then the job is settled (see makeSettleAbortedJob): a recalculation's group shows
 * the run `aborted`, never `running` for good.
 */
export const makeAbortJob = (deps: AbortJobDeps) => {
  const { jobs, clock } = deps;
  const settle = makeSettleAbortedJob(deps);
  return async (caller: Caller, jobId: string): Promise<Job> => {
    const job = await loadJob(jobs, caller, jobId);
    const ended = () => new ConflictError('job_already_ended', `Job ${jobId} has already ended (${job.status})`);
    if (FINAL_STATUSES.includes(job.status)) throw ended();
    const total = job.status === 'queued' ? ((await jobs.getPlan(jobId))?.total ?? 0) : undefined;
    if (!(await jobs.end(jobId, 'aborted', `aborted by ${caller.sub}`, clock.now(), { total }))) throw ended();
    await settle((await jobs.get(jobId))!);
    return (await jobs.get(jobId))!;
  };
};
