import { FINAL_STATUSES, type Job, type JobKind, type JobRow, type RowResult } from './job';
import type { JobRepository } from './job-repository';

export type ChunkApplier = (job: Job, rows: JobRow[], opId: string) => Promise<RowResult[]>;

export interface ApplyChunkDeps {
  jobs: Pick<JobRepository, 'get' | 'getChunk' | 'resultOf' | 'recordChunk' | 'replaceFailedChunk'>;
  appliers: Record<JobKind, ChunkApplier>;
  /** Ends the job once every chunk is recorded (and writes an import's results file). */
  finish: (jobId: string) => Promise<void>;
}

export type ChunkOutcome = 'applied' | 'already_recorded' | 'job_ended' | 'failed_for_good';

/**
 * The worker side of the fan-out engine. Applies one chunk under the operation id `<job>#<chunk>`
 * and records its results together with the job's counters, once. A redelivered chunk finds its
 * results and changes nothing; a chunk whose worker died half way is applied again, and the
 * operation id makes every use case report the outcome of the first attempt. On its last delivery
 * a failing chunk is recorded as failed (`chunk_failed` rows) before the error goes on to the DLQ,
 * so the job ends honestly instead of staying `running`. That message, redriven from the DLQ once
 * the cause is fixed, is applied again under the same operation id (rows its failed attempts did
 * apply report their first outcome): its results replace the failed ones and the job is finished
 * again with the status its new counters call for. An aborted job applies nothing more.
 */
export const makeApplyJobChunk =
  ({ jobs, appliers, finish }: ApplyChunkDeps) =>
  async (jobId: string, chunk: number, { lastAttempt }: { lastAttempt: boolean }): Promise<ChunkOutcome> => {
    const job = await jobs.get(jobId);
    if (!job || job.status === 'aborted') return 'job_ended';
    const recorded = await jobs.resultOf(jobId, chunk);
    const redriven = recorded?.failedChunk === true;
    if (!redriven && FINAL_STATUSES.includes(job.status)) return 'job_ended';
    if (recorded && !redriven) {
      await finish(jobId);
      return 'already_recorded';
    }
    const rows = (await jobs.getChunk(jobId, chunk)) ?? [];
    let results: RowResult[];
    try {
      results = await appliers[job.kind](job, rows, `${jobId}#${chunk}`);
    } catch (error) {
      // A redriven chunk failing again keeps its recorded failure.
      if (!lastAttempt || redriven) throw error;
      const message =
        'this chunk failed on every delivery and went to the dead-letter queue; rows before the failure may ' +
        'have been applied, and redriving the message applies the rest and reports each row';
      const failed = rows.map((r) => ({
        index: r.index,
        identifier: String(r.input.identifier ?? r.input.email ?? ''),
        outcome: 'failed',
        code: 'chunk_failed',
        message,
      }));
      await jobs.recordChunk(jobId, chunk, failed, true);
      await finish(jobId);
      throw error;
    }
    const stored = redriven
      ? await jobs.replaceFailedChunk(jobId, chunk, results)
      : await jobs.recordChunk(jobId, chunk, results);
    await finish(jobId);
    return stored ? 'applied' : 'already_recorded';
  };
