import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listGroups } from '#shared/wiring';

/** GET /api/v1/enterprise-group/?enterprise_uuid=&learner_uuid=&external_id=&search=&type=&status=&sort_by=&sort_dir=&as_of= */
export const handler = httpHandler(contract.ListGroups, async ({ query, caller, event }) => {
  const page = await listGroups()(caller, {
    enterpriseUuid: query.enterprise_uuid,
    learnerUuid: query.learner_uuid,
    externalId: query.external_id,
    search: query.search,
    type: query.type,
    status: query.status,
    sortBy: query.sort_by,
    sortDir: query.sort_dir,
    pageSize: query.page_size,
    cursor: query.cursor,
    asOf: query.as_of,
  });
  return ok(listEnvelope(event, page));
});
