import { jobsRoutes } from '#functions/http/contract/jobs';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listJobResults } from '#shared/jobs/wired';

/** GET /api/v1/jobs/{job_id}/results/?outcome= */
export const handler = httpHandler(jobsRoutes.ListJobResults, async ({ params, query, caller, event }) =>
  ok(
    listEnvelope(
      event,
      await listJobResults()(caller, params.job_id, {
        outcome: query.outcome,
        pageSize: query.page_size,
        cursor: query.cursor,
      }),
    ),
  ),
);
