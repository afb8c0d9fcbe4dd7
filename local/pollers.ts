import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { REGION } from '#local/aws-account';
import { reportedFailures } from '#local/batch-item-failures';
import type { LocalLog } from '#local/local-log';
import { toSqsEvent } from '#local/sqs-event';

/**
 * Invokes a queue worker: resolves to an SQSBatchResponse (or nothing); anything else counts as
 * success, like Lambda. A rejection (the handler's error, its timeout) fails the whole batch.
 */
export type SqsWorkerHandler = (event: SQSEvent) => Promise<unknown>;

/** One event source mapping: a queue and the worker it feeds. */
export interface QueueConsumer {
  /** Function name, for logs and the Lambda context. */
  name: string;
  queueUrl: string;
  queueArn: string;
  batchSize: number;
  /** Batches delivered at once, like the event source's maximum concurrency (default 1). */
  concurrency?: number;
  handler: SqsWorkerHandler;
}

export interface PollersOptions {
  /** SQS endpoint; the pollers' own client uses it explicitly. */
  endpoint: string;
  consumers: QueueConsumer[];
  log: LocalLog;
  /** Long-poll wait per ReceiveMessage (default 1s): also bounds how long stop() waits for a receive. */
  waitTimeSeconds?: number;
  region?: string;
}

export interface Pollers {
  /** Names of the consumers being polled. */
  names: string[];
  /** Resolves once every polled queue is empty (nothing visible, in flight or delayed) and no batch runs. */
  idle(options?: { timeoutMs?: number }): Promise<void>;
  /** Stops polling; resolves once in-flight batches have finished. */
  stop(): Promise<void>;
}

/**
 * Local stand-in for Lambda's SQS event source mappings with ReportBatchItemFailures: receive a
 * batch, call the worker with a Lambda-shaped SQS event, delete the records it did not report as
 * failed. A throw (or timeout) deletes nothing, so the batch comes back after the visibility timeout
 * and, after maxReceiveCount deliveries, the queue moves it to its DLQ.
 */
export function startPollers(options: PollersOptions): Pollers {
  const { consumers, log } = options;
  const region = options.region ?? REGION;
  const sqs = new SQSClient({
    endpoint: options.endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const waitTimeSeconds = options.waitTimeSeconds ?? 1;
  const receiving = new Set<AbortController>();
  let stopping = false;
  let busy = 0;

  async function receiveBatch(consumer: QueueConsumer): Promise<Message[]> {
    const messages: Message[] = [];
    let wait = waitTimeSeconds;
    while (messages.length < consumer.batchSize && !stopping) {
      const wanted = Math.min(10, consumer.batchSize - messages.length);
      const abort = new AbortController();
      receiving.add(abort);
      try {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: consumer.queueUrl,
            MaxNumberOfMessages: wanted,
            WaitTimeSeconds: wait,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        messages.push(...Messages);
        if (Messages.length < wanted) break;
        wait = 0;
      } finally {
        receiving.delete(abort);
      }
    }
    return messages;
  }

  async function deliver(consumer: QueueConsumer, messages: Message[]): Promise<void> {
    const event = toSqsEvent(messages, consumer.queueArn, region);
    let failed: Set<string> | 'all';
    try {
      const result = await consumer.handler(event);
      failed = reportedFailures(result, event);
      if (failed === 'all') log.warn(`${consumer.name}: invalid batchItemFailures, the whole batch is retried`);
    } catch (error) {
      log.error(`${consumer.name}: batch of ${messages.length} failed, it will be retried:`, error);
      failed = 'all';
    }
    if (failed === 'all') return;
    const done = event.Records.filter((record) => !failed.has(record.messageId));
    for (let start = 0; start < done.length; start += 10) {
      const chunk = done.slice(start, start + 10);
      const result = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: consumer.queueUrl,
          Entries: chunk.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
        }),
      );
      for (const failure of result.Failed ?? []) log.warn(`${consumer.name}: delete failed: ${failure.Message}`);
    }
    log.info(
      `${consumer.name}: ${done.length}/${messages.length} processed${failed.size ? `, ${failed.size} failed` : ''}`,
    );
  }

  async function poll(consumer: QueueConsumer): Promise<void> {
    while (!stopping) {
      let messages: Message[];
      try {
        messages = await receiveBatch(consumer);
      } catch (error) {
        if (stopping) return;
        log.warn(`${consumer.name}: receive failed (${(error as Error).message}); retrying in 1s`);
        await sleep(1_000);
        continue;
      }
      if (messages.length === 0) continue;
      busy++;
      try {
        await deliver(consumer, messages);
      } catch (error) {
        log.error(`${consumer.name}: could not settle a batch:`, error);
      } finally {
        busy--;
      }
    }
  }

  async function queuesEmpty(): Promise<boolean> {
    for (const consumer of consumers) {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: consumer.queueUrl,
          AttributeNames: [
            'ApproximateNumberOfMessages',
            'ApproximateNumberOfMessagesNotVisible',
            'ApproximateNumberOfMessagesDelayed',
          ],
        }),
      );
      if (Object.values(Attributes).some((count) => Number(count) > 0)) return false;
    }
    return true;
  }

  const loops = consumers.flatMap((consumer) =>
    Array.from({ length: consumer.concurrency ?? 1 }, () => poll(consumer)),
  );
  let stopped: Promise<void> | undefined;

  return {
    names: consumers.map((consumer) => consumer.name),
    async idle({ timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (busy === 0 && (await queuesEmpty()) && busy === 0) return;
        if (Date.now() > deadline) throw new Error(`queues not drained within ${timeoutMs} ms`);
        await sleep(50);
      }
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        for (const abort of receiving) abort.abort();
        await Promise.all(loops);
        sqs.destroy();
      })();
      return stopped;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
