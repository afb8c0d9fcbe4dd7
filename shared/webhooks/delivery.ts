import type { ChangeEvent, EventStream } from '#shared/events/change-event';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event's delivery to one subscription: its log entry. Its id is the event's. */
export interface Delivery {
  delivery_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  group_uuid: string | null;
  course_id: string | null;
  sequence: number;
  status: DeliveryStatus;
  attempts: number;
  /** The receiver's last HTTP status; null when it gave none (timeout, refused address, network). */
  response_code: number | null;
  /** Why the last attempt had no status, when it had none. */
  error: string | null;
  /** The first attempt of the current round (a redelivery starts a new one): its day of retries runs from here. */
  first_attempt_at: string | null;
  last_attempt_at: string | null;
  created: string;
}

/**
 * A message of the deliveries queue. `stream`: the subscription's stream (a group's, a course's) has
 * events up to `through`, the first of them matching at `from` (where a stream never delivered before
 * starts). `redeliver`: deliver that event again, out of order, as an admin asked.
 */
export type DeliveryMessage =
  | {
      kind: 'stream';
      enterprise_customer_uuid: string;
      webhook_id: string;
      stream: EventStream;
      from: number;
      through: number;
    }
  | {
      kind: 'redeliver';
      enterprise_customer_uuid: string;
      webhook_id: string;
      stream: EventStream;
      event_id: string;
      requested_at: string;
    };

export const deliveryOf = (webhookId: string, event: ChangeEvent, at: string): Delivery => ({
  delivery_id: event.id,
  webhook_id: webhookId,
  event_id: event.id,
  event_type: event.type,
  group_uuid: event.group_uuid,
  course_id: event.course_id,
  sequence: event.sequence,
  status: 'pending',
  attempts: 0,
  response_code: null,
  error: null,
  first_attempt_at: null,
  last_attempt_at: null,
  created: at,
});
