import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Clock } from '#shared/clock';
import { FINAL_STATUSES, type Job, type JobRow } from '#shared/jobs/job';
import type { JobRepository } from '#shared/jobs/job-repository';
import { RefusedInputError } from '#shared/errors';
import { makeChunker } from '#shared/jobs/chunk-rows';
import { type EnqueueChunks, newJob } from '#shared/jobs/start-job';
import { stableUuid } from '#shared/jobs/stable-id';
import {
  CSV_KINDS,
  type CsvKind,
  headerProblems,
  MAX_IMPORT_ROWS,
  MAX_RECORD_CHARS,
  parseImportKey,
} from './csv-kinds';
import { csvText, UnreadableFileError } from './csv-text';
import type { ImportedObject } from './import-events';
import { ObjectReplacedError } from './object-replaced-error';
import { UNAUTHORIZED_UPLOAD, type UploadVerdict } from './verify-upload';

export interface StartImportDeps {
  jobs: Pick<
    JobRepository,
    'create' | 'get' | 'getPlan' | 'savePlan' | 'resultOf' | 'putChunks' | 'markRunning' | 'end' | 'setColumns'
  >;
  enqueue: EnqueueChunks;
  /** Ends the job if every chunk is recorded (an empty file), with its results file. */
  finish: (jobId: string) => Promise<void>;
  objects: { stream(bucket: string, key: string, etag?: string): Promise<Readable> };
  /** Whether the object came through an upload grant of ours, and whose (see verify-upload.ts). */
  verify: (object: ImportedObject) => Promise<UploadVerdict>;
  /** Writes the results file of a job refused before any row was read: one line with the code and reason. */
  writeRefusal: (job: Job, code: string, reason: string) => Promise<void>;
  clock: Clock;
  maxBytes: number;
  /** Rows a file may hold (default MAX_IMPORT_ROWS). */
  maxRows?: number;
}

/** The id of the job importing an object: the same for every event of the same object (bucket, key, ETag). */
export const importJobId = (object: Pick<ImportedObject, 'bucket' | 'key' | 'etag'>) =>
  stableUuid(`${object.bucket}/${object.key}#${object.etag}`);

export type ImportStart = 'started' | 'duplicate' | 'not_an_import' | 'failed';

/** The outcome of a start that found another attempt ahead of it, or its job ended meanwhile. */
class OvertakenError extends Error {}

/**
 * Starts the job of a CSV dropped under `imports/{enterprise}/{kind}/`. A drop is trusted only through
 * the upload grant its metadata names (verify): without one it still gets a job, ended `failed` with
 * `unauthorized_upload` and the reason, and a results file saying so, and nothing of it is read; with
 * one, the job acts as the grant's uploader (`created_by`). The job id derives from the
 * object (bucket, key, ETag), so the same S3 event delivered twice finds the job: a job still
 * `queued` is one whose first start stopped part way through the file, and is started again (the
 * same rows make the same chunks, and the chunks its plan records as stored are not written again:
 * a retry re-reads and re-parses the file, and writes only what is missing); a running one gets its
 * unrecorded chunks queued again (they apply once); an ended one is left alone. The whole file is
 * read (as a stream: BOM, quotes, CRLF, blank lines) before any chunk is queued, so a file without a
 * usable header or rows, too large (bytes or MAX_IMPORT_ROWS rows), not UTF-8, or not CSV, or with
 * a record over MAX_RECORD_CHARS fails its job with the reason and changes nothing; a ragged line,
 * or a cell over its column's cap, fails alone. Chunks are bounded by rows and bytes, and a chunk
 * the table refuses as it is fails the job: nothing of the file's own making is retried.
 */
