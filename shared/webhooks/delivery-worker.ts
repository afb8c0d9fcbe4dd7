import { jsonBody, sqsWorker } from '#shared/queue/sqs-worker';
import type { makeDeliverWebhooks } from './deliver-webhooks';
import { DeliveryMessageSchema } from './delivery-message';
import type { DeliveryQueue } from './delivery-queue';
import { DELIVERY_TIMEOUT_MS } from './send-webhook';

/** Marks a record to leave on the queue: its visibility was moved to the end of its backoff. */
class RetryLaterError extends Error {
  constructor(seconds: number) {
    super(`webhook delivery retried in ${seconds} s`);
    this.name = 'RetryLaterError';
  }
}

/** Time kept for one more delivery and recording what was done. */
const RESERVE_MS = DELIVERY_TIMEOUT_MS + 5_000;

/**
 * The deliveries queue's consumer: delivers what each message names (deliver-webhooks.ts). A delivery to
 * retry keeps its message in flight until the backoff ends (which holds back that subscription's stream,
 * the message's FIFO group, and nothing else) and fails the record so it is not deleted. Ports are
 * taken on first use, so a cold start reads no configuration it does not need.
 */
export function makeDeliveryWorker(
  deliver: () => ReturnType<typeof makeDeliverWebhooks>,
  queue: () => Pick<DeliveryQueue, 'retryAfter'>,
) {
  return sqsWorker(
    jsonBody(DeliveryMessageSchema),
    async (message, record, context) => {
      const sent = Number(record.attributes.SentTimestamp);
      const result = await deliver()(
        message,
        () => context.getRemainingTimeInMillis() > RESERVE_MS,
        Number.isFinite(sent) && sent > 0 ? new Date(sent).toISOString() : undefined,
      );
      if ('retryInSeconds' in result) {
        await queue().retryAfter(record.receiptHandle, result.retryInSeconds);
        throw new RetryLaterError(result.retryInSeconds);
      }
    },
    // A receiver that fails is retried, which is no error of the function (nor an invocation error in AWS).
    { throwOnFullBatchFailure: false },
  );
}
