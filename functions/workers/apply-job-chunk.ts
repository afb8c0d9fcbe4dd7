import * as z from 'zod';
import { queues } from '#functions/resources';
import { applyJobChunk } from '#shared/jobs/wired-chunk-workers';
import { logger } from '#shared/logger';
import { jsonBody, sqsWorker } from '#shared/queue/sqs-worker';

const Message = z.object({ job_id: z.uuid(), chunk: z.number().int().min(0) });

/** Applies one chunk of a bulk job per record; a record that throws is retried, then dead-lettered. */
export const handler = sqsWorker(jsonBody(Message), async ({ job_id, chunk }, { attributes }) => {
  const lastAttempt = Number(attributes.ApproximateReceiveCount) >= queues.jobChunks.maxReceiveCount;
  const outcome = await applyJobChunk()(job_id, chunk, { lastAttempt });
  logger.info('job chunk', { job_id, chunk, outcome });
});
