import { type Job, progressOf } from './job';

/** A job as the API shows it: counters, progress, where its rows and results file are. */
export function presentJob(job: Job, links: { resultsUrl: string; resultsFileUrl?: string | undefined }) {
  const { target, ...rest } = job;
  return {
    ...rest,
    group_uuid: target.group_uuid ?? null,
    progress: progressOf(job),
    results_url: links.resultsUrl,
    results_file:
      job.results_key && job.source.type === 's3'
        ? { bucket: job.source.bucket, key: job.results_key, download_url: links.resultsFileUrl ?? null }
        : null,
  };
}

/** Where a job's results file is: an import's own bucket, or the bucket an export was written to. */
export const resultsBucketOf = (job: Job): string | undefined =>
  job.target.results_bucket ?? (job.source.type === 's3' ? job.source.bucket : undefined);
