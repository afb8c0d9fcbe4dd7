import { contract } from '#functions/http/contract';
import { etag, httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { findGroupByLegacyId } from '#shared/wiring';

/** GET /api/v1/enterprise-group/legacy/{legacy_id}/?enterprise_uuid= */
export const handler = httpHandler(contract.GetGroupByLegacyId, async ({ params, query, caller }) => {
  const group = await findGroupByLegacyId()(caller, query.enterprise_uuid, params.legacy_id);
  return ok(group, { etag: etag(group.version) });
});
