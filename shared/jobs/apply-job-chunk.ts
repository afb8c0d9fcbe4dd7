import { FINAL_STATUSES, type Job, type JobKind, type JobRow, type RowResult } from './job';
import type { JobRepository } from './job-repository';
import { failedChunkResults } from './fail-dead-lettered-chunk';

/**
 * What a job kind does with one chunk of its rows: one result per row, in row order. It runs under the
 * chunk's operation id, so applying the same chunk again reports the first attempt's outcomes.
 */
export type RowApplier = (job: Job, rows: JobRow[], opId: string) => Promise<RowResult[]>;

export interface ApplyChunkDeps {
  jobs: Pick<JobRepository, 'get' | 'getChunk' | 'resultOf' | 'recordChunk'>;
  /** The kinds this worker applies (a file job's chunks have a worker of their own, see FILE_JOB_KINDS). */
  appliers: Partial<Record<JobKind, RowApplier>>;
  /** Ends the job once every chunk is recorded (and writes an import's results file). */
  finish: (jobId: string) => Promise<void>;
  /** Settles a job aborted while its chunks were applied (see makeSettleAbortedJob); none by default. */
  settleAborted?: (job: Job) => Promise<void>;
  /** Completes what a cancelled job (held removals, cancelled) still owes: an import's results file; none by default. */
  settleCancelled?: (job: Job) => Promise<void>;
}

export type ChunkOutcome = 'applied' | 'already_recorded' | 'job_ended' | 'failed_for_good';

/**
 * The worker side of the fan-out engine. Applies one chunk under the operation id `<job>#<chunk>`
 * and records its results together with the job's counters, once. A redelivered chunk finds its
 * results, changes nothing and only runs the finish step (which is how a chunk recorded by the
 * dead-letter consumer gets its job finished); a chunk whose worker died half way is applied again,
 * and the operation id makes every use case report the outcome of the first attempt. On its last
 * delivery a failing chunk is recorded as failed (`chunk_failed` rows) before the error goes on to
 * the DLQ, so the job ends honestly instead of staying `running`; a worker that times out or crashes
 * instead leaves that to the DLQ's consumer (fail-dead-lettered-chunk.ts). A recorded chunk is never
 * applied again, so redriving its message changes nothing. An ended job applies nothing more. A
 * chunk that was being applied when its job was aborted is still recorded (its rows were applied)
 * and the aborted job settled again, so its counters cover it and what it drove ends.
 */
export const makeApplyJobChunk = ({
  jobs,
  appliers,
  finish,
  settleAborted = async () => {},
  settleCancelled = async () => {},
}: ApplyChunkDeps) => {
  /** After recording: finish the job, or settle it again if it was aborted meanwhile. */
  const conclude = async (jobId: string) => {
    await finish(jobId);
    const job = await jobs.get(jobId);
    if (job?.status === 'aborted') await settleAborted(job);
  };
  return async (jobId: string, chunk: number, { lastAttempt }: { lastAttempt: boolean }): Promise<ChunkOutcome> => {
    const job = await jobs.get(jobId);
    if (job?.status === 'aborted') await settleAborted(job);
    if (job?.status === 'cancelled') await settleCancelled(job);
    if (!job || FINAL_STATUSES.includes(job.status)) return 'job_ended';
    if (await jobs.resultOf(jobId, chunk)) {
      await finish(jobId);
      return 'already_recorded';
    }
    const applier = appliers[job.kind];
    // A chunk sent to the wrong worker is a wiring defect: retried, then dead-lettered, never applied here.
    if (!applier) throw new Error(`this worker does not apply ${job.kind} chunks`);
    const rows = (await jobs.getChunk(jobId, chunk)) ?? [];
    let results: RowResult[];
    try {
      results = await applier(job, rows, `${jobId}#${chunk}`);
    } catch (error) {
      if (!lastAttempt) throw error;
      const message =
        'this chunk failed on every delivery and went to the dead-letter queue; rows before the failure may ' +
        'have been applied';
      await jobs.recordChunk(jobId, chunk, failedChunkResults(rows, 'chunk_failed', message), true);
      await conclude(jobId);
      throw error;
    }
    const stored = await jobs.recordChunk(jobId, chunk, results);
    await conclude(jobId);
    return stored ? 'applied' : 'already_recorded';
  };
};
