import { groupsRoutes } from '#functions/http/contract/groups';
import { answerRead } from '#shared/http/conditional-requests';
import { httpHandler } from '#shared/http/http-handler';
import { findGroupByLegacyId } from '#shared/wiring';

/** GET /api/v1/enterprise-group/legacy/{legacy_id}/?enterprise_uuid= (ETag; If-None-Match → 304, If-Match → 412) */
export const handler = httpHandler(groupsRoutes.GetGroupByLegacyId, async ({ params, query, caller, event }) => {
  const group = await findGroupByLegacyId()(caller, query.enterprise_uuid, params.legacy_id);
  return answerRead(event, group.version, group);
});
