import { groupsRoutes } from '#functions/http/contract/groups';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { explainMembership } from '#shared/rules/wired';

/** GET /api/v1/enterprise-group/{group_uuid}/learners/{learner_uuid}/explain */
export const handler = httpHandler(groupsRoutes.ExplainMembership, async ({ params, caller }) =>
  ok(await explainMembership()(caller, params.group_uuid, params.learner_uuid)),
);
