import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { queues } from '#functions/resources';
import { planJob } from '#shared/jobs/wired';
import { logger } from '#shared/logger';

const Message = z.object({ job_id: z.uuid() });
const processor = new BatchProcessor(EventType.SQS);

/** Lists one job's rows into its chunks per record; a record that throws is retried (resuming), then dead-lettered. */
export const handler = async (event: SQSEvent, context: Context) => {
  const record = async ({ body, attributes }: SQSRecord) => {
    const { job_id } = Message.parse(JSON.parse(body));
    const lastAttempt = Number(attributes.ApproximateReceiveCount) >= queues.jobPlans.maxReceiveCount;
    const outcome = await planJob()(job_id, { lastAttempt });
    logger.info('job planned', { job_id, outcome });
  };
  return processPartialResponse(event, record, processor, { context });
};
