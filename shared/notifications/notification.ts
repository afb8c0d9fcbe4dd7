import { createHash } from 'node:crypto';
import * as z from 'zod';

/**
 * One message for one recipient, as it travels on the notifications queue. It carries the
 * recipient's address because a sender needs it; it is never logged (log `notification_id`).
 */
export const Notification = z.object({
  /** Deterministic per operation, subject and template: a replayed operation produces the same id, so it is delivered once. */
  notification_id: z.string().min(1).max(100),
  template: z.string().min(1).max(100),
  enterprise_customer_uuid: z.uuid(),
  to: z.email(),
  learner_uuid: z.uuid().nullable(),
  /** Template variables (course id, cohort, …). */
  context: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  created: z.string(),
});
export type Notification = z.infer<typeof Notification>;

/** A stable id from the parts that make a notification unique; nothing personal can be read back from it. */
export const notificationId = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/** Where notifications are put for delivery (the notifications queue in AWS and locally). */
export type NotificationOutbox = (notifications: Notification[]) => Promise<void>;
