import { groupsRoutes } from '#functions/http/contract/groups';
import { jobAccepted } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { recalculateGroup } from '#shared/rules/wired';

/** POST /api/v1/enterprise-group/{group_uuid}/recalculate → 202 with the recalculation job */
export const handler = httpHandler(groupsRoutes.RecalculateGroup, async ({ params, caller, event }) => {
  const job = await recalculateGroup()(caller, params.group_uuid);
  return jobAccepted(event, job);
});
