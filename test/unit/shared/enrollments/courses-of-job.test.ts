import { describe, expect, it } from 'vitest';
import { makeCoursesOfJob } from '#shared/enrollments/courses-of-job';
import { bulkEnrollTarget } from '#shared/enrollments/enrollment-jobs';
import type { Job, JobKind, JobRow } from '#shared/jobs/job';
import { newJob } from '#shared/jobs/start-job';
import { OTHER_TENANT, TENANT } from '../fakes';
import { aBatch } from './fake-enrollments';

const foreignBatch = {
  ...aBatch,
  batch_id: 'bbbbbbbb-0000-4000-8000-000000000009',
  enterprise_customer_uuid: OTHER_TENANT,
};

const jobOf = (kind: JobKind, target: Record<string, string> = {}, chunks = 1): Job => ({
  ...newJob(
    { tenant: TENANT, kind, target, source: { type: 'api', route: 'x', caller: 'c' }, sourceKey: 'x', createdBy: 'c' },
    'j-1',
    'x',
  ),
  chunks_total: chunks,
});

function coursesOf(rows: Record<string, string>[] = []) {
  const chunk: JobRow[] = rows.map((input, index) => ({ index, input }));
  return makeCoursesOfJob({
    batches: { get: async (id) => [aBatch, foreignBatch].find((b) => b.batch_id === id) },
    jobs: { getChunk: async (_jobId, n) => (n === 0 ? chunk : undefined) },
  });
}

describe('makeCoursesOfJob', () => {
  it("names a bulk_enroll's courses and a participants job's batch's course", async () => {
    const settings = { action: 'enroll' as const, autoEnroll: false, emailStudents: false, withCohorts: false };
    const bulk = jobOf('bulk_enroll', bulkEnrollTarget({ ...settings, courses: [{ course_id: 'c-1', cohort: null }] }));
    expect(await coursesOf()(bulk)).toEqual(['c-1']);
    expect(await coursesOf()(jobOf('batch_participants', { batch_id: aBatch.batch_id }))).toEqual([aBatch.course_id]);
  });

  it('reads the courses an enrollments CSV names, once each, skipping cells that are no course id', async () => {
    const rows = [{ course_id: 'course-v1:A+B+C' }, { course_id: 'course-v1:A+B+C' }, { course_id: 'bad/course' }];
    expect(await coursesOf(rows)(jobOf('import_enrollments'))).toEqual(['course-v1:A+B+C']);
  });

  it("reads the courses of the tenant's batches a batch-participants CSV names", async () => {
    const rows = [{ batch_id: aBatch.batch_id.toUpperCase() }, { batch_id: foreignBatch.batch_id }, { batch_id: '' }];
    expect(await coursesOf(rows)(jobOf('import_batch_participants'))).toEqual([aBatch.course_id]);
  });
});
