import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { ConflictError } from '#shared/errors';
import type { EnrollmentAudit } from '#shared/enrollments/enrollment';
import type { EnrollmentRepository } from '#shared/enrollments/enrollment-repository';
import { netEnrollmentChanges } from '#shared/enrollments/revert-enrollment-changes';
import type { HistoryEntry } from '#shared/history/history-entry';
import type { HistoryRepository } from '#shared/history/history-repository';
import { netMemberChanges } from '#shared/memberships/net-member-changes';
import { FINAL_STATUSES, type Job, type JobKind, type JobRow } from './job';
import type { JobRepository } from './job-repository';
import { loadJob } from './read-jobs';
import type { StartJob } from './start-job';

/** The kinds of job a revert undoes: those that change memberships or enrollments. */
export const REVERTIBLE: readonly JobKind[] = [
  'assign_learners',
  'remove_learners',
  'import_group_members',
  'recalculate_group',
  'bulk_enroll',
  'batch_participants',
  'import_enrollments',
  'import_batch_participants',
  'revert',
];

/** The kinds whose writes are enrollments, read back from the enrollment audit of their courses. */
const ENROLLMENT_KINDS: readonly JobKind[] = [
  'bulk_enroll',
  'batch_participants',
  'import_enrollments',
  'import_batch_participants',
];

/** Whether a job wrote enrollments (a revert: when it undid an enrollment job, its target names courses). */
export const changesEnrollments = (job: Job) =>
  ENROLLMENT_KINDS.includes(job.kind) || (job.kind === 'revert' && job.target.courses !== undefined);

/**
 * How far around a job's run its history entries are looked for: a worker's clock may lag the one
 * that created the job, and a chunk in flight when the job was aborted is recorded after its end
 * (a worker runs 15 minutes at most).
 */
const BEFORE_MS = 5 * 60_000;
const AFTER_MS = 15 * 60_000;

const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export interface RevertJobDeps {
  jobs: Pick<JobRepository, 'get'>;
  history: Pick<HistoryRepository, 'entriesOfJob'>;
  /** The groups a job's rows named (an import's `group` cells, resolved now); the target group otherwise. */
  groupsOf: (job: Job) => Promise<string[]>;
  startJob: StartJob;
  clock: Clock;
  /** Where an enrollment job's writes are read: the courses it named, and their audit entries. */
  enrollments?: {
    audit: Pick<EnrollmentRepository, 'auditOfJob'>;
    coursesOf: (job: Job) => Promise<string[]>;
  };
}

/** The groups whose memberships a job of a revertible kind may have changed. */
export const targetGroupsOf = (job: Job): string[] | undefined =>
  job.target.group_uuids
    ? (JSON.parse(job.target.group_uuids) as string[])
    : job.target.group_uuid
      ? [job.target.group_uuid]
      : undefined;

/**
 * Starts a job (kind `revert`) that undoes what an ended job changed, membership by membership or
 * enrollment by enrollment. Its rows are read from the group history the job's operations wrote (each
 * with the state before and after), or for an enrollment job from the enrollment audit of its courses,
 * so it needs no input file and sees exactly what was committed, whatever the job's rows said. The
 * original is marked `reverted_by` in the transaction that records the revert, so a second revert
 * (or two racing ones) is a 409 `job_already_reverted`. A job still queued, running or awaiting
 * approval is a 409 `job_not_finished`; a kind that changes neither, `job_not_revertible`.
 */
export const makeRevertJob =
  ({ jobs, history, groupsOf, startJob, clock, enrollments }: RevertJobDeps) =>
  async (caller: Caller, jobId: string): Promise<Job> => {
    const job = await loadJob(jobs, caller, jobId);
    if (!REVERTIBLE.includes(job.kind))
      throw new ConflictError(
        'job_not_revertible',
        `A ${job.kind} job changes no memberships or enrollments a revert could undo`,
      );
    if (!FINAL_STATUSES.includes(job.status))
      throw new ConflictError('job_not_finished', `Job ${jobId} is ${job.status}; only an ended job can be reverted`);
    if (job.reverted_by)
      throw new ConflictError('job_already_reverted', `Job ${jobId} was reverted already by job ${job.reverted_by}`);
    const from = shift(job.created, -BEFORE_MS);
    const to = shift(job.finished ?? clock.now(), AFTER_MS);
    const spec = {
      tenant: job.enterprise_customer_uuid,
      kind: 'revert' as const,
      source: { type: 'api' as const, route: 'revert', caller: caller.sub },
      sourceKey: `api:revert:${jobId}`,
      createdBy: caller.sub,
      reverts: jobId,
    };
    if (changesEnrollments(job)) {
      if (!enrollments)
        throw new ConflictError('job_not_revertible', `A ${job.kind} job's enrollments cannot be reverted here`);
      const courses = await enrollments.coursesOf(job);
      const rows = await enrollmentRows(enrollments.audit, job, courses, from, to);
      return startJob({ ...spec, target: { courses: JSON.stringify(courses) } }, rows);
    }
    const groups = await groupsOf(job);
    const entries: HistoryEntry[] = [];
    for (const group of groups) for await (const e of history.entriesOfJob(group, jobId, from, to)) entries.push(e);
    const rows: JobRow[] = netMemberChanges(entries).map((change, index) => ({ index, input: { ...change } }));
    const target: Record<string, string> =
      groups.length === 1 ? { group_uuid: groups[0]! } : { group_uuids: JSON.stringify(groups) };
    return startJob({ ...spec, target }, rows);
  };

/** A revert's rows for an enrollment job: one per enrollment its operations wrote in its courses. */
async function enrollmentRows(
  audit: Pick<EnrollmentRepository, 'auditOfJob'>,
  job: Job,
  courses: string[],
  fromIso: string,
  toIso: string,
): Promise<JobRow[]> {
  const entries: EnrollmentAudit[] = [];
  const tenant = job.enterprise_customer_uuid;
  for (const courseId of courses)
    for await (const e of audit.auditOfJob({ tenant, courseId, jobId: job.job_id, fromIso, toIso })) entries.push(e);
  return netEnrollmentChanges(entries).map((undo, index) => ({ index, input: { ...undo } }));
}
