import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { publishStreamBatch } from '#shared/events/stream-records';
import { publishChangeEvents } from '#shared/events/wired';
import { withDeadline } from '#shared/invocation-deadline';

/**
 * The table's stream consumer: membership, enrollment and group changes become events, recorded once
 * with their stream's sequence and put on the bus. A failure answers the first record not done, from
 * which the event source retries (in order; bisecting, then the on-failure queue, in AWS).
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
  withDeadline(context, () => publishStreamBatch(publishChangeEvents(), event));
