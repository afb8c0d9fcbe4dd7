import { learnersRoutes } from '#functions/http/contract/learners';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listBranches } from '#shared/wiring';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/branches/?page_size=&cursor= */
export const handler = httpHandler(learnersRoutes.ListBranches, async ({ params, query, caller, event }) => {
  const page = await listBranches()(caller, params.enterprise_uuid, {
    pageSize: query.page_size,
    cursor: query.cursor,
  });
  return ok(listEnvelope(event, page));
});
