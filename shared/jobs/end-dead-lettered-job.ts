import * as z from 'zod';
import type { Clock } from '#shared/clock';
import { isObjectEvent, objectsOf } from '#shared/imports/import-events';
import { parseImportKey } from '#shared/imports/csv-kinds';
import { importJobId } from '#shared/imports/start-csv-import';
import type { JobRepository } from './job-repository';

/** The reason a job ended by its dead-lettered message gives (`error` starts with it). */
export const DEAD_LETTERED = 'dead_lettered';

const JobMessage = z.object({ job_id: z.uuid() });
const ChunkMessage = z.object({ job_id: z.uuid(), chunk: z.number().int().min(0) });

/** What a dead-lettered message was doing for a job: producing it (an import, a planning), or one of its chunks. */
export type DeadLetteredWork =
  { jobId: string; producer: 'import' | 'planning' } | { jobId: string; producer: 'chunk'; chunk: number };

/**
 * The jobs a dead-lettered message was working for: the import jobs of an S3 event (their ids derive
 * from the objects), the `job_id` of a planning message, or the job and chunk of a chunk message.
 * None for a message of no such shape (not JSON, forged): no job waits on it, and retrying it would
 * never change that.
 */
export function jobsOfDeadLetter(body: string): DeadLetteredWork[] {
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return [];
  }
  if (isObjectEvent(message))
    return objectsOf(message)
      .filter((object) => parseImportKey(object.key))
      .map((object) => ({ jobId: importJobId(object), producer: 'import' as const }));
  const chunk = ChunkMessage.safeParse(message);
  if (chunk.success) return [{ jobId: chunk.data.job_id, producer: 'chunk', chunk: chunk.data.chunk }];
  const planning = JobMessage.safeParse(message);
  return planning.success ? [{ jobId: planning.data.job_id, producer: 'planning' }] : [];
}

/**
 * Ends a job whose producer's message went to the dead-letter queue (every delivery failed or timed
 * out), so that no job stays `queued` once nothing will ever start it. Only a job still `queued` is
 * ended, `failed` with a reason that starts with `dead_lettered`, and its `total` the rows it had
 * stored and queued (a planner's listing so far; none for an import, which queues nothing before
 * it is running), so that its counters add up; chunks not applied yet are then skipped. A `running`
 * job has all its chunks queued, and its chunk workers end it; an ended job is left as it is.
 */
export const makeEndDeadLetteredJob =
  ({ jobs, clock }: { jobs: Pick<JobRepository, 'get' | 'getPlan' | 'end'>; clock: Clock }) =>
  async (jobId: string, producer: 'import' | 'planning'): Promise<'ended' | 'not_queued' | 'not_found'> => {
    const job = await jobs.get(jobId);
    if (!job) return 'not_found';
    if (job.status !== 'queued') return 'not_queued';
    // An import's plan counts the rows it stored, none of them queued: only a planner queues as it goes.
    const plan = producer === 'planning' ? await jobs.getPlan(jobId) : undefined;
    const total = Math.max(job.total, job.processed, plan?.total ?? 0);
    const reason =
      `${DEAD_LETTERED}: the job's ${producer} message failed on every delivery and went to the dead-letter ` +
      `queue; rows already applied (${job.processed}) stay applied, the rest are not`;
    return (await jobs.end(jobId, 'failed', reason, clock.now(), { total })) ? 'ended' : 'not_queued';
  };
