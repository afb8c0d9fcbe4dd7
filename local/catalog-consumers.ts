import { DEFAULT_MAX_CONCURRENCY, queueFunctions } from '#functions/catalog';
import type { QueueName } from '#functions/resources';
import { createHandlerLoader, entryExists, type HandlerLoader } from '#local/handler-loader';
import type { LocalLog } from '#local/local-log';
import type { QueueConsumer } from '#local/pollers';

/**
 * One consumer per queue-triggered catalog entry. Workers are imported now (pollers need them at
 * start); an entry whose module does not exist yet is skipped with one warning.
 */
export async function catalogConsumers(queues: {
  queueUrls: Record<QueueName, string>;
  queueArns: Record<QueueName, string>;
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
  return consumers;
}
