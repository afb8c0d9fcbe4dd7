import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { queues } from '#functions/resources';
import { applyJobChunk } from '#shared/jobs/wired';
import { logger } from '#shared/logger';

const Message = z.object({ job_id: z.uuid(), chunk: z.number().int().min(0) });
const processor = new BatchProcessor(EventType.SQS);

/** Applies one chunk of a bulk job per record; a record that throws is retried, then dead-lettered. */
export const handler = async (event: SQSEvent, context: Context) => {
  const record = async ({ body, attributes }: SQSRecord) => {
    const { job_id, chunk } = Message.parse(JSON.parse(body));
    const lastAttempt = Number(attributes.ApproximateReceiveCount) >= queues.jobChunks.maxReceiveCount;
    const outcome = await applyJobChunk()(job_id, chunk, { lastAttempt });
    logger.info('job chunk', { job_id, chunk, outcome });
  };
  return processPartialResponse(event, record, processor, { context });
};
