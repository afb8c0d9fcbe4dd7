import { randomUUID } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, JobRow, RowResult } from '#shared/jobs/job';
import { newJob } from '#shared/jobs/start-job';
import { makeWriteImportResults } from '#shared/imports/write-import-results';
import { MIN_PART_BYTES } from '#shared/imports/write-in-parts';
import { type ReliabilityStack, startReliabilityStack } from './in-process-stack';

/**
 * An import's results file written in parts by the real adapters: the job's results paged from
 * DynamoDB Local, the object uploaded to fauxqs's S3 (which, as S3, refuses parts under 5 MiB but the last).
 */
let s: ReliabilityStack;

beforeAll(async () => {
  s = await startReliabilityStack();
});

afterAll(async () => {
  await s?.stop();
});

const CHUNKS = 25;
const PER_CHUNK = 500;
const line = (i: number) => i + 2;
const messageOf = (i: number) => `row ${i}: ${'m'.repeat(480)}`;

describe('an import results file over one part', () => {
  it('is uploaded in parts and holds every row, in order, with its input', async () => {
    // The bucket's adapter reads the stack's environment once: imported after the stack set it.
    const { objectStore } = await import('#shared/imports/object-store');
    const jobs = s.repositories.jobs;
    const tenant = randomUUID();
    const file = `big-${randomUUID()}.csv`;
    const key = `imports/${tenant}/learners/${file}`;
    const job: Job = {
      ...newJob(
        {
          tenant,
          kind: 'import_learners',
          target: { kind: 'learners', file },
          source: { type: 's3', bucket: s.stack.bucket, key, etag: 'e' },
          sourceKey: key,
          createdBy: 'test',
        },
        randomUUID(),
        new Date().toISOString(),
      ),
      columns: ['email', 'first_name'],
    };
    expect(await jobs.create(job)).toBe(true);
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      const indexes = Array.from({ length: PER_CHUNK }, (_, j) => chunk * PER_CHUNK + j);
      const rows: JobRow[] = indexes.map((i) => ({
        index: line(i),
        input: { email: `l${i}@example.com`, first_name: `N${i}` },
      }));
      const results: RowResult[] = indexes.map((i) => ({
        index: line(i),
        identifier: `l${i}@example.com`,
        outcome: 'invalid_row',
        code: 'invalid_row',
        message: messageOf(i),
      }));
      await jobs.putChunks(job.job_id, chunk, [rows]);
      expect(await jobs.recordChunk(job.job_id, chunk, results)).toBe(true);
    }

    await makeWriteImportResults({ jobs, objects: objectStore, partBytes: MIN_PART_BYTES })(job);

    const resultsKey = (await jobs.get(job.job_id))!.results_key!;
    expect(resultsKey).toBe(`results/${tenant}/learners/${file}`);
    const object = await s.s3.send(new GetObjectCommand({ Bucket: s.stack.bucket, Key: resultsKey }));
    expect(object.ContentLength).toBeGreaterThan(MIN_PART_BYTES);
    // A multipart object's ETag names its part count.
    expect(object.ETag).toMatch(/-2"?$/);
    const rows = parse(await object.Body!.transformToString()) as string[][];
    expect(rows[0]).toEqual(['email', 'first_name', 'line', 'outcome', 'code', 'message']);
    expect(rows.slice(1)).toEqual(
      Array.from({ length: CHUNKS * PER_CHUNK }, (_, i) => [
        `l${i}@example.com`,
        `N${i}`,
        String(line(i)),
        'invalid_row',
        'invalid_row',
        messageOf(i),
      ]),
    );
  });
});
