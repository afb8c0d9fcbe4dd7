import { groupsRoutes } from '#functions/http/contract/groups';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listConditionsHistory } from '#shared/rules/wired';

/** GET /api/v1/enterprise-group/{group_uuid}/conditions-history/ (newest version first) */
export const handler = httpHandler(groupsRoutes.ListConditionsHistory, async ({ params, query, caller, event }) => {
  const page = await listConditionsHistory()(caller, params.group_uuid, {
    pageSize: query.page_size,
    cursor: query.cursor,
  });
  return ok(listEnvelope(event, page));
});
