import { jobsRoutes } from '#functions/http/contract/jobs';
import { httpHandler } from '#shared/http/http-handler';
import { absoluteUrl, listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { presentJob } from '#shared/jobs/present-job';
import { listJobs } from '#shared/jobs/wired';

/** GET /api/v1/jobs/?enterprise_uuid=&source_key= (newest first) */
export const handler = httpHandler(jobsRoutes.ListJobs, async ({ query, caller, event }) => {
  const page = await listJobs()(caller, {
    tenant: query.enterprise_uuid,
    sourceKey: query.source_key,
    pageSize: query.page_size,
    cursor: query.cursor,
  });
  const items = page.items.map((job) =>
    presentJob(job, { resultsUrl: absoluteUrl(event, `/api/v1/jobs/${job.job_id}/results/`) }),
  );
  return ok(listEnvelope(event, { ...page, items }));
});
