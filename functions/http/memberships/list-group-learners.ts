import { membershipsRoutes } from '#functions/http/contract/memberships';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listGroupLearners } from '#shared/wiring';

/** GET /api/v1/enterprise-group/{group_uuid}/learners/?search=&learners=&status=&source=&sort_by=&sort_dir=&as_of= */
export const handler = httpHandler(membershipsRoutes.ListGroupLearners, async ({ params, query, caller, event }) => {
  const page = await listGroupLearners()(caller, params.group_uuid, {
    search: query.search,
    learners: query.learners,
    status: query.status,
    source: query.source,
    sortBy: query.sort_by,
    sortDir: query.sort_dir,
    pageSize: query.page_size,
    cursor: query.cursor,
    asOf: query.as_of,
  });
  return ok({ ...listEnvelope(event, page), count_exact: page.countExact });
});
