import { jobsRoutes } from '#functions/http/contract/jobs';
import { absoluteUrl } from '#shared/http/list-envelope';
import { httpHandler } from '#shared/http/http-handler';
import { accepted } from '#shared/http/responses';
import { presentJob } from '#shared/jobs/present-job';
import { approveRemovals } from '#shared/rules/wired';

/** POST /api/v1/jobs/{job_id}/approve */
export const handler = httpHandler(jobsRoutes.ApproveJob, async ({ params, caller, event }) => {
  const job = await approveRemovals()(caller, params.job_id);
  // A recalculation has no results file: its results are the listing.
  const body = presentJob(job, { resultsUrl: absoluteUrl(event, `/api/v1/jobs/${job.job_id}/results/`) });
  return accepted(body, { location: absoluteUrl(event, `/api/v1/jobs/${job.job_id}/`) });
});
