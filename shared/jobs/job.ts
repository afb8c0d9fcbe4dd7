import type { Caller } from '#shared/auth/caller';

/** One bulk operation: an API bulk call, a CSV import or an export. */
export type JobKind =
  | 'assign_learners'
  | 'remove_learners'
  | 'upsert_learners'
  | 'import_learners'
  | 'import_group_members'
  | 'export_members'
  | 'bulk_enroll'
  | 'batch_participants'
  | 'import_enrollments'
  | 'import_batch_participants'
  | 'recalculate_group'
  | 'enroll_learning_modules'
  /** Undoes what another job changed, membership by membership (see shared/jobs/revert-job.ts). */
  | 'revert';

/**
 * The kinds that read or write a file in S3 (CSV imports, exports). Their chunks go to a worker of
 * their own, so that the worker of the other kinds carries neither the S3 signer nor the CSV writer.
 */
export const FILE_JOB_KINDS: readonly JobKind[] = [
  'import_learners',
  'import_group_members',
  'import_enrollments',
  'import_batch_participants',
  'export_members',
];
export const isFileJob = (kind: JobKind) => FILE_JOB_KINDS.includes(kind);

export type JobStatus =
  | 'queued'
  | 'running'
  /** Held by the group's removal guard before its first removal: an admin approves or cancels it. */
  | 'awaiting_approval'
  | 'succeeded'
  | 'completed_with_errors'
  | 'failed'
  | 'aborted'
  | 'cancelled';

export const FINAL_STATUSES: readonly JobStatus[] = [
  'succeeded',
  'completed_with_errors',
  'failed',
  'aborted',
  'cancelled',
];

/** What the removal guard found when it held a job: how many it would remove of how many, and some of them. */
export interface GuardHold {
  /** The group the counts are of (a CSV import may remove from several: the one furthest past its guard). */
  group_uuid?: string;
  would_remove: number;
  member_count: number;
  /** would_remove as a percentage of member_count, one decimal. */
  percent: number;
  max_percent: number;
  min_removals: number;
  sample: { learner_uuid: string; email: string | null }[];
}

export type JobSource =
  | { type: 'api'; route: string; caller: string }
  | { type: 's3'; bucket: string; key: string; etag: string }
  /** A scheduled run (the recalculation schedule's tick, its ISO time). */
  | { type: 'schedule'; tick: string };

export interface Job {
  job_id: string;
  enterprise_customer_uuid: string;
  kind: JobKind;
  status: JobStatus;
  /** What the job acts on (group uuid for assign/remove), fixed at creation. */
  target: Record<string, string>;
  source: JobSource;
  /** S3 key for imports, `api:<route>` for API calls: what `?source_key=` finds. */
  source_key: string;
  total: number;
  processed: number;
  succeeded: number;
  skipped: number;
  failed: number;
  outcome_counts: Record<string, number>;
  chunks_total: number | null;
  chunks_done: number;
  chunks_failed: number;
  error: string | null;
  /** The CSV header as read (imports), so the results file keeps the file's column order. */
  columns: string[] | null;
  /** S3 key of the results CSV, for imports. */
  results_key: string | null;
  created_by: string;
  created: string;
  started: string | null;
  finished: string | null;
  /** Set once the removal guard held the job, and kept after. */
  guard: GuardHold | null;
  /** Who approved the held removals, and when. */
  approved_by: string | null;
  approved_at: string | null;
  /** A revert job: the job it undoes. */
  reverts: string | null;
  /** The revert job that undoes this one, set once (a second revert is refused). */
  reverted_by: string | null;
}

/** One input row of a job, with its position in the original request or file (1-based for files). */
/**
 * The progress of a producer that lists a job's rows in a worker (a recalculation lists the tenant's
 * learners): chunks stored and queued so far, the rows in them, and where the listing continues.
 */
export interface JobPlan {
  next_chunk: number;
  total: number;
  /** The listing reached its end: only marking the job running is left. */
  done: boolean;
  /** Opaque continuation of the listing. */
  after?: string | undefined;
}

export interface JobRow {
  index: number;
  /** The row as given: an identifier (API), a learner object (API bulk) or a CSV record (imports). */
  input: Record<string, unknown>;
  /** Set when the producer already knows the row fails (a ragged CSV line, a duplicate): not applied. */
  rejected?: { outcome: string; message: string };
  /** An id the producer derived for the row (a new learner's uuid), stable across replays. */
  derived_id?: string;
}

