import * as z from 'zod';
import type { RowApplier } from '#shared/jobs/apply-job-chunk';
import type { ParticipantsChunk } from '#shared/enrollments/apply-batch-participants';
import type { BulkEnrollmentChunk, BulkResultRow } from '#shared/enrollments/apply-bulk-enrollment';
import type { Batch } from '#shared/enrollments/batch';
import { courseOutcome, participantRows } from '#shared/enrollments/enrollment-jobs';
import type { ParticipantResult } from '#shared/enrollments/participant-outcomes';
import { courseId } from '#shared/enrollments/course-id';
import type { IdentifierType } from '#shared/enrollments/schemas';
import type { JobRow, RowResult } from '#shared/jobs/job';
import { domainFailures, splitRejected } from '#shared/jobs/job-rows';

const cell = (row: JobRow, column: string) => String(row.input[column] ?? '').trim();
const isUuid = (v: string) => z.uuid().safeParse(v).success;
const byIndex = (a: RowResult, b: RowResult) => a.index - b.index;
const invalid = (row: JobRow, message: string): RowResult => ({
  index: row.index,
  identifier: cell(row, 'identifier'),
  outcome: 'failed',
  code: 'validation_error',
  message,
});

/** Rows of one call, and the key that names the call (part of its operation id, stable across replays). */
type Bucket<P> = { params: P; rows: JobRow[] };
function bucket<P>(buckets: Map<string, Bucket<P>>, key: string, params: P, row: JobRow) {
  const b = buckets.get(key) ?? { params, rows: [] };
  buckets.set(key, b);
  b.rows.push(row);
}

/**
 * Applies a chunk of an `enrollments` CSV (`course_id, identifier, action, cohort`): rows are grouped
 * by course, action (enroll, the default, or unenroll) and cohort and applied with bulk_enroll's own
 * applier under `<chunk op id>|<group>`, so a replay reports the same outcomes. Identifiers are
 * bulk_enroll's (e-mail, learner uuid, username); an unknown e-mail becomes an `allowed` enrollment
 * with auto_enroll (it turns into an enrollment when the learner is created). No e-mail is sent.
 * Each row's outcome is its course's compact outcome; `message` is `{before, after}` in Open edX's shape.
 */
export const makeApplyEnrollmentCsvRows =
  (apply: (chunk: BulkEnrollmentChunk) => Promise<Record<string, BulkResultRow[]>>): RowApplier =>
  async (job, rows, opId) => {
    const { rejected, rest } = splitRejected(rows);
    const results: RowResult[] = [...rejected];
    const buckets = new Map<string, Bucket<{ course: string; action: 'enroll' | 'unenroll'; cohort: string }>>();
    for (const row of rest) {
      const course = cell(row, 'course_id');
      const action = cell(row, 'action').toLowerCase() || 'enroll';
      const cohort = cell(row, 'cohort');
      if (!courseId.safeParse(course).success) results.push(invalid(row, `"${course}" is not a course id`));
      else if (!cell(row, 'identifier')) results.push(invalid(row, 'the identifier column is empty'));
      else if (action !== 'enroll' && action !== 'unenroll')
        results.push(invalid(row, `action must be enroll or unenroll, not "${action}"`));
      else if (cohort && action === 'unenroll') results.push(invalid(row, 'a cohort can only be given to enroll'));
      else bucket(buckets, `${course}|${action}|${cohort}`, { course, action, cohort }, row);
    }
    for (const [key, { params, rows: group }] of buckets) {
      const out = await apply({
        tenant: job.enterprise_customer_uuid,
        action: params.action,
        courses: [{ course_id: params.course, cohort: params.cohort || null }],
        identifiers: group.map((r) => cell(r, 'identifier')),
        autoEnroll: true,
        emailStudents: false,
        withCohorts: params.cohort !== '',
        actor: job.created_by,
        opId: `${opId}|${key}`,
      });
      group.forEach((row, i) => {
        const r = out[params.course]![i]!;
        const outcome = courseOutcome(r);
        results.push({
          index: row.index,
          identifier: cell(row, 'identifier'),
          outcome,
          code: outcome,
          message: 'before' in r ? JSON.stringify({ before: r.before, after: r.after }) : undefined,
        });
      });
    }
    return results.sort(byIndex);
  };

export interface BatchParticipantCsvPorts {
  apply: (chunk: ParticipantsChunk) => Promise<ParticipantResult[]>;
  getBatch: (batchId: string) => Promise<Batch | undefined>;
}

/**
 * Applies a chunk of a `batch-participants` CSV (`batch_id, identifier, action`): the identifier is a
 * learner uuid, an e-mail, or else an employee id, then a state id; action add (default) or remove.
 * Rows are grouped by batch, action and identifier type and applied with the participants API's
 * applier under `<chunk op id>|<group>`. A batch of another tenant reads as `batch_not_found`.
 */
export const makeApplyBatchParticipantCsvRows =
  ({ apply, getBatch }: BatchParticipantCsvPorts): RowApplier =>
  async (job, rows, opId) => {
    const { rejected, rest } = splitRejected(rows);
    const results: RowResult[] = [...rejected];
    const batches = new Map<string, Batch | undefined>();
    const buckets = new Map<string, Bucket<{ batchId: string; action: 'add' | 'remove'; type: IdentifierType }>>();
    for (const row of rest) {
      const batchId = cell(row, 'batch_id').toLowerCase();
      const identifier = cell(row, 'identifier');
      const action = cell(row, 'action').toLowerCase() || 'add';
      if (!isUuid(batchId)) {
        results.push(invalid(row, `"${batchId}" is not a batch id`));
        continue;
      }
      if (!identifier) {
        results.push(invalid(row, 'the identifier column is empty'));
        continue;
      }
      if (action !== 'add' && action !== 'remove') {
        results.push(invalid(row, `action must be add or remove, not "${action}"`));
        continue;
      }
      if (!batches.has(batchId)) batches.set(batchId, await getBatch(batchId));
      const batch = batches.get(batchId);
      if (!batch || batch.enterprise_customer_uuid !== job.enterprise_customer_uuid) {
        results.push({
          index: row.index,
          identifier,
          outcome: 'failed',
          code: 'batch_not_found',
          message: `no batch ${batchId} in this enterprise`,
        });
        continue;
      }
      const type: IdentifierType = isUuid(identifier) ? 'user_id' : identifier.includes('@') ? 'email' : 'employee_id';
      bucket(buckets, `${batchId}|${action}|${type}`, { batchId, action, type }, row);
    }
    const run = async (
      key: string,
      p: { batchId: string; action: 'add' | 'remove' },
      type: IdentifierType,
      group: JobRow[],
    ) => {
      try {
        const out = await apply({
          batchId: p.batchId,
          action: p.action,
          identifierType: type,
          identifiers: group.map((r) => cell(r, 'identifier')),
          actor: job.created_by,
          opId: `${opId}|${key}`,
        });
        return participantRows(group, out, (r) => cell(r, 'identifier'));
      } catch (error) {
        return domainFailures(group, error);
      }
    };
    for (const [key, { params, rows: group }] of buckets) {
      const first = await run(key, params, params.type, group);
      if (params.type !== 'employee_id') {
        results.push(...first);
        continue;
      }
      // Not an employee id: try the same identifiers as state ids.
      const missing = new Set(first.filter((r) => r.outcome === 'not_found').map((r) => r.index));
      results.push(...first.filter((r) => !missing.has(r.index)));
      const again = group.filter((r) => missing.has(r.index));
      if (again.length > 0) results.push(...(await run(`${key}|state_id`, params, 'state_id', again)));
    }
    return results.sort(byIndex);
  };
