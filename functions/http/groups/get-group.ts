import { contract } from '#functions/http/contract';
import { etag, httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { getGroup } from '#shared/wiring';

/** GET /api/v1/enterprise-group/{group_uuid}/ */
export const handler = httpHandler(contract.GetGroup, async ({ params, caller }) => {
  const { group, version } = await getGroup()(caller, params.group_uuid);
  return ok(group, { etag: etag(version) });
});
