import { DEFAULT_MAX_CONCURRENCY, deadLetterFunctions, queueFunctions } from '#functions/catalog';
import type { QueueName } from '#functions/resources';
import { entryExists } from '#local/handler-loader';
import type { Invoke } from '#local/invoker';
import type { LocalLog } from '#local/local-log';
import type { QueueConsumer } from '#local/pollers';

/**
 * One consumer per queue-triggered catalog entry, and one per dead-letter queue a dead-letter
 * consumer of the catalog is fed by, each invoking its function through `invoke`; an entry whose
 * module does not exist yet is skipped with one warning.
 */
export function catalogConsumers(queues: {
  queueUrls: Record<QueueName, string>;
  queueArns: Record<QueueName, string>;
  dlqUrls: Record<QueueName, string>;
  dlqArns: Record<QueueName, string>;
  log: LocalLog;
  invoke: Invoke;
}): QueueConsumer[] {
  const { invoke } = queues;
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
      handler: (event) => invoke(fn, event),
    });
  }
  for (const fn of deadLetterFunctions) {
    if (!entryExists(fn.entry)) {
      queues.log.warn(`${fn.name}: ${fn.entry} does not exist yet, the DLQs of ${fn.trigger.queues} are not polled`);
      continue;
    }
    for (const queue of fn.trigger.queues) {
      consumers.push({
        name: fn.name,
        queueUrl: queues.dlqUrls[queue],
        queueArn: queues.dlqArns[queue],
        batchSize: fn.trigger.batchSize,
        concurrency: DEFAULT_MAX_CONCURRENCY,
        handler: (event) => invoke(fn, event),
      });
    }
  }
  return consumers;
}
