import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { jobsOfDeadLetter } from '#shared/jobs/end-dead-lettered-job';
import { endDeadLetteredJob } from '#shared/jobs/wired';
import { logger } from '#shared/logger';

const processor = new BatchProcessor(EventType.SQS);

/**
 * Per record of a job producer's DLQ (imports, job plans): ends the jobs the message was producing,
 * if still queued, `failed` with a `dead_lettered` reason, and consumes it (see README, Bulk jobs). A
 * record that throws (the table) is retried.
 */
export const handler = async (event: SQSEvent, context: Context) => {
  const record = async ({ body, messageId, eventSourceARN }: SQSRecord) => {
    const jobs = jobsOfDeadLetter(body);
    if (jobs.length === 0) logger.error('dead letter of no job, dropped', { messageId, eventSourceARN });
    for (const { jobId, producer } of jobs) {
      const outcome = await endDeadLetteredJob()(jobId, producer);
      logger.error('dead-lettered job message', { job_id: jobId, producer, outcome, messageId, eventSourceARN });
    }
  };
  return processPartialResponse(event, record, processor, { context });
};
