import type { Job } from './job';

/** Either the synchronous result, or the job that will produce it. */
export type SyncOrJob<T> = { sync: T; job?: undefined } | { job: Job; sync?: undefined };

/**
 * Runs a request synchronously up to `limit` items and as a job beyond: one rule for every bulk
 * path, so no request is ever truncated and none blocks an HTTP call for minutes.
 */
export async function syncOrJob<T>(
  size: number,
  limit: number,
  sync: () => Promise<T>,
  job: () => Promise<Job>,
): Promise<SyncOrJob<T>> {
  return size <= limit ? { sync: await sync() } : { job: await job() };
}
