import { lookup } from 'node:dns/promises';
import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { db } from '#shared/db/client';
import { changeEvents } from '#shared/events/wired';
import { once } from '#shared/once';
import { makeCreateWebhook } from './create-webhook';
import { makeDeliverWebhooks } from './deliver-webhooks';
import { makeSqsDeliveryQueue } from './delivery-queue';
import { makeDeliveryRepository } from './delivery-repository';
import { makeGetWebhook, makeListWebhooks } from './read-webhooks';
import { makeRotateWebhookSecret } from './rotate-webhook-secret';
import { makeSendWebhook } from './send-webhook';
import { newSecret } from './signing';
import { makeDeleteWebhook, makeUpdateWebhook } from './update-webhook';
import { checkWebhookUrl } from './url-policy';
import { makeListWebhookDeliveries, makeRedeliverWebhookEvent } from './webhook-deliveries';
import { makeWebhookRepository } from './webhook-repository';

/* The webhooks' use cases on the real table, queue, clock and network, each built on first use (shared/once.ts). */

const policy = () => ({ allowLocal: config.webhookLocalUrls });
export const webhookRepository = /* @__PURE__ */ once(() => makeWebhookRepository(db, config.tableName));
const deliveryRepository = /* @__PURE__ */ once(() => makeDeliveryRepository(db, config.tableName));
export const deliveryQueue = /* @__PURE__ */ once(() => makeSqsDeliveryQueue(config.webhookDeliveriesQueueUrl));
const checkUrl = (url: string) => checkWebhookUrl(url, policy(), (host) => lookup(host, { all: true }));
const secrets = () => newSecret();

export const createWebhook = /* @__PURE__ */ once(() =>
  makeCreateWebhook({
    webhooks: webhookRepository(),
    checkUrl,
    newSecret: secrets,
    clock: systemClock,
    ids: randomIds,
  }),
);
export const getWebhook = /* @__PURE__ */ once(() => makeGetWebhook(webhookRepository()));
export const listWebhooks = /* @__PURE__ */ once(() => makeListWebhooks(webhookRepository()));
export const updateWebhook = /* @__PURE__ */ once(() => makeUpdateWebhook(webhookRepository(), checkUrl, systemClock));
export const deleteWebhook = /* @__PURE__ */ once(() => makeDeleteWebhook(webhookRepository()));
export const rotateWebhookSecret = /* @__PURE__ */ once(() =>
  makeRotateWebhookSecret(webhookRepository(), secrets, systemClock),
);
export const listWebhookDeliveries = /* @__PURE__ */ once(() =>
  makeListWebhookDeliveries(webhookRepository(), deliveryRepository()),
);
export const redeliverWebhookEvent = /* @__PURE__ */ once(() =>
  makeRedeliverWebhookEvent(webhookRepository(), deliveryRepository(), deliveryQueue(), systemClock),
);
export const deliverWebhooks = /* @__PURE__ */ once(() =>
  makeDeliverWebhooks({
    webhooks: webhookRepository(),
    deliveries: deliveryRepository(),
    events: changeEvents(),
    send: makeSendWebhook(policy()),
    clock: systemClock,
    retryCapSeconds: config.webhookRetryCapSeconds,
  }),
);
