import { DomainError } from '#shared/errors';
import type { RowApplier } from './apply-job-chunk';
import type { makePutLearner } from '#shared/learners/put-learner';
import { BulkLearnerRow } from '#shared/learners/schemas';
import { jobCaller, type RowResult } from './job';
import { splitRejected } from './job-rows';

type PutLearner = ReturnType<typeof makePutLearner>;

const ROW_CONCURRENCY = 32;

/** CSV cells are strings; an empty cell means "not given". */
const fromCsv = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== '' && v !== undefined && v !== null));

/**
 * Upserts one chunk of learners (API bulk or CSV), one row at a time, each failing alone with its
 * field paths. Rows carry their learner uuid (given, or derived by the producer), so a replay writes
 * the same learners and, with the chunk's operation id, reports the same created/updated outcomes.
 */
export const makeApplyLearnerRows =
  (
    putLearner: PutLearner,
    learnerUuidsByEmail: (tenant: string, emails: string[]) => Promise<Map<string, string>>,
  ): RowApplier =>
  async (job, rows, opId) => {
    const { rejected, rest } = splitRejected(rows);
    const results: RowResult[] = [...rejected];
    const parsedRows = rest.map((row) => ({
      row,
      parsed: BulkLearnerRow.safeParse(job.kind === 'import_learners' ? fromCsv(row.input) : row.input),
    }));
    // A row without learner_uuid updates the learner that has its e-mail, or creates one with the derived id.
    const emails = parsedRows.flatMap(({ parsed }) =>
      parsed.success && !parsed.data.learner_uuid ? [parsed.data.email] : [],
    );
    const existing = await learnerUuidsByEmail(job.enterprise_customer_uuid, emails);
    const seen = new Set<string>();
    const applyRow = async ({ row, parsed }: (typeof parsedRows)[number]) => {
      const identifier = String(row.input.email ?? row.input.learner_uuid ?? '');
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
        results.push({ index: row.index, identifier, outcome: 'failed', code: 'validation_error', message });
        return;
      }
      const { learner_uuid, ...input } = parsed.data;
      const uuid = learner_uuid ?? existing.get(input.email) ?? row.derived_id;
      if (!uuid) {
        results.push({
          index: row.index,
          identifier,
          outcome: 'failed',
          code: 'validation_error',
          message: 'learner_uuid is required',
        });
        return;
      }
      const keys = [`u:${uuid}`, `e:${input.email}`];
      if (keys.some((k) => seen.has(k))) {
        const message = 'an earlier row names the same learner or e-mail';
        results.push({
          index: row.index,
          identifier,
          outcome: 'duplicate_in_request',
          code: 'duplicate_in_request',
          message,
        });
        return;
      }
      keys.forEach((k) => seen.add(k));
      try {
        const { created } = await putLearner(jobCaller(job), job.enterprise_customer_uuid, uuid, input, { opId });
        results.push({
          index: row.index,
          identifier,
          outcome: created ? 'created' : 'updated',
          code: created ? 'created' : 'updated',
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ index: row.index, identifier, outcome: 'failed', code: error.code, message: error.message });
      }
    };
    // Rows are independent (the producer refused duplicates), so a few are written at a time.
    const queue = [...parsedRows];
    await Promise.all(
      Array.from({ length: ROW_CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await applyRow(next);
      }),
    );
    return results.sort((a, b) => a.index - b.index);
  };
