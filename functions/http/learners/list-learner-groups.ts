import { groupsRoutes } from '#functions/http/contract/groups';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listingInput } from '#shared/groups/list-groups';
import { listGroups } from '#shared/wiring';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}/groups/?as_of=&search=&type=&status=&sort_by=&sort_dir= */
export const handler = httpHandler(groupsRoutes.ListLearnerGroups, async ({ params, query, caller, event }) => {
  const page = await listGroups()(caller, {
    enterpriseUuid: params.enterprise_uuid,
    learnerUuid: params.learner_uuid,
    ...listingInput(query),
  });
  return ok(listEnvelope(event, page));
});
