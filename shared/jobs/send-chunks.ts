import { config } from '#shared/config';
import { sendJsonBatch } from '#shared/queue/send-json';
import { isFileJob, type Job } from './job';

/** Sends one message `{job_id, chunk}` per chunk to the queue of the job's worker (a file job's has its own). */
export const sendChunks = (job: Pick<Job, 'job_id' | 'kind'>, chunks: readonly number[]) =>
  sendJsonBatch(
    isFileJob(job.kind) ? config.fileJobChunksQueueUrl : config.jobChunksQueueUrl,
    chunks.map((chunk) => ({ job_id: job.job_id, chunk })),
  );
