import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from 'zod';
import { withDeadline } from '#shared/invocation-deadline';

/** Reads a record's body as JSON of `schema`: a body that is not is that record's failure, not the batch's. */
export const jsonBody =
  <S extends z.ZodType>(schema: S) =>
  (body: string): z.infer<S> =>
    schema.parse(JSON.parse(body));

/**
 * A queue worker, beside `httpHandler()`: each record's body is read by `message` and handed to
 * `work`; a record that throws (unreadable or failed) is reported in the partial batch response, so
 * SQS redelivers it alone and dead-letters it after the queue's maxReceiveCount, while the others
 * are deleted. Each invocation has its own BatchProcessor (its state is per batch).
 */
export function sqsWorker<T>(
  message: (body: string) => T,
  work: (message: T, record: SQSRecord, context: Context) => Promise<void>,
  /**
   * false: a batch whose every record failed is answered as a partial batch response like any other,
   * not thrown (a worker whose failures are expected retries, not errors of the function).
   */
  { throwOnFullBatchFailure = true }: { throwOnFullBatchFailure?: boolean } = {},
) {
  return async (event: SQSEvent, context: Context) => {
    const processor = new BatchProcessor(EventType.SQS);
    const handle = (record: SQSRecord) => work(message(record.body), record, context);
    return withDeadline(context, () =>
      processPartialResponse(event, handle, processor, { context, throwOnFullBatchFailure }),
    );
  };
}
