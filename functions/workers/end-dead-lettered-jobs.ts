import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { jobsOfDeadLetter } from '#shared/jobs/end-dead-lettered-job';
import { endDeadLetteredJob, failDeadLetteredChunk } from '#shared/jobs/wired';
import { logger } from '#shared/logger';

const processor = new BatchProcessor(EventType.SQS);

/**
 * Per record of a job's DLQ: a producer's message (imports, job plans) ends the jobs it was
 * producing, if still queued, `failed` with a `dead_lettered` reason; a chunk's message records that
 * chunk as failed, if its worker did not, and hands it back to the worker to finish the job. Either
 * way the record is consumed (see README, Bulk jobs). A record that throws (the table) is retried.
 */
export const handler = async (event: SQSEvent, context: Context) => {
  const record = async ({ body, messageId, eventSourceARN }: SQSRecord) => {
    const jobs = jobsOfDeadLetter(body);
    if (jobs.length === 0) logger.error('dead letter of no job, dropped', { messageId, eventSourceARN });
    for (const { jobId, ...work } of jobs) {
      const outcome =
        work.producer === 'chunk'
          ? await failDeadLetteredChunk()(jobId, work.chunk)
          : await endDeadLetteredJob()(jobId, work.producer);
      logger.error('dead-lettered job message', { job_id: jobId, ...work, outcome, messageId, eventSourceARN });
    }
  };
  return processPartialResponse(event, record, processor, { context });
};
