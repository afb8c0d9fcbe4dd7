import { systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { db } from '#shared/db/client';
import { once } from '#shared/once';
import { eventBridgeClient, makeEventBridgePublisher, noEventBus, publishToAll } from './event-bus';
import { makeEventRepository } from './event-repository';
import { makeListEvents } from './list-events';
import { makePublishChangeEvents } from './publish-change-events';
import { makeQueueWebhookDeliveries } from '#shared/webhooks/queue-webhook-deliveries';
import { makeSqsDeliveryQueue } from '#shared/webhooks/delivery-queue';
import { makeWebhookRepository } from '#shared/webhooks/webhook-repository';

/* The change events' use cases on the real table, clock and bus, each built on first use (shared/once.ts). */

export const changeEvents = /* @__PURE__ */ once(() => makeEventRepository(db, config.tableName));

export const publishChangeEvents = /* @__PURE__ */ once(() =>
  makePublishChangeEvents({
    events: changeEvents(),
    bus: publishToAll([
      config.eventBusName ? makeEventBridgePublisher(eventBridgeClient(), config.eventBusName) : noEventBus,
      makeQueueWebhookDeliveries(
        makeWebhookRepository(db, config.tableName),
        makeSqsDeliveryQueue(config.webhookDeliveriesQueueUrl),
      ),
    ]),
    clock: systemClock,
  }),
);

export const listEvents = /* @__PURE__ */ once(() => makeListEvents(changeEvents(), systemClock));
