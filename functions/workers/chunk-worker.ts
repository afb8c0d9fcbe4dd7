import * as z from 'zod';
import { logger } from '#shared/logger';
import { jsonBody, sqsWorker } from '#shared/queue/sqs-worker';

const Message = z.object({ job_id: z.uuid(), chunk: z.number().int().min(0) });

type ApplyChunk = (jobId: string, chunk: number, options: { lastAttempt: boolean }) => Promise<unknown>;

/**
 * A chunk worker: applies one chunk of a job per `{job_id, chunk}` record of its queue; a record that
 * throws is retried, and on the queue's last receive the chunk is told so (`lastAttempt`) before it
 * is dead-lettered.
 */
export const chunkWorker = (queue: { maxReceiveCount: number }, apply: () => ApplyChunk, label: string) =>
  sqsWorker(jsonBody(Message), async ({ job_id, chunk }, { attributes }) => {
    const lastAttempt = Number(attributes.ApproximateReceiveCount) >= queue.maxReceiveCount;
    const outcome = await apply()(job_id, chunk, { lastAttempt });
    logger.info(label, { job_id, chunk, outcome });
  });
