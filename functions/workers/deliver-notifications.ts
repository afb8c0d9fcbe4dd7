import { logger } from '#shared/logger';
import { Notification } from '#shared/notifications/notification';
import { jsonBody, sqsWorker } from '#shared/queue/sqs-worker';
import { deliverNotification } from '#shared/wiring';

/**
 * The notification outbox's consumer: each message goes to the sender once (locally a line in
 * .local/outbox.jsonl, in AWS the e-mail sender wired in shared/wiring.ts). A record that fails is
 * retried alone and ends in the DLQ after maxReceiveCount. Logs ids only, never addresses.
 */
export const handler = sqsWorker(jsonBody(Notification), async (notification, { messageId }) => {
  const result = await deliverNotification()(notification);
  logger.debug('notification', { message_id: messageId, notification_id: notification.notification_id, result });
});
