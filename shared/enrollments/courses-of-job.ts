import type { Job } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import type { BatchRepository } from './batch-repository';
import { courseId as courseIdSchema } from './course-id';
import { settingsOfTarget } from './enrollment-jobs';

export interface CoursesOfJobDeps {
  batches: Pick<BatchRepository, 'get'>;
  jobs: Pick<JobRepository, 'getChunk'>;
}

/**
 * The courses whose enrollments a job may have written: a bulk_enroll's courses, a participants
 * job's batch's course, the courses an enrollments CSV names, the courses of the batches (of the
 * job's tenant) a batch-participants CSV names, the courses a revert of an enrollment job names. A
 * batch gone names none.
 */
export const makeCoursesOfJob =
  ({ batches, jobs }: CoursesOfJobDeps) =>
  async (job: Job): Promise<string[]> => {
    switch (job.kind) {
      case 'bulk_enroll':
        return settingsOfTarget(job.target).courses.map((c) => c.course_id);
      case 'batch_participants':
        return coursesOfBatches(batches, job, job.target.batch_id ? [job.target.batch_id] : []);
      case 'import_enrollments':
        return (await cellsOf(jobs, job, 'course_id')).filter((c) => courseIdSchema.safeParse(c).success);
      case 'import_batch_participants':
        return coursesOfBatches(batches, job, await cellsOf(jobs, job, 'batch_id'));
      default:
        return job.target.courses ? (JSON.parse(job.target.courses) as string[]) : [];
    }
  };

/** The distinct non-empty values of one column of a job's stored rows. */
async function cellsOf(jobs: Pick<JobRepository, 'getChunk'>, job: Job, column: string): Promise<string[]> {
  const cells = new Set<string>();
  for (let chunk = 0; chunk < (job.chunks_total ?? 0); chunk++)
    for (const row of (await jobs.getChunk(job.job_id, chunk)) ?? []) {
      const cell = String(row.input[column] ?? '').trim();
      if (cell) cells.add(column === 'batch_id' ? cell.toLowerCase() : cell);
    }
  return [...cells];
}

async function coursesOfBatches(batches: Pick<BatchRepository, 'get'>, job: Job, batchIds: string[]) {
  const courses = new Set<string>();
  for (const id of batchIds) {
    const batch = await batches.get(id);
    if (batch?.enterprise_customer_uuid === job.enterprise_customer_uuid) courses.add(batch.course_id);
  }
  return [...courses];
}
