import type { RouteContract } from '#shared/http/http-handler';
import { EventFeedAnswer } from '#shared/events/responses';
import { ListEventsQuery } from '#shared/events/schemas';
import { TenantPath } from '#functions/http/contract/shared-answers';

/** A tenant's change events: the routes' contracts (see functions/http/contract.ts). */
export const eventsRoutes = {
  ListEvents: {
    summary:
      "A tenant's change events in order, after a cursor: the catch-up feed (all groups by recording time, or one group by sequence)",
    params: TenantPath,
    query: ListEventsQuery,
    success: {
      status: 200,
      description:
        'a page of events; `after` resumes after its last one (now or later), `next` is set when more were there already',
      body: EventFeedAnswer,
    },
  },
} satisfies Record<string, RouteContract>;
