import type { Clock } from '#shared/clock';
import type { JobPlan } from './job';
import type { JobRepository } from './job-repository';
import { CHUNK_SIZE } from './chunk-rows';

/** One page of a listing: the rows' inputs, and where the next page starts (absent at the end). */
export interface ListingPage {
  inputs: Record<string, unknown>[];
  next?: string | undefined;
}

/** Reads the page of a job's rows that starts at `after` (the start when undefined). */
export type ListPage = (after: string | undefined, limit: number) => Promise<ListingPage>;

export interface PlanListedJobDeps {
  jobs: Pick<JobRepository, 'getPlan' | 'savePlan' | 'putChunks' | 'markRunning'>;
  /** Queues chunks of the listed job (a recalculation, a module enrollment: never a file job). */
  enqueue: (jobId: string, chunks: number[]) => Promise<void>;
  /** Ends the job if every chunk is recorded already (an empty listing, or chunks faster than the listing). */
  finish: (jobId: string) => Promise<void>;
  clock: Clock;
  /** Rows per chunk (default CHUNK_SIZE, the engine's). */
  chunkSize?: number;
}

/**
 * The producer of a job whose rows are listed by a worker rather than given in a request (the
 * learners of a tenant for a recalculation, the members of a group for its learning modules): lists
 * page by page, stores each page as a chunk and queues it, and marks the job running with its size at
 * the end. After every chunk it saves where the listing is, so a worker that dies or times out half
 * way is resumed by the redelivery at the next chunk: no chunk is listed twice under two contents and
 * none is skipped. `stopped` when another attempt moved on (or the job was aborted): that one owns the rest.
 */
export async function planListedJob(
  { jobs, enqueue, finish, clock, chunkSize = CHUNK_SIZE }: PlanListedJobDeps,
  jobId: string,
  list: ListPage,
): Promise<'planned' | 'stopped'> {
  let plan: JobPlan = (await jobs.getPlan(jobId)) ?? { next_chunk: 0, total: 0, done: false };
  while (!plan.done) {
    const page = await list(plan.after, chunkSize);
    if (page.inputs.length > 0) {
      const rows = page.inputs.map((input, i) => ({ index: plan.total + i, input }));
      await jobs.putChunks(jobId, plan.next_chunk, [rows]);
      await enqueue(jobId, [plan.next_chunk]);
    }
    const next: JobPlan = {
      next_chunk: plan.next_chunk + (page.inputs.length > 0 ? 1 : 0),
      total: plan.total + page.inputs.length,
      done: page.next === undefined,
      ...(page.next === undefined ? {} : { after: page.next }),
    };
    if (!(await jobs.savePlan(jobId, plan.next_chunk, next))) return 'stopped';
    plan = next;
  }
  await jobs.markRunning(jobId, plan.total, plan.next_chunk, clock.now());
  await finish(jobId);
  return 'planned';
}
