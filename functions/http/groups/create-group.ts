import { groupsRoutes } from '#functions/http/contract/groups';
import { etag } from '#shared/http/conditional-requests';
import { httpHandler } from '#shared/http/http-handler';
import { absoluteUrl } from '#shared/http/list-envelope';
import { created } from '#shared/http/responses';
import { createGroup } from '#shared/wiring';

/** POST /api/v1/enterprise-group/ */
export const handler = httpHandler(groupsRoutes.CreateGroup, async ({ body, caller, event }) => {
  const { enterprise_customer_uuid, ...input } = body;
  const group = await createGroup()(caller, enterprise_customer_uuid, input);
  return created(group, {
    etag: etag(group.version),
    location: absoluteUrl(event, `/api/v1/enterprise-group/${group.group_uuid}/`),
  });
});
