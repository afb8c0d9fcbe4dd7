import { contract } from '#functions/http/contract';
import { httpHandler, ifMatchVersion } from '#shared/http/http-handler';
import { noContent } from '#shared/http/responses';
import { deleteGroup } from '#shared/wiring';

/** DELETE /api/v1/enterprise-group/{group_uuid}/ (If-Match optional) */
export const handler = httpHandler(contract.DeleteGroup, async ({ params, caller, event }) => {
  await deleteGroup()(caller, params.group_uuid, ifMatchVersion(event));
  return noContent();
});
