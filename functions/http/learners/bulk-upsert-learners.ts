import { learnersRoutes } from '#functions/http/contract/learners';
import { jobAccepted } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { bulkUpsertOrQueue } from '#shared/jobs/wired';

/** POST /api/v1/enterprise-customer/{enterprise_uuid}/learners/bulk (over 1000 rows: 202 with a job) */
export const handler = httpHandler(learnersRoutes.BulkUpsertLearners, async ({ params, body, caller, event }) => {
  const { sync, job } = await bulkUpsertOrQueue()(caller, params.enterprise_uuid, body.learners);
  return job ? jobAccepted(event, job) : ok(sync);
});
