import { systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { db } from '#shared/db/client';
import { once } from '#shared/once';
import { eventBridgeClient, makeEventBridgePublisher, noEventBus } from './event-bus';
import { makeEventRepository } from './event-repository';
import { makeListEvents } from './list-events';
import { makePublishChangeEvents } from './publish-change-events';

/* The change events' use cases on the real table, clock and bus, each built on first use (shared/once.ts). */

export const changeEvents = /* @__PURE__ */ once(() => makeEventRepository(db, config.tableName));

export const publishChangeEvents = /* @__PURE__ */ once(() =>
  makePublishChangeEvents({
    events: changeEvents(),
    bus: config.eventBusName ? makeEventBridgePublisher(eventBridgeClient(), config.eventBusName) : noEventBus,
    clock: systemClock,
  }),
);

export const listEvents = /* @__PURE__ */ once(() => makeListEvents(changeEvents(), systemClock));
