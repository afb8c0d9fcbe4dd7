import { logger } from '#shared/logger';
import type { NotificationSender } from './deliver-notification';

/**
 * The default sender in AWS until an e-mail service is plugged in (SES, Braze, …): it records that a
 * notification would go out, by id and template only. Replace it in shared/wiring.ts with a sender
 * that calls the service; this queue, its DLQ and the dedupe marks stay as they are.
 */
export const logOnlySender: NotificationSender = async (notification) => {
  logger.info('notification ready for an e-mail sender', {
    notification_id: notification.notification_id,
    template: notification.template,
    enterprise_customer_uuid: notification.enterprise_customer_uuid,
    learner_uuid: notification.learner_uuid,
  });
};
