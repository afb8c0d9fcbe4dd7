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
