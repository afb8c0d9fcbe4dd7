import type { makeRenderMembersCsv } from '#shared/groups/export-group-members';
import type { RowApplier } from './apply-job-chunk';
import type { JobRepository } from './job-repository';

/**
 * The one chunk of an export job: renders the group's members as CSV, writes it to the bucket under
 * `exports/{enterprise}/{group}/{job}.csv` and points the job at it (a presigned link on GET). A replay
 * writes the same file again.
 */
export const makeApplyExportRows =
  (
    render: ReturnType<typeof makeRenderMembersCsv>,
    objects: { put(bucket: string, key: string, body: string, contentType: string): Promise<void> },
    jobs: Pick<JobRepository, 'setResultsKey'>,
  ): RowApplier =>
  async (job, rows) => {
    const { group_uuid: groupUuid, results_bucket: bucket } = job.target;
    const options = JSON.parse(job.target.options ?? '{}');
    const { csv, count } = await render(job.enterprise_customer_uuid, groupUuid!, options);
    const key = `exports/${job.enterprise_customer_uuid}/${groupUuid}/${job.job_id}.csv`;
    await objects.put(bucket!, key, csv, 'text/csv; charset=utf-8');
    await jobs.setResultsKey(job.job_id, key);
    return rows.map((r) => ({
      index: r.index,
      identifier: groupUuid!,
      outcome: 'exported',
      code: 'exported',
      message: `${count} members`,
    }));
  };
