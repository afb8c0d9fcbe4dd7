import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Clock } from '#shared/clock';
import { FINAL_STATUSES, type JobRow } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { type EnqueueChunks, CHUNK_SIZE, newJob } from '#shared/jobs/start-job';
import { stableUuid } from '#shared/jobs/stable-id';
import { CSV_KINDS, headerProblems, parseImportKey } from './csv-kinds';
import { csvText, UnreadableFileError } from './csv-text';

export interface ImportedObject {
  bucket: string;
  key: string;
  etag: string;
  size: number;
}

export interface StartImportDeps {
  jobs: Pick<JobRepository, 'create' | 'get' | 'resultOf' | 'putChunks' | 'markRunning' | 'end' | 'setColumns'>;
  enqueue: EnqueueChunks;
  /** Ends the job if every chunk is recorded (an empty file), with its results file. */
  finish: (jobId: string) => Promise<void>;
  objects: { stream(bucket: string, key: string): Promise<Readable> };
  clock: Clock;
  maxBytes: number;
}

export type ImportStart = 'started' | 'duplicate' | 'not_an_import' | 'failed';

/**
 * Starts the job of a CSV dropped under `imports/{enterprise}/{kind}/`. The job id derives from the
 * object (bucket, key, ETag), so the same S3 event delivered twice finds the job: a job still
 * `queued` is one whose first start stopped part way through the file, and is started again (the
 * same rows make the same chunks); a running one gets its unrecorded chunks queued again (they apply
 * once); an ended one is left alone. The whole file is read (as a stream: BOM, quotes, CRLF, blank
 * lines) before any chunk is queued, so a file without a usable header or rows, too large, not
 * UTF-8, or not CSV fails its job with the reason and changes nothing; a ragged line fails alone.
 */
export const makeStartCsvImport =
  ({ jobs, enqueue, finish, objects, clock, maxBytes }: StartImportDeps) =>
  async (object: ImportedObject): Promise<ImportStart> => {
    const parts = parseImportKey(object.key);
    if (!parts) return 'not_an_import';
    const jobId = stableUuid(`${object.bucket}/${object.key}#${object.etag}`);
    const spec = CSV_KINDS[parts.kind];
    const job = newJob(
      {
        tenant: parts.tenant,
        kind: spec?.job ?? 'import_learners',
        target: { kind: parts.kind, file: parts.file },
        source: { type: 's3', bucket: object.bucket, key: object.key, etag: object.etag },
        sourceKey: object.key,
        createdBy: `s3:${object.bucket}`,
      },
      jobId,
      clock.now(),
    );
    if (!(await jobs.create(job))) {
      const existing = await jobs.get(jobId);
      if (!existing || FINAL_STATUSES.includes(existing.status)) return 'duplicate';
      if (existing.status === 'running') {
        await requeueUnrecorded(existing.chunks_total ?? 0);
        await finish(jobId);
        return 'duplicate';
      }
    }
    const fail = async (reason: string) => {
      await jobs.end(jobId, 'failed', reason, clock.now());
      return 'failed' as const;
    };
    if (!spec) return fail(headerProblems(parts.kind, [])[0]!);
    if (object.size > maxBytes) return fail(`the file is ${object.size} bytes; at most ${maxBytes} are accepted`);

    const source = await objects.stream(object.bucket, object.key);
    const parser = parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: false,
      info: true,
    });
    // pipeline, not pipe: a read error or a refused byte ends the parser's iteration with that error.
    pipeline(source, csvText(maxBytes), parser, () => {});
    let header: string[] | undefined;
    let rows: JobRow[] = [];
    let chunks = 0;
    let total = 0;
    const flush = async () => {
      if (rows.length === 0) return;
      await jobs.putChunks(jobId, chunks, [rows]);
      chunks++;
      rows = [];
    };
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!header) {
          header = record.map((c) => c.trim().toLowerCase());
          const problems = headerProblems(parts.kind, header);
          if (problems.length) return fail(`line ${info.lines}: the header cannot be used: ${problems.join('; ')}`);
          await jobs.setColumns(jobId, header);
          continue;
        }
        total++;
        const input = Object.fromEntries(header.map((column, i) => [column, (record[i] ?? '').trim()]));
        const row: JobRow = { index: info.lines, input };
        if (record.length !== header.length) {
          row.rejected = {
            outcome: 'invalid_row',
            message: `line ${info.lines} has ${record.length} fields; the header has ${header.length}`,
          };
        }
        if (spec.job === 'import_learners') row.derived_id = stableUuid(`${jobId}#${info.lines}`);
        rows.push(row);
        if (rows.length === CHUNK_SIZE) await flush();
      }
      await flush();
    } catch (error) {
      // The file's fault fails the job; anything else (the table, the bucket) is retried with the event.
      if (!(error instanceof CsvError || error instanceof UnreadableFileError)) throw error;
      return fail(`the file cannot be read as CSV: ${error.message}`);
    } finally {
      source.destroy();
    }
    if (!header) return fail('the file is empty: a header row is required');
    if (total === 0) return fail('the file has a header and no rows: there is nothing to import');
    // Running with its size before any chunk is queued, so the last worker can end it.
    await jobs.markRunning(jobId, total, chunks, clock.now());
    await enqueue(
      jobId,
      Array.from({ length: chunks }, (_, i) => i),
    );
    await finish(jobId);
    return 'started';

    async function requeueUnrecorded(count: number) {
      const unrecorded: number[] = [];
      for (let chunk = 0; chunk < count; chunk++) if (!(await jobs.resultOf(jobId, chunk))) unrecorded.push(chunk);
      if (unrecorded.length > 0) await enqueue(jobId, unrecorded);
    }
  };
