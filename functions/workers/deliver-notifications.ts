import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '#shared/logger';
import { Notification } from '#shared/notifications/notification';
import { deliverNotification } from '#shared/wiring';

const processor = new BatchProcessor(EventType.SQS);

/**
 * The notification outbox's consumer: each message goes to the sender once (locally a line in
 * .local/outbox.jsonl, in AWS the e-mail sender wired in shared/wiring.ts). A record that fails is
 * retried alone and ends in the DLQ after maxReceiveCount. Logs ids only, never addresses.
 */
export const handler = async (event: SQSEvent, context: Context) => {
  const record = async ({ body, messageId }: SQSRecord) => {
    const notification = Notification.parse(JSON.parse(body));
    const result = await deliverNotification()(notification);
    logger.debug('notification', { message_id: messageId, notification_id: notification.notification_id, result });
  };
  return processPartialResponse(event, record, processor, { context });
};
