import { createHash } from 'node:crypto';
import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { EventStream } from '#shared/events/change-event';
import type { DeliveryMessage } from './delivery';

/** The deliveries queue (FIFO) as the use cases see it. */
export interface DeliveryQueue {
  /** Sends the messages, in order within each subscription's stream; throws unless every one was taken. */
  send(messages: readonly DeliveryMessage[]): Promise<void>;
  /** Keeps a received message in flight for `seconds` more (its stream waits that long), then it comes back. */
  retryAfter(receiptHandle: string, seconds: number): Promise<void>;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
const streamText = (stream: EventStream) => ('group' in stream ? `group\n${stream.group}` : `course\n${stream.course}`);

/** One message group per subscription and event stream: each is delivered in order, independently of the others. */
export const messageGroupOf = (message: Pick<DeliveryMessage, 'webhook_id' | 'stream'>) =>
  digest(`${message.webhook_id}\n${streamText(message.stream)}`);

let processClient: SQSClient | undefined;
const shared = () => (processClient ??= new SQSClient({}));

/** The queue at `queueUrl`, through `client` (the process's own SQS client unless given one). */
export function makeSqsDeliveryQueue(queueUrl: string, client?: SQSClient): DeliveryQueue {
  const sqs = () => client ?? shared();
  return {
    async send(messages) {
      for (let start = 0; start < messages.length; start += 10) {
        const chunk = messages.slice(start, start + 10);
        const { Failed = [] } = await sqs().send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: chunk.map((message, i) => {
              const body = JSON.stringify(message);
              // The same message sent twice within SQS's 5-minute window (a retried stream batch) is taken once.
              return {
                Id: String(i),
                MessageBody: body,
                MessageGroupId: messageGroupOf(message),
                MessageDeduplicationId: digest(body),
              };
            }),
          }),
        );
        if (Failed.length > 0) throw new Error(`SQS refused ${Failed.length} webhook delivery messages`);
      }
    },
    async retryAfter(receiptHandle, seconds) {
      await sqs().send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: seconds,
        }),
      );
    },
  };
}
