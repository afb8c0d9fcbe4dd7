import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { ConflictError } from '#shared/errors';
import type { Job } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { loadJob } from '#shared/jobs/read-jobs';
import type { RemovalGuardStore } from './removal-guard';

export interface DecideRemovalsDeps {
  jobs: Pick<JobRepository, 'get'>;
  store: Pick<RemovalGuardStore, 'approve' | 'cancel'>;
  /**
   * Runs the job's finish step again (its last chunk redelivered): a recalculation's sweep removes what
   * is stale then, a bulk removal or an import the pending members still unchanged since the job began.
   */
  resumeFinish: (job: Job) => Promise<void>;
  clock: Clock;
}

const notHeld = (job: Job) =>
  new ConflictError(
    'job_not_awaiting_approval',
    `Job ${job.job_id} is not awaiting approval (it is ${job.status}); only a job the removal guard held can be approved or cancelled`,
  );

/** A job of the caller's tenant that the removal guard holds, or a 409. */
async function heldJob(jobs: Pick<JobRepository, 'get'>, caller: Caller, jobId: string): Promise<Job> {
  const job = await loadJob(jobs, caller, jobId);
  if (job.status !== 'awaiting_approval') throw notHeld(job);
  return job;
}

/**
 * Approves the removals a job's removal guard held: the job runs again and its finish step computes
 * the removals afresh when it runs (not the ones counted at the hold). For a recalculation, a newer
 * run of the group that came first decides the removals instead: the held job is then cancelled and
 * the answer is a 409 `job_superseded`. Approving again while the approved job still runs queues its finish step
 * again (harmless: the step is idempotent), so a retried approval never leaves the job running unfinished.
 */
export const makeApproveRemovals =
  ({ jobs, store, resumeFinish, clock }: DecideRemovalsDeps) =>
  async (caller: Caller, jobId: string): Promise<Job> => {
    const job = await loadJob(jobs, caller, jobId);
    // Approved before, and its finish step may not have been queued (the answer lost, a retry): queue it again.
    if (job.status === 'running' && job.approved_by !== null) {
      await resumeFinish(job);
      return job;
    }
    if (job.status !== 'awaiting_approval') throw notHeld(job);
    const outcome = await store.approve(job, caller.sub, clock.now());
    if (outcome === 'not_held') throw notHeld((await jobs.get(jobId)) ?? job);
    if (outcome === 'superseded')
      throw new ConflictError(
        'job_superseded',
        `A newer recalculation of group ${job.target.group_uuid} came first and decides its removals; job ${jobId} was cancelled with nothing removed`,
      );
    const approved = (await jobs.get(jobId))!;
    await resumeFinish(approved);
    return approved;
  };

/**
 * Cancels the removals a job's removal guard held: the job ends `cancelled`, nobody removed. Then
 * `afterCancel` (an import's results file is written by the chunk worker, which it asks to).
 */
export const makeCancelRemovals =
  ({
    jobs,
    store,
    clock,
    afterCancel = async () => {},
  }: Omit<DecideRemovalsDeps, 'resumeFinish'> & { afterCancel?: (job: Job) => Promise<void> }) =>
  async (caller: Caller, jobId: string): Promise<Job> => {
    const job = await heldJob(jobs, caller, jobId);
    const reason = `cancelled by ${caller.sub}: the removals the removal guard held were not made`;
    if (!(await store.cancel(job, caller.sub, clock.now(), reason))) throw notHeld((await jobs.get(jobId)) ?? job);
    const cancelled = (await jobs.get(jobId))!;
    await afterCancel(cancelled);
    return cancelled;
  };
