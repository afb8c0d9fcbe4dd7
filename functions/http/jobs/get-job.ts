import { jobsRoutes } from '#functions/http/contract/jobs';
import { jobBody } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { getJob } from '#shared/jobs/wired';

/** GET /api/v1/jobs/{job_id}/ */
export const handler = httpHandler(jobsRoutes.GetJob, async ({ params, caller, event }) =>
  ok(await jobBody(event, await getJob()(caller, params.job_id))),
);
