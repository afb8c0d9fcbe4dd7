import { membershipsRoutes } from '#functions/http/contract/memberships';
import { jobAccepted } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { removeOrQueue } from '#shared/jobs/wired';

/** POST /api/v1/enterprise-group/{group_uuid}/remove_learners (over 1000 identifiers: 202 with a job) */
export const handler = httpHandler(membershipsRoutes.RemoveLearners, async ({ params, body, caller, event }) => {
  const { sync, job } = await removeOrQueue()(caller, params.group_uuid, body);
  return job ? jobAccepted(event, job) : ok(sync);
});
