import * as z from 'zod';
import { EventTypeFilter } from '#shared/events/schemas';
import { pageSize } from '#shared/groups/schemas';

/** Event types a subscription receives: exact types, or every type of a domain (`membership.*`). */
const EventTypes = z.array(EventTypeFilter).min(1).max(20);
const Url = z.string().min(1).max(2000);

export const WebhookPath = z.strictObject({ enterprise_uuid: z.uuid(), webhook_id: z.uuid() });
export const DeliveryPath = z.strictObject({
  enterprise_uuid: z.uuid(),
  webhook_id: z.uuid(),
  delivery_id: z.string().regex(/^evt_[\w-]{32}$/),
});

export const CreateWebhookBody = z.strictObject({
  url: Url,
  event_types: EventTypes,
  enabled: z.boolean().default(true),
});

export const UpdateWebhookBody = z
  .strictObject({ url: Url.optional(), event_types: EventTypes.optional(), enabled: z.boolean().optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'name at least one of url, event_types, enabled' });

export const ListDeliveriesQuery = z.strictObject({
  page_size: pageSize,
  cursor: z.string().max(2000).optional(),
});
