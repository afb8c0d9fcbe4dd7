import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { NotFoundError } from '#shared/errors';
import type { Delivery } from './delivery';
import type { DeliveryQueue } from './delivery-queue';
import type { DeliveryRepository } from './delivery-repository';
import { findWebhook } from './read-webhooks';
import type { WebhookRepository } from './webhook-repository';

/** A subscription's delivery log, newest first: an entry per event attempted, with its status and last answer. */
export function makeListWebhookDeliveries(
  webhooks: Pick<WebhookRepository, 'get'>,
  deliveries: Pick<DeliveryRepository, 'page'>,
) {
  return async (
    caller: Caller,
    tenant: string,
    webhookId: string,
    page: { cursor?: string | undefined; pageSize: number },
  ) => {
    assertAdministers(caller, tenant);
    await findWebhook(webhooks, tenant, webhookId);
    return deliveries.page(webhookId, page);
  };
}

/**
 * Delivers a logged event again, whatever its status: it becomes pending with a new day of retries and
 * is queued in its stream's message group (after what that stream is delivering now). The event must
 * still be kept (EVENT_RETENTION_DAYS); otherwise the worker marks it failed.
 */
export function makeRedeliverWebhookEvent(
  webhooks: Pick<WebhookRepository, 'get'>,
  deliveries: Pick<DeliveryRepository, 'get' | 'reopen'>,
  queue: Pick<DeliveryQueue, 'send'>,
  clock: Clock,
) {
  return async (caller: Caller, tenant: string, webhookId: string, deliveryId: string): Promise<Delivery> => {
    assertAdministers(caller, tenant);
    await findWebhook(webhooks, tenant, webhookId);
    const delivery = await deliveries.get(webhookId, deliveryId);
    if (!delivery || !(await deliveries.reopen(webhookId, deliveryId))) {
      throw new NotFoundError('delivery_not_found', `Delivery ${deliveryId} not found`);
    }
    const stream = delivery.group_uuid !== null ? { group: delivery.group_uuid } : { course: delivery.course_id ?? '' };
    await queue.send([
      {
        kind: 'redeliver',
        enterprise_customer_uuid: tenant,
        webhook_id: webhookId,
        stream,
        event_id: deliveryId,
        requested_at: clock.now(),
      },
    ]);
    return { ...delivery, status: 'pending', first_attempt_at: null };
  };
}
