import { jobsRoutes } from '#functions/http/contract/jobs';
import { absoluteUrl } from '#shared/http/list-envelope';
import { httpHandler } from '#shared/http/http-handler';
import { accepted } from '#shared/http/responses';
import { presentJob } from '#shared/jobs/present-job';
import { revertJob } from '#shared/jobs/wired';

/** POST /api/v1/jobs/{job_id}/revert */
export const handler = httpHandler(jobsRoutes.RevertJob, async ({ params, caller, event }) => {
  const job = await revertJob()(caller, params.job_id);
  const body = presentJob(job, { resultsUrl: absoluteUrl(event, `/api/v1/jobs/${job.job_id}/results/`) });
  return accepted(body, { location: absoluteUrl(event, `/api/v1/jobs/${job.job_id}/`) });
});
