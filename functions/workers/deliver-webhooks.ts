import { makeDeliveryWorker } from '#shared/webhooks/delivery-worker';
import { deliverWebhooks, deliveryQueue } from '#shared/webhooks/wired';

/**
 * The webhook deliveries' consumer (a FIFO queue, one message at a time): delivers each subscription's
 * events of a stream in sequence order, signed; a failed delivery is retried with backoff for a day,
 * holding back only its own stream, then dead-lettered (shared/webhooks/deliver-webhooks.ts).
 */
export const handler = makeDeliveryWorker(deliverWebhooks, deliveryQueue);
