import { DomainError } from '#shared/errors';
import type { JobRow, RowResult } from './job';

/** Orders row results as the rows came. */
export const byIndex = (a: RowResult, b: RowResult) => a.index - b.index;

/** The rows the producer already decided (duplicates, ragged lines) and the rows left to apply. */
export function splitRejected(rows: JobRow[]): { rejected: RowResult[]; rest: JobRow[] } {
  const rejected: RowResult[] = [];
  const rest: JobRow[] = [];
  for (const row of rows) {
    if (row.rejected) {
      rejected.push({
        index: row.index,
        identifier: String(row.input.identifier ?? row.input.email ?? ''),
        outcome: row.rejected.outcome,
        code: row.rejected.outcome,
        message: row.rejected.message,
      });
    } else rest.push(row);
  }
  return { rejected, rest };
}

/**
 * Every row failed with a decision about the whole chunk (the group or batch deleted, inactive, full):
 * the DomainError's code and message on each. Any other error is rethrown, so the chunk is retried.
 */
export function domainFailures(rows: JobRow[], error: unknown): RowResult[] {
  if (!(error instanceof DomainError)) throw error;
  return rows.map((r) => ({
    index: r.index,
    identifier: String(r.input.identifier ?? ''),
    outcome: 'failed',
    code: error.code,
    message: error.message,
  }));
}

/**
 * Marks `duplicate_in_request` every row naming a key an earlier row named, so the first row wins and
 * chunks never race each other over the same entity. Keys are compared as given: callers normalize.
 */
export function rejectRepeats(rows: JobRow[], keysOf: (row: JobRow) => string[], message: string): JobRow[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const keys = keysOf(row);
    if (keys.some((k) => seen.has(k))) row.rejected = { outcome: 'duplicate_in_request', message };
    for (const k of keys) seen.add(k);
  }
  return rows;
}
