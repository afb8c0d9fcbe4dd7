import { stringify } from 'csv-stringify/sync';
import { RESULTS_PREFIX_PATH } from './csv-kinds';
import type { Job, RowResult } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { neutralizeCell } from './neutralize-cell';

export interface WriteResultsDeps {
  jobs: Pick<JobRepository, 'getChunk' | 'resultChunks' | 'setResultsKey'>;
  objects: { put(bucket: string, key: string, body: string, contentType: string): Promise<void> };
}

/**
 * Writes an import's results next to its input: `results/{enterprise}/{kind}/{same file name}`, the
 * input row (as read), its line number, outcome, code and message; cells are formula-neutralised.
 */
export const makeWriteImportResults =
  ({ jobs, objects }: WriteResultsDeps) =>
  async (job: Job): Promise<void> => {
    if (job.source.type !== 's3' || !job.target.kind || !job.target.file) return;
    const lines: string[][] = [];
    const header = job.columns ?? [];
    for await (const { chunk, rows } of jobs.resultChunks(job.job_id)) {
      const inputs = new Map((await jobs.getChunk(job.job_id, chunk))?.map((r) => [r.index, r.input]) ?? []);
      for (const result of rows as RowResult[]) {
        const input = inputs.get(result.index) ?? {};
        lines.push([
          ...header.map((c) => neutralizeCell(input[c])),
          String(result.index),
          result.outcome,
          result.code ?? '',
          neutralizeCell(result.message),
        ]);
      }
    }
    await store({ jobs, objects }, job, [[...header, ...RESULT_COLUMNS], ...lines]);
  };

/**
 * Writes the results file of an import refused before any row was read (an upload without a grant):
 * the same place and last columns as any results file, one line with the code and the reason.
 */
export const makeWriteRefusedImportResults =
  (deps: Pick<WriteResultsDeps, 'objects'> & { jobs: Pick<WriteResultsDeps['jobs'], 'setResultsKey'> }) =>
  async (job: Job, code: string, reason: string): Promise<void> => {
    await store(deps, job, [RESULT_COLUMNS, ['', 'failed', code, neutralizeCell(reason)]]);
  };

const RESULT_COLUMNS = ['line', 'outcome', 'code', 'message'];

async function store(
  { jobs, objects }: Pick<WriteResultsDeps, 'objects'> & { jobs: Pick<WriteResultsDeps['jobs'], 'setResultsKey'> },
  job: Job,
  lines: string[][],
) {
  if (job.source.type !== 's3') return;
  const key = `${RESULTS_PREFIX_PATH}${job.enterprise_customer_uuid}/${job.target.kind}/${job.target.file}`;
  await objects.put(job.source.bucket, key, stringify(lines), 'text/csv; charset=utf-8');
  await jobs.setResultsKey(job.job_id, key);
}
