import type { Clock } from '#shared/clock';
import { logger } from '#shared/logger';
import type { ChangeEvent } from './change-event';
import type { EventPublisher } from './event-bus';
import type { EventRepository } from './event-repository';
import { changeEventOf, type ItemChange } from './map-stream-record';

export interface PublishChangeEventsPorts {
  events: Pick<EventRepository, 'record'>;
  bus: EventPublisher;
  clock: Clock;
}

/**
 * Turns a batch of stream records, in stream order, into recorded and published events. Records are
 * recorded one after the other (a stream's sequence follows the stream's order); the first that fails
 * stops the batch, and its sequence number is answered: the event source resumes there, so every later
 * record is retried too and the order holds. Recording is idempotent by event id, so a retried record
 * keeps its first id and sequence; publishing is at least once (consumers deduplicate by id).
 */
export function makePublishChangeEvents({ events, bus, clock }: PublishChangeEventsPorts) {
  return async (changes: readonly ItemChange[]): Promise<{ failedAt: string | null }> => {
    const recorded: { sequenceNumber: string; event: ChangeEvent }[] = [];
    let failedAt: string | null = null;
    for (const change of changes) {
      const candidate = changeEventOf(change);
      if (!candidate) continue;
      try {
        const { event } = await events.record(candidate, clock.now());
        recorded.push({ sequenceNumber: change.sequenceNumber, event });
      } catch (error) {
        logger.warn('change event not recorded; retried from this record', {
          sequence_number: change.sequenceNumber,
          error: (error as Error).name,
        });
        failedAt = change.sequenceNumber;
        break;
      }
    }
    try {
      await bus.publish(recorded.map((r) => r.event));
    } catch (error) {
      logger.warn('change events not published; the batch is retried from its first event', {
        count: recorded.length,
        error: (error as Error).name,
      });
      failedAt = recorded[0]?.sequenceNumber ?? failedAt;
    }
    return { failedAt };
  };
}
