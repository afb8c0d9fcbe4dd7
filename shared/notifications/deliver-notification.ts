import type { Clock } from '#shared/clock';
import type { Notification } from './notification';
import type { SentNotificationRepository } from './sent-notification-repository';

/** Where a notification finally goes: a file locally, an e-mail service in AWS. */
export type NotificationSender = (notification: Notification) => Promise<void>;

/**
 * Hands one queued notification to the sender unless its id was delivered before, then marks it.
 * The mark is written after sending: a crash in between sends it again (at least once), a
 * redelivered or replayed message that was delivered is skipped. Answers whether it was sent now.
 */
export const makeDeliverNotification =
  (sent: Pick<SentNotificationRepository, 'wasSent' | 'markSent'>, sender: NotificationSender, clock: Clock) =>
  async (notification: Notification): Promise<'sent' | 'duplicate'> => {
    if (await sent.wasSent(notification.notification_id)) return 'duplicate';
    await sender(notification);
    await sent.markSent(notification.notification_id, clock.now());
    return 'sent';
  };
