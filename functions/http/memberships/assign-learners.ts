import { membershipsRoutes } from '#functions/http/contract/memberships';
import { jobAccepted } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { absoluteUrl } from '#shared/http/list-envelope';
import { created, ok } from '#shared/http/responses';
import { assignOrQueue } from '#shared/jobs/wired';

/** POST /api/v1/enterprise-group/{group_uuid}/assign_learners (over 1000 identifiers: 202 with a job) */
export const handler = httpHandler(membershipsRoutes.AssignLearners, async ({ params, body, caller, event }) => {
  const { sync, job } = await assignOrQueue()(caller, params.group_uuid, body);
  if (job) return jobAccepted(event, job);
  // 201's Location: the group's members, where the memberships it made are listed.
  const members = absoluteUrl(event, `/api/v1/enterprise-group/${params.group_uuid}/learners/`);
  return sync.count > 0 ? created(sync, { location: members }) : ok(sync);
});
