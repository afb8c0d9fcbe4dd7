import { eventsRoutes } from '#functions/http/contract/events';
import { absoluteUrl } from '#shared/http/list-envelope';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { listEvents } from '#shared/events/wired';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/events/?after=&type=&group_uuid=&page_size= */
export const handler = httpHandler(eventsRoutes.ListEvents, async ({ params, query, caller, event }) => {
  const page = await listEvents()(caller, params.enterprise_uuid, {
    after: query.after,
    type: query.type,
    groupUuid: query.group_uuid,
    pageSize: query.page_size,
  });
  const next = new URLSearchParams(event.rawQueryString);
  if (page.after) next.set('after', page.after);
  return ok({
    count: page.items.length,
    next: page.more ? absoluteUrl(event, `${event.rawPath}?${next}`) : null,
    previous: null,
    after: page.after,
    results: page.items,
  });
});