export const makeStartCsvImport =
  ({
    jobs,
    enqueue,
    finish,
    objects,
    verify,
    writeRefusal,
    clock,
    maxBytes,
    maxRows = MAX_IMPORT_ROWS,
  }: StartImportDeps) =>
  async (object: ImportedObject): Promise<ImportStart> => {
    const parts = parseImportKey(object.key);
    if (!parts) return 'not_an_import';
    const jobId = importJobId(object);
    const seen = await jobs.get(jobId);
    if (seen && FINAL_STATUSES.includes(seen.status)) return 'duplicate';
    const verdict = await verify(object);
    const spec = CSV_KINDS[parts.kind];
    const job = newJob(
      {
        tenant: parts.tenant,
        kind: spec?.job ?? 'import_learners',
        target: { kind: parts.kind, file: parts.file },
        source: { type: 's3', bucket: object.bucket, key: object.key, etag: object.etag },
        sourceKey: object.key,
        createdBy: verdict.granted ? verdict.grant.uploader_sub : `s3:${object.bucket}`,
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
    if (!verdict.granted) {
      const reason = `${UNAUTHORIZED_UPLOAD}: ${verdict.reason}`;
      await writeRefusal(job, UNAUTHORIZED_UPLOAD, reason);
      return fail(reason);
    }
    if (!spec) return fail(headerProblems(parts.kind, [])[0]!);
    if (object.size > maxBytes) return fail(`the file is ${object.size} bytes; at most ${maxBytes} are accepted`);

    // The bytes of the version the event announced and the grant vouched for, not a later upload's.
    const source = await objects.stream(object.bucket, object.key, object.etag).catch((error: unknown) => {
      if (error instanceof ObjectReplacedError) return undefined;
      throw error;
    });
    if (!source) return fail('the file was replaced after its upload event: upload it again with a new grant');
    const parser = parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: false,
      max_record_size: MAX_RECORD_CHARS,
      info: true,
    });
    // pipeline, not pipe: a read error or a refused byte ends the parser's iteration with that error.
    pipeline(source, csvText(maxBytes), parser, () => {});
    let header: string[] | undefined;
    const chunker = makeChunker();
    let chunks = 0;
    let total = 0;
    let storedRows = 0;
    // Chunks an earlier attempt stored: the same rows make the same chunks, so they are skipped, not rewritten.
    const stored = (await jobs.getPlan(jobId))?.next_chunk ?? 0;
    const store = async (rows: JobRow[] | undefined) => {
      if (!rows) return;
      storedRows += rows.length;
      if (chunks >= stored) {
        await jobs.putChunks(jobId, chunks, [rows]);
        const saved = await jobs.savePlan(jobId, chunks, { next_chunk: chunks + 1, total: storedRows, done: false });
        if (!saved) throw new OvertakenError();
      }
      chunks++;
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
        if (++total > maxRows)
          return fail(`the file has more than ${maxRows} rows; at most ${maxRows} are accepted (MAX_IMPORT_ROWS)`);
        const row = rowOf(spec, header, record, info.lines);
        if (spec.job === 'import_learners') row.derived_id = stableUuid(`${jobId}#${info.lines}`);
        await store(chunker.add(row));
      }
      await store(chunker.rest());
    } catch (error) {
      if (error instanceof OvertakenError) return 'duplicate';
      // The file's fault fails the job; anything else (the table, the bucket) is retried with the event.
      if (error instanceof RefusedInputError) return fail(`the file's rows cannot be stored: ${error.message}`);
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
      job,
      Array.from({ length: chunks }, (_, i) => i),
    );
    await finish(jobId);
    return 'started';

    async function requeueUnrecorded(count: number) {
      const unrecorded: number[] = [];
      for (let chunk = 0; chunk < count; chunk++) if (!(await jobs.resultOf(jobId, chunk))) unrecorded.push(chunk);
      if (unrecorded.length > 0) await enqueue(job, unrecorded);
    }
  };

/**
 * One record as a job row: its cells trimmed, keyed by the header. A ragged line, or a cell longer
 * than its column's cap, is rejected with the reason (line and column); such a cell is stored cut
 * to the cap, so that no row can make its chunk too large to store.
 */
export function rowOf(spec: CsvKind, header: string[], record: string[], line: number): JobRow {
  const problems: string[] = [];
  if (record.length !== header.length)
    problems.push(`line ${line} has ${record.length} fields; the header has ${header.length}`);
  const input: Record<string, string> = {};
  header.forEach((column, i) => {
    const value = (record[i] ?? '').trim();
    const max = spec.maxLength[column] ?? 0;
    if (value.length > max)
      problems.push(`line ${line}, column ${column}: ${value.length} characters; at most ${max} are accepted`);
    input[column] = value.slice(0, max);
  });
  const row: JobRow = { index: line, input };
  if (problems.length) row.rejected = { outcome: 'invalid_row', message: problems.join('; ') };
  return row;
}
