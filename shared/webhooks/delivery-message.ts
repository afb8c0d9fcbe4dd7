import * as z from 'zod';
import type { DeliveryMessage } from './delivery';

const Stream = z.union([z.strictObject({ group: z.string().min(1) }), z.strictObject({ course: z.string() })]);
const Target = { enterprise_customer_uuid: z.uuid(), webhook_id: z.uuid(), stream: Stream };

/** A deliveries-queue message as the worker reads it (delivery.ts's DeliveryMessage). */
export const DeliveryMessageSchema: z.ZodType<DeliveryMessage> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stream'), ...Target, from: z.int().min(1), through: z.int().min(1) }),
  z.strictObject({ kind: z.literal('redeliver'), ...Target, event_id: z.string().min(1), requested_at: z.string() }),
]);
