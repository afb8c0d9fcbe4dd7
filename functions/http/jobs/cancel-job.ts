import { jobsRoutes } from '#functions/http/contract/jobs';
import { absoluteUrl } from '#shared/http/list-envelope';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { presentJob } from '#shared/jobs/present-job';
import { cancelRemovals } from '#shared/rules/wired';

/** POST /api/v1/jobs/{job_id}/cancel */
export const handler = httpHandler(jobsRoutes.CancelJob, async ({ params, caller, event }) => {
  const job = await cancelRemovals()(caller, params.job_id);
  // A recalculation has no results file: its results are the listing.
  return ok(presentJob(job, { resultsUrl: absoluteUrl(event, `/api/v1/jobs/${job.job_id}/results/`) }));
});
