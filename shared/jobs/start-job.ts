import type { Clock, IdGenerator } from '#shared/clock';
import { ConflictError, RefusedInputError } from '#shared/errors';
import type { Job, JobKind, JobRow, JobSource } from './job';
import { chunkRows } from './chunk-rows';
import type { JobRepository } from './job-repository';

/** Queues chunks of a job for its worker (which worker depends on the job's kind). */
export type EnqueueChunks = (job: Pick<Job, 'job_id' | 'kind'>, chunks: number[]) => Promise<void>;

/** Stores a job with its rows and queues its chunks (see makeStartJob). */
export type StartJob = (spec: NewJob, rows: JobRow[]) => Promise<Job>;

export interface NewJob {
  tenant: string;
  kind: JobKind;
  target?: Record<string, string>;
  source: JobSource;
  sourceKey: string;
  createdBy: string;
  /** A fixed id (S3 imports derive it from the object, so a repeated event finds the same job). */
  jobId?: string;
  /** A revert: the job it undoes, marked `reverted_by` in the transaction that records this one. */
  reverts?: string;
}

export function newJob(spec: NewJob, id: string, now: string): Job {
  return {
    job_id: id,
    enterprise_customer_uuid: spec.tenant,
    kind: spec.kind,
    status: 'queued',
    target: spec.target ?? {},
    source: spec.source,
    source_key: spec.sourceKey,
    total: 0,
    processed: 0,
    succeeded: 0,
    skipped: 0,
    failed: 0,
    outcome_counts: {},
    chunks_total: null,
    chunks_done: 0,
    chunks_failed: 0,
    error: null,
    columns: null,
    results_key: null,
    created_by: spec.createdBy,
    created: now,
    started: null,
    finished: null,
    guard: null,
    approved_by: null,
    approved_at: null,
    reverts: spec.reverts ?? null,
    reverted_by: null,
  };
}

/**
 * The producer side of the fan-out engine: records the job, stores its rows in chunks (bounded by
 * rows and by bytes, see chunk-rows.ts) and sends one message per chunk. The job is `running` once
 * every chunk is queued; if storing or queueing fails the job ends `failed` with the reason (rows the
 * table refuses as they are: that refusal), never stuck. An empty job succeeds at once. A revert is
 * recorded only together with the `reverted_by` mark of the job it undoes: a second one is refused
 * with `job_already_reverted` before anything is stored.
 */
export const makeStartJob =
  (
    jobs: Pick<JobRepository, 'create' | 'putChunks' | 'markRunning' | 'end'>,
    enqueue: EnqueueChunks,
    finish: (jobId: string) => Promise<void>,
    clock: Clock,
    ids: IdGenerator,
  ) =>
  async (spec: NewJob, rows: JobRow[]): Promise<Job> => {
    const job = newJob(spec, spec.jobId ?? ids.uuid(), clock.now());
    if (!(await jobs.create(job)) && spec.reverts) {
      throw new ConflictError('job_already_reverted', `Job ${spec.reverts} was reverted already`);
    }
    const chunks = chunkRows(rows);
    try {
      await jobs.putChunks(job.job_id, 0, chunks);
      // Running with its size before any chunk is queued, so the last worker can end it.
      await jobs.markRunning(job.job_id, rows.length, chunks.length, clock.now());
      await enqueue(
        job,
        chunks.map((_, i) => i),
      );
    } catch (error) {
      const reason =
        error instanceof RefusedInputError
          ? error.message
          : 'the work could not be queued; chunks queued before the failure are not applied';
      await jobs.end(job.job_id, 'failed', reason, clock.now());
      throw error;
    }
    if (chunks.length === 0) await finish(job.job_id);
    return { ...job, status: 'running', total: rows.length, chunks_total: chunks.length };
  };
