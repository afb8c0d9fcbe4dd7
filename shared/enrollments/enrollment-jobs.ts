import { type Caller, isStaff } from '#shared/auth/caller';
import type { RowApplier } from '#shared/jobs/apply-job-chunk';
import type { IdGenerator } from '#shared/clock';
import { ForbiddenError } from '#shared/errors';
import type { JobRow, RowResult } from '#shared/jobs/job';
import { byIndex, domainFailures, rejectRepeats, splitRejected } from '#shared/jobs/job-rows';
import type { StartJob } from '#shared/jobs/start-job';
import type { SyncOrJob } from '#shared/jobs/sync-or-job';
import type { ParticipantsChunk } from './apply-batch-participants';
import type { BulkEnrollmentChunk, BulkResultRow } from './apply-bulk-enrollment';
import type { BatchRepository } from './batch-repository';
import { type BulkEnrollmentSettings, bulkEnrollResponse, chunkOf, settingsOf } from './bulk-enroll';
import type { ParticipantResult } from './participant-outcomes';
import { summarizeParticipants } from './participant-outcomes';
import type { OpenEdxState } from './plan-bulk-change';
import { loadAdministeredBatch } from './read-batch';
import { type BulkEnrollBody, type IdentifierType, MAX_SYNC_PAIRS } from './schemas';

type ApplyBulk = (chunk: BulkEnrollmentChunk) => Promise<Record<string, BulkResultRow[]>>;
type ApplyParticipants = (chunk: ParticipantsChunk) => Promise<ParticipantResult[]>;

/** One row per identifier; an exact repeat (trimmed, case-insensitive) is `duplicate_in_request`, not applied. */
export function identifierRows(identifiers: string[]): JobRow[] {
  return rejectRepeats(
    identifiers.map((identifier, index) => ({ index, input: { identifier } })),
    (row) => [String(row.input.identifier).trim().toLowerCase()],
    'an earlier identifier of this request is the same',
  );
}

/**
 * A course's result for one identifier as a compact outcome: `enrolled`, `allowed`, `unenrolled`,
 * `allowance_removed` or `updated` (cohort moved) when something changed, else `unchanged`;
 * `invalid_identifier` and `error` as Open edX reports them.
 */
export function courseOutcome(row: BulkResultRow): string {
  if ('invalidIdentifier' in row) return 'invalid_identifier';
  if ('error' in row) return 'error';
  const { before, after } = row;
  if (JSON.stringify(before) === JSON.stringify(after)) return 'unchanged';
  if (after.enrollment && !before.enrollment) return 'enrolled';
  if (after.allowed && !before.allowed) return 'allowed';
  if (before.enrollment && !after.enrollment) return 'unenrolled';
  if (before.allowed && !after.allowed) return 'allowance_removed';
  return 'updated';
}

/** The per-course detail a job row keeps in `message`: `{<course_id>: {outcome, before, after, message?}}`. */
type CourseDetail = { outcome: string; before?: OpenEdxState; after?: OpenEdxState; message?: string };
const detailOf = (row: BulkResultRow): CourseDetail => ({
  outcome: courseOutcome(row),
  ...('before' in row && { before: row.before, after: row.after }),
  ...('message' in row && row.message && { message: row.message }),
});

/** A job row's outcome over its courses: the course outcome when all agree, else `changed` (`error` wins). */
export function rowOutcome(outcomes: string[]): string {
  if (outcomes.includes('error')) return 'error';
  if (outcomes.every((o) => o === outcomes[0])) return outcomes[0] ?? 'unchanged';
  return outcomes.every((o) => o === 'unchanged' || o === 'invalid_identifier') ? 'unchanged' : 'changed';
}

/** The settings as a job's `target` (strings), which `settingsOfTarget` reads back. */
export function bulkEnrollTarget(s: BulkEnrollmentSettings): Record<string, string> {
  return {
    action: s.action,
    courses: JSON.stringify(s.courses),
    auto_enroll: String(s.autoEnroll),
    email_students: String(s.emailStudents),
    with_cohorts: String(s.withCohorts),
    ...(s.reason && { reason: s.reason }),
  };
}

export function settingsOfTarget(t: Record<string, string>): BulkEnrollmentSettings {
  return {
    action: t.action === 'unenroll' ? 'unenroll' : 'enroll',
    courses: JSON.parse(t.courses ?? '[]') as BulkEnrollmentSettings['courses'],
    autoEnroll: t.auto_enroll === 'true',
    emailStudents: t.email_students === 'true',
    withCohorts: t.with_cohorts === 'true',
    reason: t.reason === 'learning_module' ? 'learning_module' : 'bulk_enroll',
  };
}

export interface BulkEnrollOrQueueDeps {
  apply: ApplyBulk;
  /** Spends a bulk_enroll call of the caller in the body's tenant (429 when spent). */
  throttle: (caller: Caller, tenant: string) => Promise<void>;
  ids: IdGenerator;
  startJob: StartJob;
}

/**
 * bulk_enroll: staff only, throttled; up to MAX_SYNC_PAIRS identifier×course pairs it answers
 * synchronously in Open edX's shape, beyond it starts a `bulk_enroll` job whose rows are the
 * identifiers (every course of the request is applied to each chunk of identifiers).
 */
