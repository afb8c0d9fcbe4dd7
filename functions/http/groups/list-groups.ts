import { groupsRoutes } from '#functions/http/contract/groups';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listingInput } from '#shared/groups/list-groups';
import { listGroups } from '#shared/wiring';

/** GET /api/v1/enterprise-group/?enterprise_uuid=&learner_uuid=&external_id=&search=&type=&status=&sort_by=&sort_dir=&as_of= */
export const handler = httpHandler(groupsRoutes.ListGroups, async ({ query, caller, event }) => {
  const page = await listGroups()(caller, {
    enterpriseUuid: query.enterprise_uuid,
    learnerUuid: query.learner_uuid,
    externalId: query.external_id,
    ...listingInput(query),
  });
  return ok(listEnvelope(event, page));
});
