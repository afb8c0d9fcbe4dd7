import { jobsRoutes } from '#functions/http/contract/jobs';
import { jobBody } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { abortJob } from '#shared/jobs/wired';

/** POST /api/v1/jobs/{job_id}/abort */
export const handler = httpHandler(jobsRoutes.AbortJob, async ({ params, caller, event }) =>
  ok(await jobBody(event, await abortJob()(caller, params.job_id))),
);
