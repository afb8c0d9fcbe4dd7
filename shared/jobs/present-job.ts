import { type Job, progressOf, settledOutcomeCounts } from './job';

/** A job as the API shows it: counters, progress, where its rows and results file are. */
export function presentJob(job: Job, links: { resultsUrl: string; resultsFileUrl?: string | undefined }) {
  const { target, ...rest } = job;
  const bucket = resultsBucketOf(job);
  return {
    ...rest,
    outcome_counts: settledOutcomeCounts(job),
    group_uuid: target.group_uuid ?? null,
    progress: progressOf(job),
    results_url: links.resultsUrl,
    // An export's source is the API call that asked for it, so its file's bucket is the job's target.
    results_file:
      job.results_key && bucket ? { bucket, key: job.results_key, download_url: links.resultsFileUrl ?? null } : null,
  };
}

/** Where a job's results file is: an import's own bucket, or the bucket an export was written to. */
export const resultsBucketOf = (job: Job): string | undefined =>
  job.target.results_bucket ?? (job.source.type === 's3' ? job.source.bucket : undefined);
