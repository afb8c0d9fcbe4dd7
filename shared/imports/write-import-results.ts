import { RESULTS_PREFIX_PATH } from './csv-kinds';
import { csvRecords } from './csv-records';
import { type Job, settledOutcome } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { neutralizeCell } from './neutralize-cell';
import { type MultipartUpload, writeInParts } from './write-in-parts';

export interface WriteResultsDeps {
  jobs: Pick<JobRepository, 'getChunk' | 'resultChunks' | 'setResultsKey'>;
  objects: {
    put(bucket: string, key: string, body: Buffer, contentType: string): Promise<void>;
    startUpload(bucket: string, key: string, contentType: string): Promise<MultipartUpload>;
  };
  /**
   * Bytes per part (default 8 MiB: 10,000 parts, S3's most, would hold 80 GiB); at least
   * MIN_PART_BYTES for S3, which refuses smaller parts but the last.
   */
  partBytes?: number;
}

/**
 * Writes an import's results next to its input: `results/{enterprise}/{kind}/{same file name}`, the
 * input row (as read), its line number, outcome, code and message; cells are formula-neutralised.
 * Streamed: one chunk's results (and its input rows) at a time, read page by page from the table,
 * into an upload of 8 MiB parts, so memory stays bounded whatever the file's size (a million rows).
 * Idempotent: a rewrite replaces the object whole.
 */
export const makeWriteImportResults =
  ({ jobs, objects, partBytes = 8 * 1024 * 1024 }: WriteResultsDeps) =>
  async (job: Job): Promise<void> => {
    if (job.source.type !== 's3' || !job.target.kind || !job.target.file) return;
    const { bucket } = job.source;
    const key = resultsKeyOf(job);
    const target = {
      put: (body: Buffer) => objects.put(bucket, key, body, CSV),
      start: () => objects.startUpload(bucket, key, CSV),
    };
    await writeInParts(target, resultLines(jobs, job), partBytes);
    await jobs.setResultsKey(job.job_id, key);
  };

/**
 * Writes the results file of an import refused before any row was read (an upload without a grant):
 * the same place and last columns as any results file, one line with the code and the reason.
 */
export const makeWriteRefusedImportResults =
  ({ jobs, objects }: Pick<WriteResultsDeps, 'objects'> & { jobs: Pick<WriteResultsDeps['jobs'], 'setResultsKey'> }) =>
  async (job: Job, code: string, reason: string): Promise<void> => {
    if (job.source.type !== 's3') return;
    const key = resultsKeyOf(job);
    const body = csvRecords([RESULT_COLUMNS, ['', 'failed', code, neutralizeCell(reason)]]);
    await objects.put(job.source.bucket, key, Buffer.from(body), CSV);
    await jobs.setResultsKey(job.job_id, key);
  };

const CSV = 'text/csv; charset=utf-8';
const RESULT_COLUMNS = ['line', 'outcome', 'code', 'message'];
const resultsKeyOf = (job: Job) =>
  `${RESULTS_PREFIX_PATH}${job.enterprise_customer_uuid}/${job.target.kind}/${job.target.file}`;

/** The results file's CSV text: its header, then one piece per chunk of results, read as it is asked for. */
async function* resultLines(jobs: WriteResultsDeps['jobs'], job: Job): AsyncGenerator<string> {
  const header = job.columns ?? [];
  yield csvRecords([[...header, ...RESULT_COLUMNS]]);
  for await (const { chunk, rows } of jobs.resultChunks(job.job_id)) {
    const inputs = new Map((await jobs.getChunk(job.job_id, chunk))?.map((r) => [r.index, r.input]) ?? []);
    yield csvRecords(
      rows.map((result) => {
        const input = inputs.get(result.index) ?? {};
        return [
          ...header.map((c) => neutralizeCell(input[c])),
          String(result.index),
          settledOutcome(job, result.outcome),
          settledOutcome(job, result.code ?? ''),
          neutralizeCell(result.message),
        ];
      }),
    );
  }
}
