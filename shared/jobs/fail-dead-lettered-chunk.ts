import { type JobRow, FINAL_STATUSES, type RowResult } from './job';
import type { JobRepository } from './job-repository';
import type { EnqueueChunks } from './start-job';

/** The code of each row of a chunk whose message was dead-lettered before its worker recorded it. */
export const DEAD_LETTERED_ROW = 'dead_lettered';

/**
 * The results of a chunk that will not be applied again: each row `failed` with `code` and
 * `message`, except a row its producer had already rejected (a ragged line, a duplicate), which
 * keeps that outcome, as its worker would have recorded it.
 */
export function failedChunkResults(rows: JobRow[], code: string, message: string): RowResult[] {
  return rows.map((r) => ({
    index: r.index,
    identifier: String(r.input.identifier ?? r.input.email ?? ''),
    ...(r.rejected
      ? { outcome: r.rejected.outcome, message: r.rejected.message }
      : { outcome: 'failed', code, message }),
  }));
}

export interface FailDeadLetteredChunkDeps {
  jobs: Pick<JobRepository, 'get' | 'getChunk' | 'resultOf' | 'recordChunk'>;
  /**
   * Sends the chunk's message to the chunk worker again: finding the chunk recorded, the worker runs
   * its finish step (an import's results file, a recalculation's sweep), which may need more time and
   * grants than a dead-letter consumer has.
   */
  enqueue: EnqueueChunks;
}

/**
 * Records a chunk whose message went to the dead-letter queue without its worker recording it (the
 * worker timed out or crashed on its last delivery, so never reached its catch) as failed: every row
 * `failed` with code `dead_lettered`, stored with the job's counters in one transaction, once (the same conditional put
 * as the worker's), then hands the chunk back to its worker, whose finish step ends the job (`failed`
 * or `completed_with_errors`, exact counters, its results file) instead of leaving it `running`. A
 * chunk already recorded (by its worker, or by an earlier delivery of this dead letter) and a job
 * already ended (aborted, or failed by its producer's dead letter) are left as they are: nothing is
 * sent back, so a finish step that fails for good cannot loop between the queue and its DLQ.
 */
export const makeFailDeadLetteredChunk =
  ({ jobs, enqueue }: FailDeadLetteredChunkDeps) =>
  async (jobId: string, chunk: number): Promise<'recorded' | 'already_recorded' | 'job_ended' | 'not_found'> => {
    const job = await jobs.get(jobId);
    if (!job) return 'not_found';
    if (FINAL_STATUSES.includes(job.status)) return 'job_ended';
    if (await jobs.resultOf(jobId, chunk)) return 'already_recorded';
    const rows = (await jobs.getChunk(jobId, chunk)) ?? [];
    const message =
      "this chunk's message went to the dead-letter queue: its worker failed, timed out or crashed on every " +
      'delivery; rows before the failure may have been applied';
    if (!(await jobs.recordChunk(jobId, chunk, failedChunkResults(rows, DEAD_LETTERED_ROW, message), true)))
      return 'already_recorded';
    await enqueue(job, [chunk]);
    return 'recorded';
  };
