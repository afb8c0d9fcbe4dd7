import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '#shared/db/batch-write';
import * as z from 'zod';
import { once } from '#shared/once';
import { keys } from '#shared/db/keys';
import { readCursor, writeCursor } from '#shared/db/page-cursor';
import { type Page, queryCount, queryPage, queryPages } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { writtenIf } from '#shared/db/conditional-write';
import { RefusedInputError } from '#shared/errors';
import { finalStatusOf, type Job, type JobPlan, type JobRow, type JobStatus, type RowResult } from './job';
import {
  chunkItem,
  counterUpdate,
  resultChunksQuery,
  resultPut,
  settledResultUpdate,
  tally,
  tallyDelta,
} from './job-chunk-items';
import {
  columnsUpdate,
  coverProcessedUpdate,
  endUpdate,
  finishError,
  finishUpdate,
  isComplete,
  markRunningUpdate,
  newJobPut,
  recentBySourceQuery,
  resultsKeyUpdate,
  revertedByUpdate,
  savePlanUpdate,
  toJob,
} from './job-items';

/** Cursor of the results listing: the chunk and the row offset inside it, both whole and not negative. */
/** Built on first use: a top-level schema would be a call esbuild keeps in every bundle that imports this module. */
const resultsCursor = /* @__PURE__ */ once(() => z.strictObject({ chunk: z.int().min(0), offset: z.int().min(0) }));
const encodeCursor = (chunk: number, offset: number) => writeCursor({ chunk, offset });
const decodeCursor = (cursor: string) => readCursor(cursor, resultsCursor());

