import { groupsRoutes } from '#functions/http/contract/groups';
import { answerRead } from '#shared/http/conditional-requests';
import { httpHandler } from '#shared/http/http-handler';
import { getGroup } from '#shared/wiring';

/** GET /api/v1/enterprise-group/{group_uuid}/ (ETag; If-None-Match → 304, If-Match → 412) */
export const handler = httpHandler(groupsRoutes.GetGroup, async ({ params, caller, event }) => {
  const { group, version } = await getGroup()(caller, params.group_uuid);
  return answerRead(event, version, group);
});
