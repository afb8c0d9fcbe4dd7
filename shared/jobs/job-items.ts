/**
 * The DynamoDB items, updates and queries of jobs, built by small pure functions: each names its key
 * and the condition it writes under, and is unit-tested without a database. The repository only
 * sends them.
 */
import type { PutCommandInput, QueryCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import * as z from 'zod';
import { once } from '#shared/once';
import {
  FINAL_STATUSES,
  type GuardHold,
  type Job,
  type JobKind,
  type JobPlan,
  type JobSource,
  type JobStatus,
} from './job';

const ENTITY = 'job';

/**
 * A stored job as the service reads it: the job's fields in the order answers list them, its other
 * attributes (keys, plan) dropped, each checked for its type; what is set only later (start, end,
 * results) reads as null until it is.
 */
export const jobItem = /* @__PURE__ */ once(() => {
  const count = z.number();
  const time = z.string();
  return z.object({
    job_id: z.string(),
    enterprise_customer_uuid: z.string(),
    kind: z.custom<JobKind>((v) => typeof v === 'string'),
    status: z.custom<JobStatus>((v) => typeof v === 'string'),
    target: z.record(z.string(), z.string()),
    source: z.custom<JobSource>((v) => typeof v === 'object' && v !== null && 'type' in v),
    source_key: z.string(),
    total: count,
    processed: count,
    succeeded: count,
    skipped: count,
    failed: count,
    outcome_counts: z.record(z.string(), count),
    chunks_total: count.nullable().default(null),
    chunks_done: count,
    chunks_failed: count,
    error: z.string().nullable().default(null),
    columns: z.array(z.string()).nullable().default(null),
    results_key: z.string().nullable().default(null),
    created_by: z.string(),
    created: time,
    started: time.nullable().default(null),
    finished: time.nullable().default(null),
    guard: z
      .custom<GuardHold>((v) => typeof v === 'object' && v !== null)
      .nullable()
      .default(null),
    approved_by: z.string().nullable().default(null),
    approved_at: time.nullable().default(null),
    reverts: z.string().nullable().default(null),
    reverted_by: z.string().nullable().default(null),
  });
});

export const toJob = (item: Record<string, unknown>): Job => jobItem().parse(item);

/** A new job, keyed by id, in its tenant's listing (GSI1) and its source's (GSI2); only where none is. */
export const newJobPut = (tableName: string, job: Job): PutCommandInput => ({
  TableName: tableName,
  Item: {
    ...keys.job(job.job_id),
    ...keys.jobsOfTenant(job.enterprise_customer_uuid, job.created, job.job_id),
    ...keys.jobsBySource(job.enterprise_customer_uuid, job.source_key, job.created, job.job_id),
    entity: ENTITY,
    ...job,
  },
  ConditionExpression: 'attribute_not_exists(PK)',
});

/**
 * The job a revert undoes, marked with the revert's id in the transaction that records the revert:
 * only once, and only while it exists and has ended.
 */
export const revertedByUpdate = (tableName: string, jobId: string, revertId: string) => ({
  TableName: tableName,
  Key: keys.job(jobId),
  ConditionExpression: `attribute_exists(PK) AND (attribute_not_exists(reverted_by) OR attribute_type(reverted_by, :nullType)) AND #status IN (${FINAL_STATUSES.map((_, i) => `:f${i}`).join(', ')})`,
  UpdateExpression: 'SET reverted_by = :by',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: {
    ...Object.fromEntries(FINAL_STATUSES.map((s, i) => [`:f${i}`, s])),
    ':nullType': 'NULL',
    ':by': revertId,
  },
});

/** A listing producer's progress, only while the job is queued and its plan is still the one read (`from`). */
export const savePlanUpdate = (tableName: string, jobId: string, from: number, plan: JobPlan): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.job(jobId),
  ConditionExpression: '#status = :queued AND (attribute_not_exists(#plan) OR #plan.next_chunk = :from)',
  UpdateExpression: 'SET #plan = :plan',
  ExpressionAttributeNames: { '#status': 'status', '#plan': 'plan' },
  ExpressionAttributeValues: { ':queued': 'queued', ':from': from, ':plan': plan },
});

/** A queued job turned running with its final size. */
export const markRunningUpdate = (
  tableName: string,
  jobId: string,
  total: number,
  chunksTotal: number,
  at: string,
): UpdateCommandInput => ({
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
});

