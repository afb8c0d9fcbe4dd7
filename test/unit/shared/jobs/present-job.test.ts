import { describe, expect, it } from 'vitest';
import type { Job } from '#shared/jobs/job';
import { presentJob } from '#shared/jobs/present-job';
import { newJob } from '#shared/jobs/start-job';
import { TENANT } from '#test/unit/shared/fakes';

const JOB_ID = '00000000-0000-4000-8000-000000000001';
const links = { resultsUrl: 'http://api/jobs/results/', resultsFileUrl: 'http://s3/signed' };

describe('presentJob', () => {
  it('shows an export’s file, in the bucket it was written to, with its download link', () => {
    const job: Job = {
      ...newJob(
        {
          tenant: TENANT,
          kind: 'export_members',
          target: { group_uuid: 'g', results_bucket: 'files' },
          source: { type: 'api', route: 'export_members', caller: 'admin' },
          sourceKey: 'api:export_members:g',
          createdBy: 'admin',
        },
        JOB_ID,
        '2026-01-01T00:00:00.000Z',
      ),
      status: 'succeeded',
      results_key: `exports/${TENANT}/g/${JOB_ID}.csv`,
    };
    expect(presentJob(job, links).results_file).toEqual({
      bucket: 'files',
      key: `exports/${TENANT}/g/${JOB_ID}.csv`,
      download_url: 'http://s3/signed',
    });
  });

  it('shows no file for a job that wrote none', () => {
    const job = newJob(
      {
        tenant: TENANT,
        kind: 'upsert_learners',
        source: { type: 'api', route: 'learners_bulk', caller: 'a' },
        sourceKey: 'api:learners_bulk',
        createdBy: 'a',
      },
      JOB_ID,
      '2026-01-01T00:00:00.000Z',
    );
    expect(presentJob(job, links).results_file).toBeNull();
  });
});
