import { describe, expect, it } from 'vitest';
import { importJobId } from '#shared/imports/start-csv-import';
import { jobsOfDeadLetter, makeEndDeadLetteredJob } from '#shared/jobs/end-dead-lettered-job';
import type { Job, JobPlan, JobStatus } from '#shared/jobs/job';
import { newJob } from '#shared/jobs/start-job';
import { fixedClock, TENANT } from '#test/unit/shared/fakes';

const JOB_ID = '00000000-0000-4000-8000-000000000001';

function ending(status: JobStatus, { processed = 0, plan }: { processed?: number; plan?: JobPlan } = {}) {
  const job: Job = {
    ...newJob(
      {
        tenant: TENANT,
        kind: 'recalculate_group',
        source: { type: 'schedule', tick: 't' },
        sourceKey: 's',
        createdBy: 's',
      },
      JOB_ID,
      '2026-01-01T00:00:00.000Z',
    ),
    status,
    processed,
  };
  const end = makeEndDeadLetteredJob({
    jobs: {
      get: async (id) => (id === JOB_ID ? job : undefined),
      getPlan: async () => plan,
      end: async (_, ended, reason, at, { total } = {}) => {
        if (['succeeded', 'completed_with_errors', 'failed', 'aborted'].includes(job.status)) return false;
        Object.assign(job, { status: ended, error: reason, finished: at, ...(total !== undefined && { total }) });
        return true;
      },
    },
    clock: fixedClock(),
  });
  return { job, end };
}

describe('ending the job of a dead-lettered message', () => {
  it('fails a queued job with a dead_lettered reason, its total the rows its plan had queued', async () => {
    const { job, end } = ending('queued', { processed: 500, plan: { next_chunk: 2, total: 900, done: false } });
    expect(await end(JOB_ID, 'planning')).toBe('ended');
    expect(job).toMatchObject({ status: 'failed', total: 900, processed: 500 });
    expect(job.error).toMatch(/^dead_lettered: .*rows already applied \(500\) stay applied/);
  });

  it('fails a queued import with total 0 whatever chunks its start stored: it queued none of them', async () => {
    const { job, end } = ending('queued', { plan: { next_chunk: 2, total: 1000, done: false } });
    expect(await end(JOB_ID, 'import')).toBe('ended');
    expect(job).toMatchObject({ status: 'failed', total: 0, processed: 0 });
  });

  it.each(['running', 'succeeded', 'failed', 'aborted'] as const)('leaves a %s job as it is', async (status) => {
    const { job, end } = ending(status);
    expect(await end(JOB_ID, 'import')).toBe('not_queued');
    expect(job).toMatchObject({ status, error: null });
  });

  it('finds no job that does not exist', async () => {
    expect(await ending('queued').end('00000000-0000-4000-8000-000000000009', 'import')).toBe('not_found');
  });
});

describe('the jobs of a dead letter', () => {
  const object = { bucket: 'b', key: `imports/${TENANT}/learners/a.csv`, etag: 'e', size: 3 };

  it('derives the import job of each imported object of an S3 event, of either shape', () => {
    const bridge = { 'detail-type': 'Object Created', detail: { bucket: { name: 'b' }, object } };
    const notification = {
      Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b' }, object: { ...object, eTag: 'e' } } }],
    };
    const expected = [{ jobId: importJobId(object), producer: 'import' }];
    expect(jobsOfDeadLetter(JSON.stringify(bridge))).toEqual(expected);
    expect(jobsOfDeadLetter(JSON.stringify(notification))).toEqual(expected);
    const other = { ...bridge, detail: { ...bridge.detail, object: { ...object, key: 'results/a.csv' } } };
    expect(jobsOfDeadLetter(JSON.stringify(other))).toEqual([]);
  });

  it('reads the job of a planning message, the job and chunk of a chunk message, and none from a message of no known shape', () => {
    expect(jobsOfDeadLetter(JSON.stringify({ job_id: JOB_ID }))).toEqual([{ jobId: JOB_ID, producer: 'planning' }]);
    expect(jobsOfDeadLetter(JSON.stringify({ job_id: JOB_ID, chunk: 3 }))).toEqual([
      { jobId: JOB_ID, producer: 'chunk', chunk: 3 },
    ]);
    expect(jobsOfDeadLetter('not json')).toEqual([]);
    expect(jobsOfDeadLetter(JSON.stringify({ job_id: 'nope' }))).toEqual([]);
  });
});