export function makeJobRepository(db: DynamoDBDocumentClient, tableName: string) {
  async function get(jobId: string): Promise<Job | undefined> {
    const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.job(jobId), ConsistentRead: true }));
    return out.Item ? toJob(out.Item) : undefined;
  }

  /** Every chunk's results from `fromChunk` on, in chunk order. */
  async function* resultChunks(jobId: string, fromChunk = 0): AsyncGenerator<{ chunk: number; rows: RowResult[] }> {
    for await (const items of queryPages(db, resultChunksQuery(tableName, jobId, fromChunk)))
      for (const item of items) yield { chunk: Number(item.chunk), rows: item.rows as RowResult[] };
  }

  return {
    /**
     * Records a new job; false when a job with this id exists already (a duplicate S3 event), or, for
     * a revert, when the job it undoes was reverted already (or has not ended).
     */
    async create(job: Job): Promise<boolean> {
      const outcome = await transact(db, [
        { Put: newJobPut(tableName, job) },
        ...(job.reverts ? [{ Update: revertedByUpdate(tableName, job.reverts, job.job_id) }] : []),
      ]);
      return outcome.ok;
    },

    /** Stores chunks of rows; RefusedInputError if DynamoDB refuses one as it is (too large), which no retry changes. */
    async putChunks(jobId: string, first: number, chunks: JobRow[][]): Promise<void> {
      await batchWriteAll(
        db,
        tableName,
        chunks.map((rows, i) => ({
          PutRequest: { Item: chunkItem(jobId, first + i, rows) },
        })),
      ).catch((error: unknown) => {
        if ((error as Error | undefined)?.name !== 'ValidationException') throw error;
        throw new RefusedInputError(`the rows could not be stored: ${(error as Error).message}`);
      });
    },

    async getChunk(jobId: string, chunk: number): Promise<JobRow[] | undefined> {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.jobChunk(jobId, chunk), ConsistentRead: true }),
      );
      return out.Item?.rows as JobRow[] | undefined;
    },

    get,

    /** Where a producer that lists its rows in a worker got to (see savePlan); undefined before it starts. */
    async getPlan(jobId: string): Promise<JobPlan | undefined> {
      const out = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.job(jobId),
          ConsistentRead: true,
          ProjectionExpression: '#plan',
          ExpressionAttributeNames: { '#plan': 'plan' },
        }),
      );
      return out.Item?.plan as JobPlan | undefined;
    },

    /**
     * Records a listing producer's progress after it stored and queued chunk `plan.next_chunk - 1`,
     * so a retry resumes there. Only while the job is queued and the plan is the one the caller saw
     * (`from`); false otherwise (the job was aborted or ended, or another attempt moved on).
     */
    async savePlan(jobId: string, from: number, plan: JobPlan): Promise<boolean> {
      return writtenIf(db.send(new UpdateCommand(savePlanUpdate(tableName, jobId, from, plan))));
    },

    /** Marks the job running with its final size, once every chunk is queued. */
    async markRunning(jobId: string, total: number, chunksTotal: number, at: string): Promise<void> {
      await writtenIf(db.send(new UpdateCommand(markRunningUpdate(tableName, jobId, total, chunksTotal, at))));
    },

    /**
     * Stores a chunk's results and moves the job's counters in one transaction, once: a redelivered
     * chunk finds its results there and changes nothing. Returns whether this call recorded them.
     * `failedChunk` marks the results of a chunk that failed on every delivery (counted in `chunks_failed`).
     */
    async recordChunk(jobId: string, chunk: number, results: RowResult[], failedChunk = false): Promise<boolean> {
      const outcome = await transact(db, [
        { Put: resultPut(tableName, jobId, chunk, results, failedChunk) },
        {
          Update: counterUpdate(tableName, jobId, tally(results), {
            chunksDone: 1,
            chunksFailed: failedChunk ? 1 : 0,
          }),
        },
      ]);
      return outcome.ok;
    },

    /**
     * Rewrites a recorded chunk's results from `before` (as read) to `after` and moves the job's
     * counters by the difference, in one transaction and once: false when the chunk was settled before.
     */
    async settleChunk(jobId: string, chunk: number, before: RowResult[], after: RowResult[]): Promise<boolean> {
      const outcome = await transact(db, [
        { Update: settledResultUpdate(tableName, jobId, chunk, after) },
        { Update: counterUpdate(tableName, jobId, tallyDelta(before, after), { chunksDone: 0, chunksFailed: 0 }) },
      ]);
      return outcome.ok;
    },

    /** Whether a chunk's results are recorded, and whether they are those of a chunk that failed for good. */
    async resultOf(jobId: string, chunk: number): Promise<{ failedChunk: boolean } | undefined> {
      const out = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.jobResult(jobId, chunk),
          ConsistentRead: true,
          ProjectionExpression: 'PK, failed_chunk',
        }),
      );
      return out.Item ? { failedChunk: out.Item.failed_chunk === true } : undefined;
    },

    /**
     * Ends a running job whose chunks are all recorded, with the status its counters call for.
     * Only one caller wins; returns the finished job to that caller.
     */
    async finishIfComplete(jobId: string, at: string): Promise<Job | undefined> {
      const job = await get(jobId);
      if (!job || !isComplete(job)) return undefined;
      const status: JobStatus = finalStatusOf(job);
      const error = finishError(job);
      const won = await writtenIf(db.send(new UpdateCommand(finishUpdate(tableName, job, status, error, at))));
      return won ? { ...job, status, finished: at, error } : undefined;
    },

    /**
     * Ends a job that has not ended yet with `status` and a reason (and its `total`, when given);
     * false if it had already ended.
     */
    async end(
      jobId: string,
      status: 'failed' | 'aborted' | 'cancelled',
      reason: string,
      at: string,
      { total }: { total?: number } = {},
    ): Promise<boolean> {
      return writtenIf(db.send(new UpdateCommand(endUpdate(tableName, jobId, status, reason, at, total))));
    },

    /**
     * Raises an ended job's `total` to its `processed` when chunks in flight when it was aborted were
     * recorded past it, so that `processed` never exceeds `total`. False when nothing needed raising.
     */
    async coverProcessed(jobId: string): Promise<boolean> {
      return writtenIf(db.send(new UpdateCommand(coverProcessedUpdate(tableName, jobId))));
    },

    async setColumns(jobId: string, columns: string[]): Promise<void> {
      await db.send(new UpdateCommand(columnsUpdate(tableName, jobId, columns)));
    },

    async setResultsKey(jobId: string, resultsKey: string): Promise<void> {
      await db.send(new UpdateCommand(resultsKeyUpdate(tableName, jobId, resultsKey)));
    },

    async list(q: { tenant: string; sourceKey?: string | undefined; pageSize: number; cursor?: string | undefined }) {
      const bySource = q.sourceKey !== undefined;
      const pk = bySource ? keys.jobSourcePartition(q.tenant, q.sourceKey!) : keys.tenantJobsPartition(q.tenant);
      const name = bySource ? 'GSI2PK' : 'GSI1PK';
      const shared = {
        index: bySource ? 'GSI2' : 'GSI1',
        keyCondition: `${name} = :pk`,
        values: { ':pk': pk },
      } as const;
      const [page, count] = await Promise.all([
        queryPage(db, tableName, {
          ...shared,
          partition: { name, value: pk },
          pageSize: q.pageSize,
          cursor: q.cursor,
          descending: true,
        }),
        queryCount(db, tableName, shared),
      ]);
      return { ...page, items: page.items.map(toJob), count } satisfies Page<Job> & { count: number };
    },

    /** Up to `limit` jobs of a source created at or after `sinceIso`, newest first (one bounded Query). */
    async recentBySource(tenant: string, sourceKey: string, sinceIso: string, limit: number): Promise<Job[]> {
      const out = await db.send(new QueryCommand(recentBySourceQuery(tableName, tenant, sourceKey, sinceIso, limit)));
      return (out.Items ?? []).map(toJob);
    },

    /** One page of row results in row order, optionally of one outcome. */
    async results(jobId: string, q: { outcome?: string | undefined; pageSize: number; cursor?: string | undefined }) {
      const start = q.cursor ? decodeCursor(q.cursor) : { chunk: 0, offset: 0 };
      const rows: RowResult[] = [];
      let next: string | null = null;
      for await (const { chunk, rows: chunkRows } of resultChunks(jobId, start.chunk)) {
        const from = chunk === start.chunk ? start.offset : 0;
        for (let i = from; i < chunkRows.length; i++) {
          if (q.outcome && chunkRows[i]!.outcome !== q.outcome) continue;
          if (rows.length === q.pageSize) {
            next = encodeCursor(chunk, i);
            break;
          }
          rows.push(chunkRows[i]!);
        }
        if (next) break;
      }
      return { items: rows, next, previous: null };
    },

    resultChunks,
  };
}

export type JobRepository = ReturnType<typeof makeJobRepository>;
