import type { Job } from '#shared/jobs/job';
import type { BatchRepository } from './batch-repository';
import { settingsOfTarget } from './enrollment-jobs';

/**
 * The courses whose enrollments a job may have written: a bulk_enroll's courses, a participants
 * job's batch's course, the courses a revert of an enrollment job names. A batch gone names none.
 */
export const makeCoursesOfJob =
  (batches: Pick<BatchRepository, 'get'>) =>
  async (job: Job): Promise<string[]> => {
    if (job.kind === 'bulk_enroll') return settingsOfTarget(job.target).courses.map((c) => c.course_id);
    if (job.kind === 'batch_participants') {
      const batch = job.target.batch_id ? await batches.get(job.target.batch_id) : undefined;
      return batch ? [batch.course_id] : [];
    }
    return job.target.courses ? (JSON.parse(job.target.courses) as string[]) : [];
  };
