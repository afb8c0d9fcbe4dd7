import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Notification, NotificationOutbox } from './notification';

// Created on first send (see shared/queue/send-json.ts): importing the module costs a bundle nothing.
let client: SQSClient | undefined;
const sqs = () => (client ??= new SQSClient({}));
const BATCH = 10;
const ATTEMPTS = 5;

/**
 * The outbox as an SQS queue: ten messages per SendMessageBatch, entries that failed sent again
 * (a message may then arrive twice; its `notification_id` makes delivery idempotent). The queue's URL
 * is asked for only when there is something to send: use cases that may notify are wired into
 * functions that never do (a learner write enrolling rule-added members in a group's learning modules
 * sends no e-mail), and in AWS only functions whose catalog entry sends to the queue have its URL.
 */
export function makeNotificationQueue(queueUrl: () => string): NotificationOutbox {
  return async (notifications: Notification[]) => {
    for (let i = 0; i < notifications.length; i += BATCH) {
      let entries = notifications
        .slice(i, i + BATCH)
        .map((n, j) => ({ Id: String(j), MessageBody: JSON.stringify(n) }));
      for (let attempt = 0; entries.length > 0; attempt++) {
        if (attempt === ATTEMPTS) throw new Error(`${entries.length} notifications could not be queued`);
        const out = await sqs().send(new SendMessageBatchCommand({ QueueUrl: queueUrl(), Entries: entries }));
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
      }
    }
  };
}
