import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Job } from '#shared/jobs/job';
import { resultsDownloadUrl } from '#shared/jobs/wired';
import { presentJob, resultsBucketOf } from '#shared/jobs/present-job';
import { absoluteUrl } from '#shared/http/list-envelope';
import { accepted } from '#shared/http/responses';

/** The job with absolute links: its results listing and a download link of its results file (an import's or an export's). */
export async function jobBody(event: APIGatewayProxyEventV2, job: Job) {
  const bucket = resultsBucketOf(job);
  const resultsFileUrl = job.results_key && bucket ? await resultsDownloadUrl(bucket, job.results_key) : undefined;
  return presentJob(job, { resultsUrl: absoluteUrl(event, `/api/v1/jobs/${job.job_id}/results/`), resultsFileUrl });
}

/** The 202 answer of a request that became a job. */
export const acceptedJob = (event: APIGatewayProxyEventV2, job: Job) => ({
  job_id: job.job_id,
  status: job.status,
  total: job.total,
  status_url: absoluteUrl(event, `/api/v1/jobs/${job.job_id}/`),
});

/** 202 with the job, its URL in `Location` (RFC 9110 §15.3.3: where the request's status can be followed). */
export function jobAccepted(event: APIGatewayProxyEventV2, job: Job) {
  const body = acceptedJob(event, job);
  return accepted(body, { location: body.status_url });
}
