import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { IdGenerator } from '#shared/clock';
import type * as z from 'zod';
import { DomainError, type ErrorDetail, TooManyItemsError } from '#shared/errors';
import { BulkLearnerRow, MAX_SYNC_LEARNERS } from './schemas';

type PutLearner = (
  caller: Caller,
  tenant: string,
  learnerUuid: string,
  input: ReturnType<typeof BulkLearnerRow.parse>,
) => Promise<{ created: boolean }>;

export interface RowResult {
  index: number;
  learner_uuid: string | null;
  email: string | null;
  outcome: 'created' | 'updated' | 'error';
  code?: string;
  message?: string;
  details?: { path: string; message: string }[];
}

const CONCURRENCY = 32;

/** Details of the rows of `body.learners` that are not learners, each issue named by its path. */
export function invalidRowDetails(rows: unknown[]): ErrorDetail[] {
  return rows.flatMap((raw, index) => {
    const parsed = BulkLearnerRow.safeParse(raw);
    return parsed.success ? [] : issuesOf(parsed.error, index);
  });
}

const issuesOf = (error: z.ZodError, index: number): ErrorDetail[] =>
  error.issues.map((i) => ({ path: ['body', 'learners', index, ...i.path].join('.'), message: i.message }));

/**
 * Upserts up to 1000 learners; each row succeeds or fails alone and is reported by its index.
 * A row without `learner_uuid` gets a new one; two rows with the same uuid or e-mail are refused.
 */
export const makeBulkUpsertLearners =
  (putLearner: PutLearner, ids: IdGenerator) => async (caller: Caller, tenant: string, rows: unknown[]) => {
    assertAdministers(caller, tenant);
    if (rows.length > MAX_SYNC_LEARNERS) throw new TooManyItemsError('body.learners', MAX_SYNC_LEARNERS, rows.length);
    const seen = new Set<string>();
    const results: RowResult[] = new Array(rows.length);
    const work: (() => Promise<void>)[] = rows.map((raw, index) => async () => {
      const parsed = BulkLearnerRow.safeParse(raw);
      if (!parsed.success) {
        const details = issuesOf(parsed.error, index);
        results[index] = {
          index,
          learner_uuid: null,
          email: null,
          outcome: 'error',
          code: 'validation_error',
          message: 'invalid row',
          details,
        };
        return;
      }
      const row = parsed.data;
      const learnerUuid = row.learner_uuid ?? ids.uuid();
      const base = { index, learner_uuid: learnerUuid, email: row.email };
      const dupe = [`u:${learnerUuid}`, `e:${row.email}`].find((k) => seen.has(k));
      if (dupe) {
        results[index] = {
          ...base,
          outcome: 'error',
          code: 'duplicate_in_request',
          message: 'an earlier row names the same learner or e-mail',
        };
        return;
      }
      seen.add(`u:${learnerUuid}`).add(`e:${row.email}`);
      const { learner_uuid: _, ...input } = row;
      try {
        const { created } = await putLearner(caller, tenant, learnerUuid, input);
        results[index] = { ...base, outcome: created ? 'created' : 'updated' };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results[index] = { ...base, outcome: 'error', code: error.code, message: error.message };
      }
    });
    // Rows are validated and de-duplicated in order, then written a few at a time.
    const queue = [...work];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await next();
      }),
    );
    return {
      count: results.filter((r) => r.outcome !== 'error').length,
      results,
    };
  };
