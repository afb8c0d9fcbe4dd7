import { Readable } from 'node:stream';
import { ObjectReplacedError } from '#shared/imports/object-replaced-error';
import { describe, expect, it } from 'vitest';
import { RefusedInputError } from '#shared/errors';
import { CSV_KINDS, MAX_IMPORT_ROWS, MAX_RECORD_CHARS } from '#shared/imports/csv-kinds';
import { makeStartCsvImport } from '#shared/imports/start-csv-import';
import type { UploadVerdict } from '#shared/imports/verify-upload';
import { CHUNK_MAX_BYTES, rowBytes } from '#shared/jobs/chunk-rows';
import type { Job, JobPlan, JobRow } from '#shared/jobs/job';
import { BulkLearnerRow } from '#shared/learners/schemas';
import { fixedClock, TENANT } from '#test/unit/shared/fakes';

/** DynamoDB's largest item. */
const MAX_ITEM_BYTES = 400 * 1024;

/** Job storage in memory that refuses a chunk item over DynamoDB's limit, as the repository does. */
function fakeJobs(maxItemBytes = MAX_ITEM_BYTES) {
  const jobs = new Map<string, Job>();
  const chunks = new Map<number, JobRow[]>();
  const plans = new Map<string, JobPlan>();
  /** Chunk numbers in the order they were written, and a write that fails (a throttled table) once. */
  const writes: number[] = [];
  const failing = { atChunk: -1 };
  return {
    jobs,
    chunks,
    plans,
    writes,
    failing,
    repository: {
      create: async (job: Job) => !jobs.has(job.job_id) && (jobs.set(job.job_id, { ...job }), true),
      get: async (id: string) => jobs.get(id),
      getPlan: async (id: string) => plans.get(id),
      savePlan: async (id: string, from: number, plan: JobPlan) => {
        if (jobs.get(id)?.status !== 'queued' || (plans.get(id)?.next_chunk ?? 0) !== from) return false;
        plans.set(id, plan);
        return true;
      },
      resultOf: async () => undefined,
      putChunks: async (_: string, first: number, stored: JobRow[][]) => {
        if (first === failing.atChunk) {
          failing.atChunk = -1;
          throw new Error('injected: throttled');
        }
        stored.forEach((rows, i) => {
          writes.push(first + i);
          if (Buffer.byteLength(JSON.stringify(rows)) > maxItemBytes)
            throw new RefusedInputError('Item size has exceeded the maximum allowed size');
          chunks.set(first + i, rows);
        });
      },
      markRunning: async (id: string, total: number, chunksTotal: number) => {
        Object.assign(jobs.get(id)!, { status: 'running', total, chunks_total: chunksTotal });
      },
      end: async (id: string, status: 'failed' | 'aborted', reason: string) => {
        Object.assign(jobs.get(id)!, { status, error: reason });
        return true;
      },
      setColumns: async (id: string, columns: string[]) => void Object.assign(jobs.get(id)!, { columns }),
    },
  };
}

const GRANTED: UploadVerdict = {
  granted: true,
  grant: {
    upload_id: 'u1',
    enterprise_customer_uuid: TENANT,
    kind: 'learners',
    key: `imports/${TENANT}/learners/file.csv`,
    uploader_issuer: 'https://idp.example.com',
    uploader_sub: 'admin-ann',
    created: '2026-01-01T00:00:00.000Z',
    upload_expires: '2026-01-01T00:15:00.000Z',
  },
};

function learnersImport(
  maxItemBytes?: number,
  maxRows?: number,
  verdict: UploadVerdict = GRANTED,
  stream?: (bucket: string, key: string, etag?: string) => Promise<Readable>,
) {
  const store = fakeJobs(maxItemBytes);
  const queued: number[] = [];
  const refusals: { job: Job; code: string; reason: string }[] = [];
  let file = '';
  const start = makeStartCsvImport({
    jobs: store.repository,
    enqueue: async (_, chunks) => void queued.push(...chunks),
    finish: async () => {},
    objects: { stream: stream ?? (async () => Readable.from([Buffer.from(file)])) },
    verify: async () => verdict,
    writeRefusal: async (job, code, reason) => void refusals.push({ job, code, reason }),
    clock: fixedClock(),
    maxBytes: 100 * 1024 * 1024,
    ...(maxRows !== undefined && { maxRows }),
  });
  const run = async (csv: string) => {
    file = csv;
    return start({
      bucket: 'imports',
      key: `imports/${TENANT}/learners/file.csv`,
      etag: 'e1',
      size: Buffer.byteLength(csv),
    });
  };
  return Object.assign(store, { queued, refusals, run });
}

