import { DEFAULT_MAX_CONCURRENCY, deadLetterFunctions, queueFunctions } from '#functions/catalog';
import type { QueueName } from '#functions/resources';
import { createHandlerLoader, entryExists, type HandlerLoader } from '#local/handler-loader';
import type { LocalLog } from '#local/local-log';
import type { QueueConsumer } from '#local/pollers';

/**
 * One consumer per queue-triggered catalog entry, and one per dead-letter queue a dead-letter
 * consumer of the catalog is fed by. Workers are imported now (pollers need them at
 * start); an entry whose module does not exist yet is skipped with one warning.
 */
export async function catalogConsumers(queues: {
  queueUrls: Record<QueueName, string>;
  queueArns: Record<QueueName, string>;
  dlqUrls: Record<QueueName, string>;
  dlqArns: Record<QueueName, string>;
  log: LocalLog;
  load?: HandlerLoader;
}): Promise<QueueConsumer[]> {
  const load = queues.load ?? createHandlerLoader();
  const consumers: QueueConsumer[] = [];
  for (const fn of queueFunctions) {
    if (!entryExists(fn.entry)) {
      queues.log.warn(`${fn.name}: ${fn.entry} does not exist yet, queue ${fn.trigger.queue} is not polled`);
      continue;
    }
    consumers.push({
      name: fn.name,
      queueUrl: queues.queueUrls[fn.trigger.queue],
      queueArn: queues.queueArns[fn.trigger.queue],
      batchSize: fn.trigger.batchSize,
      concurrency: fn.trigger.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
      timeoutSeconds: fn.timeoutSeconds,
      memoryMb: fn.memoryMb,
      handler: await load(fn.entry),
    });
  }
  for (const fn of deadLetterFunctions) {
    if (!entryExists(fn.entry)) {
      queues.log.warn(`${fn.name}: ${fn.entry} does not exist yet, the DLQs of ${fn.trigger.queues} are not polled`);
      continue;
    }
    const handler = await load(fn.entry);
    for (const queue of fn.trigger.queues) {
      consumers.push({
        name: fn.name,
        queueUrl: queues.dlqUrls[queue],
        queueArn: queues.dlqArns[queue],
        batchSize: fn.trigger.batchSize,
        concurrency: DEFAULT_MAX_CONCURRENCY,
        timeoutSeconds: fn.timeoutSeconds,
        memoryMb: fn.memoryMb,
        handler,
      });
    }
  }
  return consumers;
}
