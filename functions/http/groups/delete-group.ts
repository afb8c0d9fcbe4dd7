import { groupsRoutes } from '#functions/http/contract/groups';
import { versionPrecondition } from '#shared/http/conditional-requests';
import { httpHandler } from '#shared/http/http-handler';
import { noContent } from '#shared/http/responses';
import { deleteGroup } from '#shared/wiring';

/** DELETE /api/v1/enterprise-group/{group_uuid}/ (If-Match / If-None-Match optional, RFC 9110) */
export const handler = httpHandler(groupsRoutes.DeleteGroup, async ({ params, caller, event }) => {
  await deleteGroup()(caller, params.group_uuid, versionPrecondition(event));
  return noContent();
});
