import { jobsOfDeadLetter } from '#shared/jobs/end-dead-lettered-job';
import { endDeadLetteredJob, failDeadLetteredChunk } from '#shared/jobs/wired';
import { logger } from '#shared/logger';
import { sqsWorker } from '#shared/queue/sqs-worker';

/**
 * Per record of a job's DLQ: a producer's message (imports, job plans) ends the jobs it was
 * producing, if still queued, `failed` with a `dead_lettered` reason; a chunk's message records that
 * chunk as failed, if its worker did not, and hands it back to the worker to finish the job. Either
 * way the record is consumed (see docs/api.md, Bulk jobs). A record that throws (the table) is retried.
 */
export const handler = sqsWorker(jobsOfDeadLetter, async (jobs, { messageId, eventSourceARN }) => {
  if (jobs.length === 0) logger.error('dead letter of no job, dropped', { messageId, eventSourceARN });
  for (const { jobId, ...work } of jobs) {
    const outcome =
      work.producer === 'chunk'
        ? await failDeadLetteredChunk()(jobId, work.chunk)
        : await endDeadLetteredJob()(jobId, work.producer);
    logger.error('dead-lettered job message', { job_id: jobId, ...work, outcome, messageId, eventSourceARN });
  }
});
