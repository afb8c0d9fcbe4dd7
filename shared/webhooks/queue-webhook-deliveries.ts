import { type ChangeEvent, type EventStream, streamOf } from '#shared/events/change-event';
import type { EventPublisher } from '#shared/events/event-bus';
import type { DeliveryMessage } from './delivery';
import type { DeliveryQueue } from './delivery-queue';
import { matchesEventTypes } from './webhook';
import type { WebhookRepository } from './webhook-repository';

/**
 * Hands recorded events to the webhook deliveries, as a publisher beside the event bus: for each
 * enabled subscription of the events' tenant and each event stream with events it matches, one
 * message naming the stream's first matching sequence and its last event of the batch. Events arrive
 * here in stream order (a group's records sit in one shard of the table's stream), so a stream's
 * messages go out in order; the worker delivers from the recorded events, never from the message.
 * Throws when a message was not sent: the stream batch is then retried, and a message sent twice is
 * one (FIFO deduplication, and the worker's mark of what it delivered).
 */
export function makeQueueWebhookDeliveries(
  webhooks: Pick<WebhookRepository, 'list'>,
  queue: Pick<DeliveryQueue, 'send'>,
): EventPublisher {
  return {
    async publish(events) {
      const byTenant = new Map<string, ChangeEvent[]>();
      for (const event of events) {
        const list = byTenant.get(event.enterprise_customer_uuid) ?? [];
        list.push(event);
        byTenant.set(event.enterprise_customer_uuid, list);
      }
      const messages: DeliveryMessage[] = [];
      for (const [tenant, tenantEvents] of byTenant) {
        const subscriptions = (await webhooks.list(tenant)).filter((w) => w.enabled);
        for (const webhook of subscriptions) {
          const lanes = new Map<string, { stream: EventStream; from: number; through: number }>();
          for (const event of tenantEvents) {
            if (!matchesEventTypes(webhook.event_types, event.type)) continue;
            const stream = streamOf(event);
            const key = JSON.stringify(stream);
            const lane = lanes.get(key) ?? { stream, from: event.sequence, through: event.sequence };
            lane.from = Math.min(lane.from, event.sequence);
            lane.through = Math.max(lane.through, event.sequence);
            lanes.set(key, lane);
          }
          for (const lane of lanes.values()) {
            messages.push({
              kind: 'stream',
              enterprise_customer_uuid: tenant,
              webhook_id: webhook.webhook_id,
              ...lane,
            });
          }
        }
      }
      if (messages.length > 0) await queue.send(messages);
    },
  };
}