async function importLearners(
  csv: string,
  maxItemBytes?: number,
  verdict: UploadVerdict = GRANTED,
  stream?: (bucket: string, key: string, etag?: string) => Promise<Readable>,
) {
  const store = learnersImport(maxItemBytes, undefined, verdict, stream);
  const outcome = await store.run(csv);
  const [job] = [...store.jobs.values()];
  return {
    outcome,
    job: job!,
    rows: [...store.chunks.values()].flat(),
    chunks: [...store.chunks.values()],
    refusals: store.refusals,
  };
}

const learnersCsv = (rows: number) =>
  `email,first_name\n${Array.from({ length: rows }, (_, i) => `l${i}@example.com,Name ${i}`).join('\n')}\n`;

describe('a CSV import and the size of what it stores', () => {
  it('caps each learners column at the API field it feeds', () => {
    const { maxLength } = CSV_KINDS.learners!;
    for (const column of ['username', 'first_name', 'last_name', 'employee_id', 'state_id', 'branch_id'] as const) {
      const field = BulkLearnerRow.shape[column].unwrap().unwrap();
      expect(maxLength[column], column).toBe(field.maxLength);
    }
  });

  it('fails the row whose cell is longer than its column allows, naming line and column, and imports the rest', async () => {
    const csv = `email,first_name\nann@example.com,Ann\nbob@example.com,${'x'.repeat(151)}\n`;
    const { outcome, job, rows } = await importLearners(csv);
    expect(outcome).toBe('started');
    expect(job).toMatchObject({ status: 'running', total: 2 });
    expect(rows[0]!.rejected).toBeUndefined();
    expect(rows[1]!.rejected).toEqual({
      outcome: 'invalid_row',
      message: 'line 3, column first_name: 151 characters; at most 150 are accepted',
    });
    expect(rows[1]!.input.first_name).toHaveLength(150);
  });

  it('fails a file with a 450,000-character cell with the reason, instead of storing it', async () => {
    const { outcome, job, chunks } = await importLearners(`email,first_name\nann@example.com,${'x'.repeat(450_000)}\n`);
    expect(outcome).toBe('failed');
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/cannot be read as CSV: .*(record|size)/i);
    expect(job.error).toContain(String(MAX_RECORD_CHARS));
    expect(chunks).toEqual([]);
  });

  it('stores 500 rows of 800 bytes in several chunks, each under the byte bound', async () => {
    const row = (i: number) =>
      `l${i}@example.com,${'f'.repeat(150)},${'l'.repeat(150)},${'u'.repeat(150)},${'e'.repeat(100)},${'s'.repeat(100)}`;
    const csv = `email,first_name,last_name,username,employee_id,state_id\n${Array.from({ length: 500 }, (_, i) => row(i)).join('\n')}\n`;
    const { outcome, job, chunks } = await importLearners(csv);
    expect(outcome).toBe('started');
    expect(job).toMatchObject({ status: 'running', total: 500 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.reduce((n, r) => n + rowBytes(r), 0)).toBeLessThanOrEqual(CHUNK_MAX_BYTES);
    expect(chunks.flat().filter((r) => r.rejected)).toEqual([]);
  });

  it('fails the job with the reason when the table refuses a chunk as it is, instead of retrying it', async () => {
    const { outcome, job } = await importLearners('email,first_name\nann@example.com,Ann\n', 10);
    expect(outcome).toBe('failed');
    expect(job).toMatchObject({ status: 'failed' });
    expect(job.error).toMatch(/rows cannot be stored: Item size has exceeded/);
  });
});

