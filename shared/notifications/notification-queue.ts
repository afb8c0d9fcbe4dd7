import { sendJsonBatch } from '#shared/queue/send-json';
import type { NotificationOutbox } from './notification';

/**
 * The outbox as an SQS queue: ten messages per SendMessageBatch, entries that failed sent again
 * (a message may then arrive twice; its `notification_id` makes delivery idempotent). The queue's URL
 * is asked for only when there is something to send: use cases that may notify are wired into
 * functions that never do (a learner write enrolling rule-added members in a group's learning modules
 * sends no e-mail), and in AWS only functions whose catalog entry sends to the queue have its URL.
 */
export function makeNotificationQueue(queueUrl: () => string): NotificationOutbox {
  return async (notifications) => {
    if (notifications.length > 0) await sendJsonBatch(queueUrl(), notifications);
  };
}
