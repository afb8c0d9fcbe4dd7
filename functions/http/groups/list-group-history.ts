import { groupsRoutes } from '#functions/http/contract/groups';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listGroupHistory } from '#shared/wiring';

/** GET /api/v1/enterprise-group/{group_uuid}/history/?page_size=&cursor= (newest first) */
export const handler = httpHandler(groupsRoutes.ListGroupHistory, async ({ params, query, caller, event }) => {
  const page = await listGroupHistory()(caller, params.group_uuid, {
    pageSize: query.page_size,
    cursor: query.cursor,
  });
  return ok(listEnvelope(event, page));
});
