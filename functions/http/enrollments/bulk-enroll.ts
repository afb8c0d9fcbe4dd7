import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { jobAccepted } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { bulkEnrollOrQueue } from '#shared/jobs/wired';

/** POST /api/bulk_enroll/v1/bulk_enroll/ (Open edX compatible; over 1000 identifier×course pairs: 202 with a job) */
export const handler = httpHandler(enrollmentsRoutes.BulkEnroll, async ({ body, caller, event }) => {
  const { sync, job } = await bulkEnrollOrQueue()(caller, body);
  return job ? jobAccepted(event, job) : ok(sync);
});
