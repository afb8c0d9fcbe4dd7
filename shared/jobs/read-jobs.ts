import { assertAdministers, type Caller, administers } from '#shared/auth/caller';
import { NotFoundError } from '#shared/errors';
import { endedUnfinished, type Job, settledOutcome, settledOutcomeCounts } from './job';
import type { JobRepository } from './job-repository';

const jobNotFound = (jobId: string) => new NotFoundError('job_not_found', `No job ${jobId}`);

/** A job the caller administers; jobs of other tenants answer like missing ones. */
export async function loadJob(jobs: Pick<JobRepository, 'get'>, caller: Caller, jobId: string): Promise<Job> {
  const job = await jobs.get(jobId);
  if (!job || !administers(caller, job.enterprise_customer_uuid)) throw jobNotFound(jobId);
  return job;
}

export const makeGetJob = (jobs: Pick<JobRepository, 'get'>) => (caller: Caller, jobId: string) =>
  loadJob(jobs, caller, jobId);

export const makeListJobs =
  (jobs: Pick<JobRepository, 'list'>) =>
  async (
    caller: Caller,
    q: { tenant: string; sourceKey?: string | undefined; pageSize: number; cursor?: string | undefined },
  ) => {
    assertAdministers(caller, q.tenant);
    return jobs.list(q);
  };

/** Row results in row order; `count` is exact from the job's per-outcome counters. */
export const makeListJobResults =
  (jobs: Pick<JobRepository, 'get' | 'results'>) =>
  async (
    caller: Caller,
    jobId: string,
    q: { outcome?: string | undefined; pageSize: number; cursor?: string | undefined },
  ) => {
    const job = await loadJob(jobs, caller, jobId);
    const counts = settledOutcomeCounts(job);
    if (q.outcome && !Object.hasOwn(counts, q.outcome)) return { items: [], next: null, previous: null, count: 0 };
    // A cancelled job's `removal_cancelled` rows are stored as `removal_pending` (see settledOutcome).
    const stored = endedUnfinished(job) && q.outcome === 'removal_cancelled' ? 'removal_pending' : q.outcome;
    const page = await jobs.results(jobId, { ...q, outcome: stored });
    // `pending_removal` is the finish step's note of the member a pending row names, not the row's answer.
    const items = page.items.map(({ pending_removal: _, ...r }) => ({ ...r, outcome: settledOutcome(job, r.outcome) }));
    return { ...page, items, count: q.outcome ? (counts[q.outcome] ?? 0) : job.processed };
  };
