import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { batchWriteAll } from '#shared/db/batch-write';
import { keys } from '#shared/db/keys';
import { type Page, queryCount, queryPage } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { writtenIf } from '#shared/db/conditional-write';
import { InvalidCursorError, RefusedInputError } from '#shared/errors';
import {
  classify,
  FINAL_STATUSES,
  finalStatusOf,
  type Job,
  type JobPlan,
  type JobRow,
  type JobStatus,
  type RowResult,
} from './job';

const ENTITY = 'job';
const FIELDS: (keyof Job)[] = [
  'job_id',
  'enterprise_customer_uuid',
  'kind',
  'status',
  'target',
  'source',
  'source_key',
  'total',
  'processed',
  'succeeded',
  'skipped',
  'failed',
  'outcome_counts',
  'chunks_total',
  'chunks_done',
  'chunks_failed',
  'error',
  'columns',
  'results_key',
  'created_by',
  'created',
  'started',
  'finished',
];

export const toJob = (item: Record<string, unknown>): Job =>
  Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])) as unknown as Job;

/** Cursor of the results listing: the chunk and the row offset inside it. */
const encodeCursor = (chunk: number, offset: number) => Buffer.from(`${chunk}:${offset}`).toString('base64url');
function decodeCursor(cursor: string): { chunk: number; offset: number } {
  const [chunk, offset] = Buffer.from(cursor, 'base64url').toString().split(':').map(Number);
  if (!Number.isInteger(chunk) || !Number.isInteger(offset) || chunk! < 0 || offset! < 0) {
    throw new InvalidCursorError();
  }
  return { chunk: chunk!, offset: offset! };
}

/** Tally of one chunk's results, as it moves the job's counters. */
function tally(results: RowResult[]): Tally {
  const counts = { succeeded: 0, skipped: 0, failed: 0 };
  const outcomes: Record<string, number> = {};
  for (const r of results) {
    counts[classify(r.outcome)]++;
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  }
  return { ...counts, processed: results.length, outcomes };
}

interface Tally {
  processed: number;
  succeeded: number;
  skipped: number;
  failed: number;
  outcomes: Record<string, number>;
}

