import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { eventBus } from '#functions/resources';
import { UnavailableError } from '#shared/errors';
import type { ChangeEvent } from './change-event';

/** Where recorded events are published beyond the table: the service's EventBridge bus in AWS. */
export interface EventPublisher {
  /** Publishes every event or throws: an entry the bus refused (throttled, failed) fails the whole call. */
  publish(events: readonly ChangeEvent[]): Promise<void>;
}

/** PutEvents takes at most ten entries. */
export const PUT_EVENTS_MAX = 10;

/**
 * The EventBridge bus: one entry per event (source `lms-groups`, detail-type its type, detail the
 * event). Consumers deduplicate by the event's id, since a retried batch publishes again.
 */
export function makeEventBridgePublisher(client: EventBridgeClient, busName: string): EventPublisher {
  return {
    async publish(events) {
      for (let start = 0; start < events.length; start += PUT_EVENTS_MAX) {
        const chunk = events.slice(start, start + PUT_EVENTS_MAX);
        const { FailedEntryCount = 0, Entries = [] } = await client.send(
          new PutEventsCommand({
            Entries: chunk.map((event) => ({
              EventBusName: busName,
              Source: eventBus.source,
              DetailType: event.type,
              Detail: JSON.stringify(event),
              Time: new Date(event.occurred_at),
            })),
          }),
        );
        if (FailedEntryCount > 0) {
          const codes = [...new Set(Entries.flatMap((e) => (e.ErrorCode ? [e.ErrorCode] : [])))];
          throw new UnavailableError(`The event bus refused ${FailedEntryCount} entries (${codes.join(', ')})`);
        }
      }
    },
  };
}

/** Publishes to each publisher in turn (the bus, then the webhook deliveries); the first that throws fails the call. */
export const publishToAll = (publishers: readonly EventPublisher[]): EventPublisher => ({
  async publish(events) {
    for (const publisher of publishers) await publisher.publish(events);
  },
});

/** No bus (the local stack): events live in the table only. */
export const noEventBus: EventPublisher = { publish: async () => {} };

export const eventBridgeClient = () => new EventBridgeClient({ maxAttempts: 3 });
