import * as z from 'zod';
import { pageSize } from '#shared/groups/schemas';
import { CHANGE_EVENT_DOMAINS, CHANGE_EVENT_TYPES } from './change-event';

/** An event type, or every type of a domain (`membership.*`). */
export const EventTypeFilter = z.enum([...CHANGE_EVENT_TYPES, ...CHANGE_EVENT_DOMAINS.map((d) => `${d}.*` as const)]);

export const ListEventsQuery = z.strictObject({
  after: z.string().min(1).max(2000).optional(),
  type: EventTypeFilter.optional(),
  group_uuid: z.uuid().optional(),
  page_size: pageSize,
});