/** What happened to one row. `code` is stable (an outcome or an error code); `message` is for people. */
export interface RowResult {
  index: number;
  identifier: string;
  outcome: string;
  code?: string | undefined;
  message?: string | undefined;
  /**
   * A `removal_pending` row of a bulk removal job or an import: the group and member (refKey) its
   * finish step removes. Internal: dropped when the row is settled, never shown.
   */
  pending_removal?: { group_uuid: string; member: string } | undefined;
}

/** Enrollment outcomes (bulk_enroll job rows, `enrollments` CSV, batch participants). */
const ENROLLMENT_SUCCEEDED = ['enrolled', 'allowed', 'unenrolled', 'allowance_removed', 'changed'];
const ENROLLMENT_SKIPPED = ['unchanged', 'already_present', 'not_present', 'already_completed'];

/** Outcomes that count as success, as skipped; the rest are failures. */
export const SUCCEEDED = [
  'added',
  'invited',
  'revived',
  'removed',
  'created',
  'updated',
  'exported',
  ...ENROLLMENT_SUCCEEDED,
];
export const SKIPPED = [
  'already_member',
  'not_member',
  'duplicate_in_request',
  'excluded',
  'superseded',
  /** A removal left to the job's finish step (and the removal guard); settled when the job ends. */
  'removal_pending',
  /** A held removal an admin cancelled. */
  'removal_cancelled',
  /** A pending removal the sweep did not make: the membership changed since its chunk (an admin's pin, a newer evaluation). */
  'changed_since',
  ...ENROLLMENT_SKIPPED,
];

/** A job that ended without its finish step: the removals its chunks left pending were never made. */
export const endedUnfinished = (job: Pick<Job, 'status'>) => job.status === 'cancelled' || job.status === 'aborted';

/**
 * A row outcome as a reader sees it: the removals a cancelled (or aborted) job left pending, waiting
 * for approval or for its finish step, were never made, whatever its chunks recorded meanwhile.
 */
export const settledOutcome = (job: Pick<Job, 'status'>, outcome: string): string =>
  endedUnfinished(job) && outcome === 'removal_pending' ? 'removal_cancelled' : outcome;

/**
 * A job's per-outcome counters as a reader sees them (see settledOutcome); an outcome whose rows were
 * all settled into others (a counter moved back to zero) is not listed.
 */
export function settledOutcomeCounts(job: Pick<Job, 'status' | 'outcome_counts'>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [outcome, n] of Object.entries(job.outcome_counts)) {
    if (n === 0) continue;
    const settled = settledOutcome(job, outcome);
    counts[settled] = (counts[settled] ?? 0) + n;
  }
  return counts;
}

export const classify = (outcome: string): 'succeeded' | 'skipped' | 'failed' =>
  SUCCEEDED.includes(outcome) ? 'succeeded' : SKIPPED.includes(outcome) ? 'skipped' : 'failed';

export const progressOf = (job: Pick<Job, 'total' | 'processed'>) =>
  job.total === 0 ? 1 : Math.min(1, Math.round((job.processed / job.total) * 1000) / 1000);

/** The issuer of the callers jobs act as: no token, the service itself vouches for the job's starter. */
export const JOB_ISSUER = 'lms-groups:job';

/** Acting for a job: the tenant admin who started it, limited to the job's tenant. */
export const jobCaller = (job: Pick<Job, 'created_by' | 'enterprise_customer_uuid'>): Caller => ({
  issuer: JOB_ISSUER,
  sub: job.created_by,
  roles: new Set(['enterprise_admin']),
  enterprises: new Set([job.enterprise_customer_uuid]),
});

/** The status a job whose chunks are all recorded ends with. */
export const finalStatusOf = (job: Pick<Job, 'failed' | 'succeeded' | 'skipped'>): JobStatus =>
  job.failed === 0 ? 'succeeded' : job.succeeded + job.skipped === 0 ? 'failed' : 'completed_with_errors';

/** Every chunk of a running job is recorded: it can be finished. */
export const isComplete = (job: Job | undefined): job is Job =>
  job !== undefined && job.status === 'running' && job.chunks_total !== null && job.chunks_done >= job.chunks_total;
