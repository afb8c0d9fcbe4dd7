import type { Caller } from '#shared/auth/caller';
import type { Clock, IdGenerator } from '#shared/clock';
import type { Group } from '#shared/groups/group';
import type { GroupRepository } from '#shared/groups/group-repository';
import { autoEnrollCourses } from '#shared/groups/learning-modules';
import type { RowApplier } from '#shared/jobs/apply-job-chunk';
import type { Job, JobRow, RowResult } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { type PlanListedJobDeps, planListedJob } from '#shared/jobs/plan-listed-job';
import { newJob } from '#shared/jobs/start-job';
import { moduleEnrollment } from './enroll-group-members';
import { bulkEnrollTarget, settingsOfTarget } from './enrollment-jobs';
import type { MembershipRepository } from '#shared/memberships/membership-repository';

export const LEARNING_MODULES_ROUTE = 'learning_modules';

export interface StartModuleEnrollmentDeps {
  jobs: Pick<JobRepository, 'create' | 'end'>;
  /** Queues the job's planning: a worker lists the group's members into chunks. */
  enqueuePlan: (jobId: string) => Promise<void>;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Starts enrolling the present members of a group in courses that just became its auto-enroll
 * learning modules: records an `enroll_learning_modules` job (`queued`) and queues its planning, so the
 * request that attached the modules reads no member, whatever the group's size. The job's rows are
 * the members (learner uuids, e-mails of pending members); each is applied as a bulk_enroll of those
 * courses with auto_enroll. If the planning cannot be queued the job ends `failed` and the error goes on.
 */
export const makeStartModuleEnrollment =
  ({ jobs, enqueuePlan, clock, ids }: StartModuleEnrollmentDeps) =>
  async (caller: Pick<Caller, 'sub'>, group: Group, courses: string[]): Promise<Job> => {
    const job = newJob(
      {
        tenant: group.enterprise_customer_uuid,
        kind: 'enroll_learning_modules',
        target: { group_uuid: group.group_uuid, ...bulkEnrollTarget(moduleEnrollment(courses)) },
        source: { type: 'api', route: LEARNING_MODULES_ROUTE, caller: caller.sub },
        sourceKey: `api:${LEARNING_MODULES_ROUTE}`,
        createdBy: caller.sub,
      },
      ids.uuid(),
      clock.now(),
    );
    await jobs.create(job);
    try {
      await enqueuePlan(job.job_id);
    } catch (error) {
      await jobs.end(job.job_id, 'failed', 'the enrollment of the members could not be queued', clock.now());
      throw error;
    }
    return job;
  };

export interface PlanModuleEnrollmentDeps extends PlanListedJobDeps {
  jobs: PlanListedJobDeps['jobs'] & Pick<JobRepository, 'get' | 'end'>;
  memberships: Pick<MembershipRepository, 'list'>;
}

/**
 * The producer of an `enroll_learning_modules` job, in a worker: lists the group's members (active
 * learners and pending e-mails) into chunks, resumably (see planListedJob). A member added after its
 * page was listed is enrolled by its own assign, which reads the modules after committing.
 */
export const makePlanModuleEnrollment =
  (deps: PlanModuleEnrollmentDeps) =>
  async (job: Job, { lastAttempt }: { lastAttempt: boolean }): Promise<'planned' | 'stopped'> => {
    const groupUuid = String(job.target.group_uuid);
    try {
      return await planListedJob(deps, job.job_id, async (after, limit) => {
        const page = await deps.memberships.list({
          groupUuid,
          statuses: ['active', 'pending'],
          pageSize: limit,
          cursor: after,
        });
        return {
          inputs: page.items.map((m) => ({ identifier: m.learner_uuid ?? m.pending_learner_email })),
          next: page.next ?? undefined,
        };
      });
    } catch (error) {
      if (lastAttempt)
        await deps.jobs.end(job.job_id, 'failed', 'the members of the group could not be listed', deps.clock.now());
      throw error;
    }
  };

/**
 * Applies a chunk of an `enroll_learning_modules` job with the bulk_enroll chunk applier, for the
 * courses that are still auto-enroll modules of the group: a module detached (or a group deleted)
 * after the job started enrolls nobody more (`unchanged` rows, or `group_not_found`).
 */
export const makeApplyModuleEnrollmentRows =
  (groups: Pick<GroupRepository, 'get'>, applyBulkRows: RowApplier): RowApplier =>
  async (job, rows, opId) => {
    const group = await groups.get(String(job.target.group_uuid));
    if (!group)
      return everyRow(rows, 'failed', 'group_not_found', 'the group was deleted before these members were enrolled');
    const current = new Set(autoEnrollCourses(group));
    const settings = settingsOfTarget(job.target);
    const courses = settings.courses.filter((c) => current.has(c.course_id));
    if (courses.length === 0)
      return everyRow(
        rows,
        'unchanged',
        'unchanged',
        'the learning modules were detached before these members were enrolled',
      );
    return applyBulkRows(
      { ...job, target: { ...job.target, ...bulkEnrollTarget({ ...settings, courses }) } },
      rows,
      opId,
    );
  };

const everyRow = (rows: JobRow[], outcome: string, code: string, message: string): RowResult[] =>
  rows.map((r) => ({ index: r.index, identifier: String(r.input.identifier ?? ''), outcome, code, message }));
