import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { IdGenerator } from '#shared/clock';
import { ValidationError } from '#shared/errors';
import type { JobRow } from '#shared/jobs/job';
import { rejectRepeats } from '#shared/jobs/job-rows';
import type { StartJob } from '#shared/jobs/start-job';
import { syncOrJob } from '#shared/jobs/sync-or-job';
import type { Throttle } from '#shared/throttle/throttle';
import { invalidRowDetails } from './bulk-upsert-learners';
import { MAX_SYNC_LEARNERS } from './schemas';

/** Issues listed in a refused bulk request (the message counts them all). */
const MAX_ROW_DETAILS = 100;

/**
 * Learner rows of a large bulk upsert: each gets a new uuid now (stored with the row, so replays reuse
 * it); a row naming a learner_uuid or e-mail (trimmed, lower-cased) of an earlier row is refused.
 */
export function learnerRows(rows: unknown[], ids: IdGenerator): JobRow[] {
  const keysOf = (row: JobRow) =>
    [row.input.learner_uuid, row.input.email]
      .filter((k) => typeof k === 'string')
      .map((k) => String(k).trim().toLowerCase());
  return rejectRepeats(
    rows.map((input, index) => ({ index, input: (input ?? {}) as Record<string, unknown>, derived_id: ids.uuid() })),
    keysOf,
    'an earlier row names the same learner or e-mail',
  );
}

export interface BulkUpsertOrQueueDeps<R> {
  /** The synchronous bulk upsert (makeBulkUpsertLearners). */
  upsert: (caller: Caller, tenant: string, rows: unknown[]) => Promise<R>;
  throttle: Throttle;
  startJob: StartJob;
  ids: IdGenerator;
}

/**
 * learners/bulk: the caller administers the tenant and spends a `learners_bulk` call whether it is
 * answered at once (up to MAX_SYNC_LEARNERS rows) or as an `upsert_learners` job. A job's rows are
 * stored as given, so a request with a row that is no learner is refused whole while the call can
 * still say which (the synchronous path reports it on its row instead).
 */
export const makeBulkUpsertOrQueue =
  <R>({ upsert, throttle, startJob, ids }: BulkUpsertOrQueueDeps<R>) =>
  async (caller: Caller, tenant: string, rows: unknown[]) => {
    assertAdministers(caller, tenant);
    await throttle('learners_bulk', caller, tenant);
    return syncOrJob(
      rows.length,
      MAX_SYNC_LEARNERS,
      () => upsert(caller, tenant, rows),
      async () => {
        const invalid = invalidRowDetails(rows);
        if (invalid.length > 0)
          throw new ValidationError(
            `${new Set(invalid.map((d) => d.path.split('.')[2])).size} rows are not valid learners; nothing was queued`,
            invalid.slice(0, MAX_ROW_DETAILS),
          );
        return startJob(
          {
            tenant,
            kind: 'upsert_learners',
            source: { type: 'api', route: 'learners_bulk', caller: caller.sub },
            sourceKey: 'api:learners_bulk',
            createdBy: caller.sub,
          },
          learnerRows(rows, ids),
        );
      },
    );
  };
