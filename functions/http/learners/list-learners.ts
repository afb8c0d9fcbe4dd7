import { learnersRoutes } from '#functions/http/contract/learners';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listLearners } from '#shared/wiring';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/learners/?search=&branch_id= */
export const handler = httpHandler(learnersRoutes.ListLearners, async ({ params, query, caller, event }) => {
  const page = await listLearners()(caller, {
    tenant: params.enterprise_uuid,
    emailPrefix: query.search,
    branchId: query.branch_id,
    pageSize: query.page_size,
    cursor: query.cursor,
  });
  return ok(listEnvelope(event, page));
});
