import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { makeWriteImportResults } from '#shared/imports/write-import-results';
import type { Job, JobRow, RowResult } from '#shared/jobs/job';
import { newJob } from '#shared/jobs/start-job';
import { TENANT } from '#test/unit/shared/fakes';

const JOB_ID = '00000000-0000-4000-8000-000000000001';
const FILE = 'people.csv';

const importJob = (): Job => ({
  ...newJob(
    {
      tenant: TENANT,
      kind: 'import_learners',
      target: { kind: 'learners', file: FILE },
      source: { type: 's3', bucket: 'imports', key: `imports/${TENANT}/learners/${FILE}`, etag: 'e' },
      sourceKey: `imports/${TENANT}/learners/${FILE}`,
      createdBy: 's3:imports',
    },
    JOB_ID,
    '2026-01-01T00:00:00.000Z',
  ),
  status: 'succeeded',
  columns: ['email', 'first_name'],
});

const line = (i: number) => i + 2;
const inputOf = (i: number) => ({ email: `l${i}@example.com`, first_name: i % 7 === 0 ? '=cmd()' : `Name ${i}` });

/**
 * A job's rows and results, `chunks` chunks of `perChunk` rows, produced only when the writer asks
 * for them (as the repository's paged query does); `lag` is the most rows it has handed out that had
 * not yet reached an uploaded part.
 */
function lazyResults(chunks: number, perChunk: number) {
  const state = { handedOut: 0, uploadedRows: 0, lag: 0, resultsKey: '' };
  const rowsOf = (chunk: number) => Array.from({ length: perChunk }, (_, j) => chunk * perChunk + j);
  const jobs = {
    async *resultChunks(): AsyncGenerator<{ chunk: number; rows: RowResult[] }> {
      for (let chunk = 0; chunk < chunks; chunk++) {
        state.handedOut += perChunk;
        state.lag = Math.max(state.lag, state.handedOut - state.uploadedRows);
        yield {
          chunk,
          rows: rowsOf(chunk).map((i) => ({
            index: line(i),
            identifier: inputOf(i).email,
            outcome: i % 5 === 0 ? 'invalid_row' : 'created',
            ...(i % 5 === 0 && { code: 'invalid_row', message: `line ${line(i)}, "bad", value` }),
          })),
        };
      }
    },
    getChunk: async (_: string, chunk: number): Promise<JobRow[]> =>
      rowsOf(chunk).map((i) => ({ index: line(i), input: inputOf(i) })),
    setResultsKey: async (_: string, key: string) => void (state.resultsKey = key),
  };
  return { jobs, state };
}

/** An object store in memory that records each part of a multipart upload, and single puts. */
function recordingObjects(onPart: (body: Buffer) => void = () => {}) {
  const log = { puts: [] as Buffer[], parts: [] as Buffer[], completed: 0, aborted: 0, key: '' };
  return {
    log,
    objects: {
      put: async (_: string, key: string, body: Buffer) => void (log.puts.push(body), (log.key = key)),
      startUpload: async (_: string, key: string) => {
        log.key = key;
        return {
          part: async (body: Buffer) => {
            onPart(body);
            log.parts.push(body);
          },
          complete: async () => void log.completed++,
          abort: async () => void log.aborted++,
        };
      },
    },
  };
}

const expectedRows = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const bad = i % 5 === 0;
    return [
      `l${i}@example.com`,
      i % 7 === 0 ? "'=cmd()" : `Name ${i}`,
      String(line(i)),
      bad ? 'invalid_row' : 'created',
      bad ? 'invalid_row' : '',
      bad ? `line ${line(i)}, "bad", value` : '',
    ];
  });

describe('writing an import results file', () => {
  it('streams a large job in parts, never holding more than a chunk and a part of rows, and the file is complete', async () => {
    const { jobs, state } = lazyResults(200, 50);
    const { objects, log } = recordingObjects((part) => {
      state.uploadedRows += part.toString().split('\n').length - 1;
    });
    const partBytes = 4096;
    await makeWriteImportResults({ jobs, objects, partBytes })(importJob());

    expect(log.key).toBe(`results/${TENANT}/learners/${FILE}`);
    expect(state.resultsKey).toBe(log.key);
    expect(log.puts).toEqual([]);
    expect(log.completed).toBe(1);
    expect(log.parts.length).toBeGreaterThan(50);
    for (const part of log.parts.slice(0, -1)) expect(part.length).toBeGreaterThanOrEqual(partBytes);
    // One part holds at most partBytes plus the chunk that filled it: ~90 rows here, of 10,000.
    expect(state.lag).toBeLessThanOrEqual(50 + Math.ceil(partBytes / 40));
    const rows = parse(Buffer.concat(log.parts)) as string[][];
    expect(rows[0]).toEqual(['email', 'first_name', 'line', 'outcome', 'code', 'message']);
    expect(rows.slice(1)).toEqual(expectedRows(10_000));
  });

  it('puts a file smaller than one part in one request', async () => {
    const { jobs } = lazyResults(2, 3);
    const { objects, log } = recordingObjects();
    await makeWriteImportResults({ jobs, objects })(importJob());
    expect(log.parts).toEqual([]);
    expect(log.puts).toHaveLength(1);
    expect((parse(log.puts[0]!) as string[][]).slice(1)).toEqual(expectedRows(6));
  });

  it('aborts the upload when reading the results fails part way, leaving no parts behind', async () => {
    const { jobs } = lazyResults(50, 50);
    const failing = {
      ...jobs,
      async *resultChunks() {
        let n = 0;
        for await (const chunk of jobs.resultChunks()) {
          if (++n === 30) throw new Error('table unavailable');
          yield chunk;
        }
      },
    };
    const { objects, log } = recordingObjects();
    await expect(makeWriteImportResults({ jobs: failing, objects, partBytes: 4096 })(importJob())).rejects.toThrow(
      'table unavailable',
    );
    expect(log.parts.length).toBeGreaterThan(0);
    expect([log.aborted, log.completed]).toEqual([1, 0]);
  });
});
