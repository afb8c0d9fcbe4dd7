/**
 * The DynamoDB items, updates and queries of a job's chunks: their input rows, their results (written
 * once) and the counters a chunk moves, built by pure functions the repository only sends.
 */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import { classify, type JobRow, type RowResult } from './job';

/** A chunk's input rows. */
export const chunkItem = (jobId: string, chunk: number, rows: JobRow[]) => ({
  ...keys.jobChunk(jobId, chunk),
  entity: 'job_chunk',
  job_id: jobId,
  rows,
});

/** A chunk's results, written once: a redelivered chunk finds them there. */
export const resultPut = (
  tableName: string,
  jobId: string,
  chunk: number,
  results: RowResult[],
  failedChunk: boolean,
) => ({
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
});

/**
 * A chunk's results settled once when its job ends (a recalculation's pending removals, made or not):
 * the rows rewritten, marked so that a second finish step changes nothing.
 */
export const settledResultUpdate = (tableName: string, jobId: string, chunk: number, rows: RowResult[]) => ({
  TableName: tableName,
  Key: keys.jobResult(jobId, chunk),
  ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(settled)',
  UpdateExpression: 'SET #rows = :rows, settled = :settled',
  ExpressionAttributeNames: { '#rows': 'rows' },
  ExpressionAttributeValues: { ':rows': rows, ':settled': true },
});

/** Tally of one chunk's results, as it moves the job's counters. */
export interface Tally {
  processed: number;
  succeeded: number;
  skipped: number;
  failed: number;
  outcomes: Record<string, number>;
}

export function tally(results: RowResult[]): Tally {
  const counts = { succeeded: 0, skipped: 0, failed: 0 };
  const outcomes: Record<string, number> = {};
  for (const r of results) {
    counts[classify(r.outcome)]++;
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  }
  return { ...counts, processed: results.length, outcomes };
}

/** How the counters move when a chunk's results change from `before` to `after` (row for row). */
export function tallyDelta(before: RowResult[], after: RowResult[]): Tally {
  const b = tally(before);
  const a = tally(after);
  const outcomes: Record<string, number> = {};
  for (const o of new Set([...Object.keys(a.outcomes), ...Object.keys(b.outcomes)])) {
    const n = (a.outcomes[o] ?? 0) - (b.outcomes[o] ?? 0);
    if (n !== 0) outcomes[o] = n;
  }
  return {
    processed: a.processed - b.processed,
    succeeded: a.succeeded - b.succeeded,
    skipped: a.skipped - b.skipped,
    failed: a.failed - b.failed,
    outcomes,
  };
}

/** The job's counters moved by a chunk's tally (outcome counts start at zero), while the job exists. */
export function counterUpdate(
  tableName: string,
  jobId: string,
  t: Tally,
  { chunksDone, chunksFailed }: { chunksDone: number; chunksFailed: number },
) {
  const names = Object.keys(t.outcomes);
  const sets = names.map((_, i) => `outcome_counts.#o${i} = if_not_exists(outcome_counts.#o${i}, :zero) + :n${i}`);
  return {
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
  };
}

/** A page of a job's chunk results from chunk `fromChunk` on, in chunk order. */
export const resultChunksQuery = (tableName: string, jobId: string, fromChunk: number): QueryCommandInput => ({
  TableName: tableName,
  KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
  ExpressionAttributeValues: {
    ':pk': keys.job(jobId).PK,
    ':from': keys.jobResult(jobId, fromChunk).SK,
    ':to': `${keys.jobResultsPrefix}~`,
  },
  Limit: 20,
});