export const makeBulkEnrollOrQueue =
  ({ apply, throttle, ids, startJob }: BulkEnrollOrQueueDeps) =>
  async (caller: Caller, body: BulkEnrollBody): Promise<SyncOrJob<ReturnType<typeof bulkEnrollResponse>>> => {
    if (!isStaff(caller)) throw new ForbiddenError('bulk_enroll is for staff only');
    await throttle(caller, body.enterprise_customer_uuid);
    if (body.identifiers.length * body.courses.length <= MAX_SYNC_PAIRS)
      return { sync: bulkEnrollResponse(body, await apply(chunkOf(body, caller.sub, ids.uuid()))) };
    const job = await startJob(
      {
        tenant: body.enterprise_customer_uuid,
        kind: 'bulk_enroll',
        target: bulkEnrollTarget(settingsOf(body)),
        source: { type: 'api', route: 'bulk_enroll', caller: caller.sub },
        sourceKey: 'api:bulk_enroll',
        createdBy: caller.sub,
      },
      identifierRows(body.identifiers),
    );
    return { job };
  };

/**
 * Applies a chunk of a `bulk_enroll` job: the chunk's identifiers in every course of the request,
 * under the chunk's operation id (a replay reports its first results). One row per identifier:
 * outcome from `rowOutcome`, `message` the JSON of its per-course Open edX before/after.
 */
export const makeApplyBulkEnrollRows =
  (apply: ApplyBulk): RowApplier =>
  async (job, rows, opId) => {
    const { rejected, rest } = splitRejected(rows);
    if (rest.length === 0) return rejected;
    const settings = settingsOfTarget(job.target);
    const { courses } = settings;
    const results = await apply({
      ...settings,
      tenant: job.enterprise_customer_uuid,
      identifiers: rest.map((r) => String(r.input.identifier)),
      actor: job.created_by,
      opId,
    });
    const applied = rest.map((row, i): RowResult => {
      const details = Object.fromEntries(
        courses.map(({ course_id }) => [course_id, detailOf(results[course_id]![i]!)] as const),
      );
      const outcome = rowOutcome(Object.values(details).map((d) => d.outcome));
      return {
        index: row.index,
        identifier: String(row.input.identifier),
        outcome,
        code: outcome,
        message: JSON.stringify(details),
      };
    });
    return [...rejected, ...applied].sort(byIndex);
  };

export interface ParticipantsOrQueueDeps {
  batches: Pick<BatchRepository, 'get'>;
  apply: ApplyParticipants;
  ids: IdGenerator;
  startJob: StartJob;
}

/**
 * participants/add and /remove: synchronous up to MAX_SYNC_PAIRS identifiers, a
 * `batch_participants` job beyond (10k in one call). The caller must administer the batch's tenant.
 */
export const makeChangeParticipantsOrQueue =
  ({ batches, apply, ids, startJob }: ParticipantsOrQueueDeps) =>
  async (
    caller: Caller,
    batchId: string,
    action: 'add' | 'remove',
    input: { identifiers: string[]; identifier_type: IdentifierType },
  ) => {
    const batch = await loadAdministeredBatch(batches, caller, batchId);
    if (input.identifiers.length > MAX_SYNC_PAIRS) {
      const job = await startJob(
        {
          tenant: batch.enterprise_customer_uuid,
          kind: 'batch_participants',
          target: { batch_id: batchId, action, identifier_type: input.identifier_type },
          source: { type: 'api', route: `batch_participants_${action}`, caller: caller.sub },
          sourceKey: `api:batch_participants_${action}`,
          createdBy: caller.sub,
        },
        identifierRows(input.identifiers),
      );
      return { job };
    }
    const rows = await apply({
      batchId,
      action,
      identifierType: input.identifier_type,
      identifiers: input.identifiers,
      actor: caller.sub,
      opId: ids.uuid(),
    });
    const after = await batches.get(batchId);
    return {
      sync: { batch_id: batchId, participant_count: after?.participant_count ?? 0, ...summarizeParticipants(rows) },
    };
  };

/** Maps participant results back onto rows by identifier (the applier keeps one result per identifier). */
function participantRows(
  rows: JobRow[],
  results: ParticipantResult[],
  key = (r: JobRow) => String(r.input.identifier),
) {
  const byIdentifier = new Map(results.map((r) => [r.identifier, r]));
  return rows.map((row): RowResult => {
    const found = byIdentifier.get(key(row));
    const identifier = String(row.input.identifier ?? '');
    return found
      ? {
          index: row.index,
          identifier,
          outcome: found.outcome,
          code: found.outcome,
          message: found.message ?? found.learner_uuid,
        }
      : { index: row.index, identifier, outcome: 'failed', code: 'internal_error', message: 'no outcome was produced' };
  });
}

/** Applies a chunk of a `batch_participants` job with the synchronous applier, under the chunk's operation id. */
export const makeApplyParticipantRows =
  (apply: ApplyParticipants): RowApplier =>
  async (job, rows, opId) => {
    const { rejected, rest } = splitRejected(rows);
    if (rest.length === 0) return rejected;
    try {
      const results = await apply({
        batchId: job.target.batch_id!,
        action: job.target.action === 'remove' ? 'remove' : 'add',
        identifierType: job.target.identifier_type as IdentifierType,
        identifiers: rest.map((r) => String(r.input.identifier)),
        actor: job.created_by,
        opId,
      });
      return [...rejected, ...participantRows(rest, results)].sort(byIndex);
    } catch (error) {
      return [...rejected, ...domainFailures(rest, error)].sort(byIndex);
    }
  };

export { participantRows };
