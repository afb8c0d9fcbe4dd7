import * as z from 'zod';
import { queues } from '#functions/resources';
import { planJob } from '#shared/jobs/wired';
import { logger } from '#shared/logger';
import { jsonBody, sqsWorker } from '#shared/queue/sqs-worker';

const Message = z.object({ job_id: z.uuid() });

/** Lists one job's rows into its chunks per record; a record that throws is retried (resuming), then dead-lettered. */
export const handler = sqsWorker(jsonBody(Message), async ({ job_id }, { attributes }) => {
  const lastAttempt = Number(attributes.ApproximateReceiveCount) >= queues.jobPlans.maxReceiveCount;
  const outcome = await planJob()(job_id, { lastAttempt });
  logger.info('job planned', { job_id, outcome });
});