describe('a CSV import and its upload grant', () => {
  it('runs the job as the uploader its grant records', async () => {
    const { outcome, job, refusals } = await importLearners('email\nann@example.com\n');
    expect(outcome).toBe('started');
    expect(job.created_by).toBe('admin-ann');
    expect(refusals).toEqual([]);
  });

  it('reads the version its event announced, and fails the job when another upload replaced it', async () => {
    const asked: (string | undefined)[] = [];
    const { outcome, job, rows } = await importLearners(
      'email\nann@example.com\n',
      undefined,
      GRANTED,
      async (_b, _k, etag) => {
        asked.push(etag);
        throw new ObjectReplacedError('replaced');
      },
    );
    expect(asked).toEqual(['e1']);
    expect(outcome).toBe('failed');
    expect(job).toMatchObject({ status: 'failed', error: expect.stringMatching(/replaced after its upload event/) });
    expect(rows).toEqual([]);
  });

  it('fails a drop without a grant as unauthorized_upload, with a results file saying why, reading none of it', async () => {
    const { outcome, job, rows, refusals } = await importLearners('email\nann@example.com\n', undefined, {
      granted: false,
      reason: 'upload u9 was not granted by this service',
    });
    expect(outcome).toBe('failed');
    expect(job).toMatchObject({
      status: 'failed',
      error: 'unauthorized_upload: upload u9 was not granted by this service',
    });
    expect(job.created_by).not.toBe('admin-ann');
    expect(rows).toEqual([]);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ code: 'unauthorized_upload', reason: job.error });
  });
});

describe('a CSV import of many rows', () => {
  it('fails a file of more rows than it accepts, naming the limit, before queueing any chunk', async () => {
    const store = learnersImport(undefined, 1200);
    expect(await store.run(learnersCsv(1201))).toBe('failed');
    const [job] = [...store.jobs.values()];
    expect(job).toMatchObject({ status: 'failed', chunks_total: null });
    expect(job!.error).toBe('the file has more than 1200 rows; at most 1200 are accepted (MAX_IMPORT_ROWS)');
    expect(store.queued).toEqual([]);
  });

  it('imports a file of exactly as many rows as it accepts', async () => {
    const store = learnersImport(undefined, 1200);
    expect(await store.run(learnersCsv(1200))).toBe('started');
    expect([...store.jobs.values()][0]).toMatchObject({ status: 'running', total: 1200, chunks_total: 3 });
    expect(store.queued).toEqual([0, 1, 2]);
  });

  it('accepts a million rows unless told otherwise', () => {
    expect(MAX_IMPORT_ROWS).toBe(1_000_000);
  });

  it('resumes a start that stopped part way: the chunks stored before are not written again, and the job is whole', async () => {
    const store = learnersImport();
    store.failing.atChunk = 2;
    const csv = learnersCsv(1700);
    await expect(store.run(csv)).rejects.toThrow('injected: throttled');
    expect(store.writes).toEqual([0, 1]);
    expect(store.queued).toEqual([]);
    expect(await store.run(csv)).toBe('started');
    expect(store.writes).toEqual([0, 1, 2, 3]);
    expect([...store.jobs.values()][0]).toMatchObject({ status: 'running', total: 1700, chunks_total: 4 });
    expect(store.queued).toEqual([0, 1, 2, 3]);
    expect([...store.chunks.values()].flat().map((r) => r.index)).toEqual(
      Array.from({ length: 1700 }, (_, i) => i + 2),
    );
  });

  it('stops a start that another attempt overtook, writing nothing more and queueing nothing', async () => {
    const store = learnersImport();
    const put = store.repository.putChunks;
    store.repository.putChunks = async (jobId, first, rows) => {
      await put(jobId, first, rows);
      // Another delivery of the same event, started meanwhile, has stored up to chunk 3.
      if (first === 1) store.plans.set(jobId, { next_chunk: 4, total: 2000, done: false });
    };
    expect(await store.run(learnersCsv(3000))).toBe('duplicate');
    expect(store.writes).toEqual([0, 1]);
    expect(store.queued).toEqual([]);
    expect([...store.jobs.values()][0]).toMatchObject({ status: 'queued' });
  });
});