/** Whether a running job has every chunk recorded, so it can end. */
export const isComplete = (job: Job) =>
  job.status === 'running' && job.chunks_total !== null && job.chunks_done >= job.chunks_total;

/** The reason a complete job carries: why some of its rows were not applied, or null. */
export const finishError = (job: Job): string | null =>
  job.chunks_failed > 0
    ? `${job.chunks_failed} of ${job.chunks_total} chunks failed after every retry; their rows are reported as ` +
      'chunk_failed or dead_lettered (rows before the failure may have been applied); to retry them, make ' +
      'the request again, or upload the file again under a new name'
    : null;

/**
 * A complete job ended with `status`, only while its counters are still the ones read: so the status
 * is the one they call for, and only one caller wins.
 */
export const finishUpdate = (
  tableName: string,
  job: Job,
  status: JobStatus,
  error: string | null,
  at: string,
): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.job(job.job_id),
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
});

/** A job not ended yet ended with `status` and a reason (and its `total`, when given). */
export const endUpdate = (
  tableName: string,
  jobId: string,
  status: 'failed' | 'aborted' | 'cancelled',
  reason: string,
  at: string,
  total?: number,
): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.job(jobId),
  ConditionExpression: `NOT #status IN (${FINAL_STATUSES.map((_, i) => `:f${i}`).join(', ')})`,
  UpdateExpression: `SET #status = :status, finished = :at, #error = :reason${total === undefined ? '' : ', #total = :total'}`,
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
});

/** An ended job's `total` raised to its `processed`, only when chunks recorded after its end passed it. */
export const coverProcessedUpdate = (tableName: string, jobId: string): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.job(jobId),
  ConditionExpression: '#processed > #total',
  UpdateExpression: 'SET #total = #processed',
  ExpressionAttributeNames: { '#processed': 'processed', '#total': 'total' },
});

/** The columns of an import's rows. */
export const columnsUpdate = (tableName: string, jobId: string, columns: string[]): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.job(jobId),
  UpdateExpression: 'SET #columns = :c',
  ExpressionAttributeNames: { '#columns': 'columns' },
  ExpressionAttributeValues: { ':c': columns },
});

/** Where a job's results file is. */
export const resultsKeyUpdate = (tableName: string, jobId: string, resultsKey: string): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.job(jobId),
  UpdateExpression: 'SET results_key = :k',
  ExpressionAttributeValues: { ':k': resultsKey },
});

/** Up to `limit` jobs of a source created at or after `sinceIso`, newest first. */
export const recentBySourceQuery = (
  tableName: string,
  tenant: string,
  sourceKey: string,
  sinceIso: string,
  limit: number,
): QueryCommandInput => ({
  TableName: tableName,
  IndexName: 'GSI2',
  KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK >= :since',
  ExpressionAttributeValues: {
    ':pk': keys.jobSourcePartition(tenant, sourceKey),
    ':since': keys.jobsCreatedFrom(sinceIso),
  },
  ScanIndexForward: false,
  Limit: limit,
});

/** A running job held by the removal guard before its first removal (only one finish step wins). */
export const holdUpdate = (tableName: string, jobId: string, guard: GuardHold): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.job(jobId),
  ConditionExpression: '#status = :running',
  UpdateExpression: 'SET #status = :held, guard = :guard',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':running': 'running', ':held': 'awaiting_approval', ':guard': guard },
});

/** A held job approved: running again, so its finish step removes what it finds then. */
export const approveUpdate = (tableName: string, jobId: string, by: string, at: string): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.job(jobId),
  ConditionExpression: '#status = :held',
  UpdateExpression: 'SET #status = :running, approved_by = :by, approved_at = :at',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':held': 'awaiting_approval', ':running': 'running', ':by': by, ':at': at },
});

/** A held job cancelled: it ends with nothing removed. */
export const cancelUpdate = (tableName: string, jobId: string, reason: string, at: string): UpdateCommandInput => ({
  TableName: tableName,
  Key: keys.job(jobId),
  ConditionExpression: '#status = :held',
  UpdateExpression: 'SET #status = :cancelled, finished = :at, #error = :reason',
  ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
  ExpressionAttributeValues: { ':held': 'awaiting_approval', ':cancelled': 'cancelled', ':at': at, ':reason': reason },
});
