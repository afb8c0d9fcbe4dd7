import type { Clock } from '#shared/clock';
import { logger } from '#shared/logger';
import { type ChangeCandidate, type ChangeEvent, streamOf } from './change-event';
import type { EventPublisher } from './event-bus';
import { MAX_BLOCK } from './event-items';
import type { EventRepository } from './event-repository';
import { changeEventOf, type ItemChange } from './map-stream-record';

export interface PublishChangeEventsPorts {
  events: Pick<EventRepository, 'record'>;
  bus: EventPublisher;
  clock: Clock;
}

/** Streams (groups, courses) of one batch recorded at once; each stream's records one after the other. */
const PARALLEL_STREAMS = 8;

interface Pending {
  /** The record's place in the batch. */
  index: number;
  sequenceNumber: string;
  candidate: ChangeCandidate;
}

/**
 * Turns a batch of stream records, in stream order, into recorded and published events. Within one
 * event stream (a group, a course) records are numbered in batch order, up to MAX_BLOCK in one
 * transaction, so its sequence follows the table's order of changes; different streams are recorded
 * concurrently. The
 * earliest record that fails is answered: the event source resumes there, so it and every later record
 * are retried, and a stream's records stop at its first failure. Recording is idempotent by event id, so
 * a retried record keeps its first id and sequence; publishing is at least once (consumers deduplicate
 * by id). The events published are those before the first failure, in batch order.
 */
export function makePublishChangeEvents({ events, bus, clock }: PublishChangeEventsPorts) {
  return async (changes: readonly ItemChange[]): Promise<{ failedAt: string | null }> => {
    const streams = new Map<string, Pending[]>();
    changes.forEach((change, index) => {
      const candidate = changeEventOf(change);
      if (!candidate) return;
      const key = JSON.stringify([candidate.enterprise_customer_uuid, streamOf(candidate)]);
      const pending = streams.get(key) ?? [];
      pending.push({ index, sequenceNumber: change.sequenceNumber, candidate });
      streams.set(key, pending);
    });

    const recorded = new Map<number, ChangeEvent>();
    let firstFailure = Infinity;
    const queue = [...streams.values()];
    const recordStream = async () => {
      for (let pending = queue.shift(); pending; pending = queue.shift()) {
        for (let start = 0; start < pending.length; start += MAX_BLOCK) {
          const block = pending.slice(start, start + MAX_BLOCK);
          try {
            const stored = await events.record(
              block.map((p) => p.candidate),
              clock.now(),
            );
            stored.forEach((event, i) => recorded.set(block[i]!.index, event));
          } catch (error) {
            logger.warn('change events not recorded; retried from this record', {
              sequence_number: block[0]!.sequenceNumber,
              error: (error as Error).name,
            });
            firstFailure = Math.min(firstFailure, block[0]!.index);
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_STREAMS, streams.size) }, recordStream));

    const done = [...recorded].filter(([index]) => index < firstFailure).sort(([a], [b]) => a - b);
    try {
      await bus.publish(done.map(([, event]) => event));
    } catch (error) {
      logger.warn('change events not published; the batch is retried from its first event', {
        count: done.length,
        error: (error as Error).name,
      });
      firstFailure = Math.min(firstFailure, done[0]?.[0] ?? Infinity);
    }
    return { failedAt: Number.isFinite(firstFailure) ? changes[firstFailure]!.sequenceNumber : null };
  };
}