export function makeJobRepository(db: DynamoDBDocumentClient, tableName: string) {
  /** The job's counters moved by a chunk's tally. */
  function counterUpdate(
    jobId: string,
    t: Tally,
    { chunksDone, chunksFailed }: { chunksDone: number; chunksFailed: number },
  ) {
    const names = Object.keys(t.outcomes);
    const sets = names.map((_, i) => `outcome_counts.#o${i} = if_not_exists(outcome_counts.#o${i}, :zero) + :n${i}`);
    return {
      Update: {
        TableName: tableName,
        Key: keys.job(jobId),
        ConditionExpression: 'attribute_exists(PK)',
        UpdateExpression: `ADD #processed :processed, #succeeded :succeeded, #skipped :skipped, #failed :failed, chunks_done :done, chunks_failed :chunkFailed${
          sets.length ? ` SET ${sets.join(', ')}` : ''
        }`,
        ExpressionAttributeNames: {
          '#processed': 'processed',
          '#succeeded': 'succeeded',
          '#skipped': 'skipped',
          '#failed': 'failed',
          ...Object.fromEntries(names.map((o, i) => [`#o${i}`, o])),
        },
        ExpressionAttributeValues: {
          ':processed': t.processed,
          ':succeeded': t.succeeded,
          ':skipped': t.skipped,
          ':failed': t.failed,
          ':done': chunksDone,
          ':chunkFailed': chunksFailed,
          ...(names.length && { ':zero': 0 }),
          ...Object.fromEntries(names.map((o, i) => [`:n${i}`, t.outcomes[o]])),
        },
      },
    };
  }

  return {
    /** Records a new job; false when a job with this id exists already (a duplicate S3 event). */
    async create(job: Job): Promise<boolean> {
      const outcome = await transact(db, [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.job(job.job_id),
              ...keys.jobsOfTenant(job.enterprise_customer_uuid, job.created, job.job_id),
              ...keys.jobsBySource(job.enterprise_customer_uuid, job.source_key, job.created, job.job_id),
              entity: ENTITY,
              ...job,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ]);
      return outcome.ok;
    },

    /** Stores chunks of rows; RefusedInputError if DynamoDB refuses one as it is (too large), which no retry changes. */
    async putChunks(jobId: string, first: number, chunks: JobRow[][]): Promise<void> {
      await batchWriteAll(
        db,
        tableName,
        chunks.map((rows, i) => ({
          PutRequest: { Item: { ...keys.jobChunk(jobId, first + i), entity: 'job_chunk', job_id: jobId, rows } },
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

    async get(jobId: string): Promise<Job | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.job(jobId), ConsistentRead: true }));
      return out.Item ? toJob(out.Item) : undefined;
    },

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
      return writtenIf(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.job(jobId),
            ConditionExpression: '#status = :queued AND (attribute_not_exists(#plan) OR #plan.next_chunk = :from)',
            UpdateExpression: 'SET #plan = :plan',
            ExpressionAttributeNames: { '#status': 'status', '#plan': 'plan' },
            ExpressionAttributeValues: { ':queued': 'queued', ':from': from, ':plan': plan },
          }),
        ),
      );
    },

    /** Marks the job running with its final size, once every chunk is queued. */
    async markRunning(jobId: string, total: number, chunksTotal: number, at: string): Promise<void> {
      await db
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.job(jobId),
            ConditionExpression: '#status = :queued',
            UpdateExpression: 'SET #status = :running, #total = :total, chunks_total = :chunks, started = :at',
            ExpressionAttributeNames: { '#status': 'status', '#total': 'total' },
            ExpressionAttributeValues: {
              ':queued': 'queued',
              ':running': 'running',
              ':total': total,
              ':chunks': chunksTotal,
              ':at': at,
            },
          }),
        )
        .catch(ignoreConditionFailure);
    },

    /**
     * Stores a chunk's results and moves the job's counters in one transaction, once: a redelivered
     * chunk finds its results there and changes nothing. Returns whether this call recorded them.
     * `failedChunk` marks the results of a chunk that failed on every delivery (counted in `chunks_failed`).
     */
    async recordChunk(jobId: string, chunk: number, results: RowResult[], failedChunk = false): Promise<boolean> {
      const outcome = await transact(db, [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.jobResult(jobId, chunk),
              entity: 'job_result',
              job_id: jobId,
              chunk,
              rows: results,
              ...(failedChunk && { failed_chunk: true }),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        counterUpdate(jobId, tally(results), { chunksDone: 1, chunksFailed: failedChunk ? 1 : 0 }),
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
      const job = await this.get(jobId);
      if (!job || job.status !== 'running' || job.chunks_total === null || job.chunks_done < job.chunks_total)
        return undefined;
      const status: JobStatus = finalStatusOf(job);
      const error =
        job.chunks_failed > 0
          ? `${job.chunks_failed} of ${job.chunks_total} chunks failed after every retry; their rows are reported as ` +
            'chunk_failed or dead_lettered (rows before the failure may have been applied); to retry them, make ' +
            'the request again, or upload the file again under a new name'
          : null;
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.job(jobId),
            // The counters read are still the job's, so the status is the one they call for.
            ConditionExpression:
              '#status = :running AND chunks_done = :done AND chunks_failed = :chunksFailed AND #failed = :failed',
            UpdateExpression: 'SET #status = :status, finished = :at, #error = :error',
            ExpressionAttributeNames: { '#status': 'status', '#error': 'error', '#failed': 'failed' },
            ExpressionAttributeValues: {
              ':running': 'running',
              ':done': job.chunks_done,
              ':chunksFailed': job.chunks_failed,
              ':failed': job.failed,
              ':status': status,
              ':at': at,
              ':error': error,
            },
          }),
        );
      } catch (e) {
        ignoreConditionFailure(e);
        return undefined;
      }
      return { ...job, status, finished: at, error };
    },

    /**
     * Ends a job that has not ended yet with `status` and a reason (and its `total`, when given);
     * false if it had already ended.
     */
    async end(
      jobId: string,
      status: 'failed' | 'aborted',
      reason: string,
      at: string,
      { total }: { total?: number } = {},
    ): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.job(jobId),
            ConditionExpression: `NOT #status IN (${FINAL_STATUSES.map((_, i) => `:f${i}`).join(', ')})`,
            UpdateExpression: `SET #status = :status, finished = :at, #error = :reason${
              total === undefined ? '' : ', #total = :total'
            }`,
            ExpressionAttributeNames: {
              '#status': 'status',
              '#error': 'error',
              ...(total !== undefined && { '#total': 'total' }),
            },
            ExpressionAttributeValues: {
              ...Object.fromEntries(FINAL_STATUSES.map((s, i) => [`:f${i}`, s])),
              ':status': status,
              ':at': at,
              ':reason': reason,
              ...(total !== undefined && { ':total': total }),
            },
          }),
        );
        return true;
      } catch (e) {
        ignoreConditionFailure(e);
        return false;
      }
    },

    /**
     * Raises an ended job's `total` to its `processed` when chunks in flight when it was aborted were
     * recorded past it, so that `processed` never exceeds `total`. False when nothing needed raising.
     */
    async coverProcessed(jobId: string): Promise<boolean> {
      return writtenIf(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.job(jobId),
            ConditionExpression: '#processed > #total',
            UpdateExpression: 'SET #total = #processed',
            ExpressionAttributeNames: { '#processed': 'processed', '#total': 'total' },
          }),
        ),
      );
    },

    async setColumns(jobId: string, columns: string[]): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.job(jobId),
          UpdateExpression: 'SET #columns = :c',
          ExpressionAttributeNames: { '#columns': 'columns' },
          ExpressionAttributeValues: { ':c': columns },
        }),
      );
    },

    async setResultsKey(jobId: string, resultsKey: string): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.job(jobId),
          UpdateExpression: 'SET results_key = :k',
          ExpressionAttributeValues: { ':k': resultsKey },
        }),
      );
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
      const out = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK >= :since',
          ExpressionAttributeValues: {
            ':pk': keys.jobSourcePartition(tenant, sourceKey),
            ':since': keys.jobsCreatedFrom(sinceIso),
          },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map(toJob);
    },

    /** One page of row results in row order, optionally of one outcome. */
    async results(jobId: string, q: { outcome?: string | undefined; pageSize: number; cursor?: string | undefined }) {
      const start = q.cursor ? decodeCursor(q.cursor) : { chunk: 0, offset: 0 };
      const rows: RowResult[] = [];
      let next: string | null = null;
      for await (const { chunk, rows: chunkRows } of this.resultChunks(jobId, start.chunk)) {
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

    /** Every chunk's results from `fromChunk` on, in chunk order. */
    async *resultChunks(jobId: string, fromChunk = 0): AsyncGenerator<{ chunk: number; rows: RowResult[] }> {
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': keys.job(jobId).PK,
              ':from': keys.jobResult(jobId, fromChunk).SK,
              ':to': `${keys.jobResultsPrefix}~`,
            },
            ExclusiveStartKey: startKey,
            Limit: 20,
          }),
        );
        for (const item of out.Items ?? []) yield { chunk: Number(item.chunk), rows: item.rows as RowResult[] };
        startKey = out.LastEvaluatedKey;
      } while (startKey);
    },
  };
}

function ignoreConditionFailure(error: unknown): void {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
}

export type JobRepository = ReturnType<typeof makeJobRepository>;
