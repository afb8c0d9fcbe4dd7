import { describe, expect, it } from 'vitest';
import { makeFailDeadLetteredChunk } from '#shared/jobs/fail-dead-lettered-chunk';
import { classify, type Job, type JobRow, type JobStatus, type RowResult } from '#shared/jobs/job';
import { newJob } from '#shared/jobs/start-job';
import { TENANT } from '#test/unit/shared/fakes';

const JOB_ID = '00000000-0000-4000-8000-000000000001';

/** A running job of two chunks in memory, with the repository's record-once semantics. */
function jobOfTwoChunks(status: JobStatus = 'running') {
  const job: Job = {
    ...newJob(
      {
        tenant: TENANT,
        kind: 'assign_learners',
        source: { type: 'api', route: 'r', caller: 'c' },
        sourceKey: 's',
        createdBy: 'c',
      },
      JOB_ID,
      '2026-01-01T00:00:00.000Z',
    ),
    status,
    total: 3,
    chunks_total: 2,
  };
  const chunks: JobRow[][] = [
    [{ index: 0, input: { identifier: 'a' } }],
    [
      { index: 1, input: { identifier: 'b' } },
      { index: 2, input: { identifier: 'b' }, rejected: { outcome: 'duplicate_in_request', message: 'twice' } },
    ],
  ];
  const results = new Map<number, RowResult[]>();
  const sent: number[] = [];
  const fail = makeFailDeadLetteredChunk({
    jobs: {
      get: async (id) => (id === JOB_ID ? job : undefined),
      getChunk: async (_, chunk) => chunks[chunk],
      resultOf: async (_, chunk) => (results.has(chunk) ? { failedChunk: true } : undefined),
      recordChunk: async (_, chunk, rows, failedChunk = false) => {
        if (results.has(chunk)) return false;
        results.set(chunk, rows);
        for (const r of rows) {
          job[classify(r.outcome)]++;
          job.outcome_counts[r.outcome] = (job.outcome_counts[r.outcome] ?? 0) + 1;
        }
        Object.assign(job, { processed: job.processed + rows.length, chunks_done: job.chunks_done + 1 });
        if (failedChunk) job.chunks_failed++;
        return true;
      },
    },
    enqueue: async (_, chunks) => void sent.push(...chunks),
  });
  return { job, results, sent, fail };
}

describe('failing a dead-lettered chunk', () => {
  it('records every row of an unrecorded chunk failed, dead_lettered, once, and hands the chunk back to its worker', async () => {
    const { job, results, sent, fail } = jobOfTwoChunks();
    expect(await fail(JOB_ID, 1)).toBe('recorded');
    expect(results.get(1)).toEqual([
      {
        index: 1,
        identifier: 'b',
        outcome: 'failed',
        code: 'dead_lettered',
        message: expect.stringMatching(/dead-letter/),
      },
      { index: 2, identifier: 'b', outcome: 'duplicate_in_request', message: 'twice' },
    ]);
    expect(job).toMatchObject({ processed: 2, failed: 1, skipped: 1, chunks_done: 1, chunks_failed: 1 });
    expect(sent).toEqual([1]);

    expect(await fail(JOB_ID, 1)).toBe('already_recorded');
    expect(job).toMatchObject({ processed: 2, failed: 1, chunks_done: 1, chunks_failed: 1 });
    expect(sent).toEqual([1]);
  });

  it('leaves a chunk its worker recorded as it is, sending nothing back', async () => {
    const { job, results, sent, fail } = jobOfTwoChunks();
    const worker: RowResult[] = [{ index: 0, identifier: 'a', outcome: 'added' }];
    results.set(0, worker);
    expect(await fail(JOB_ID, 0)).toBe('already_recorded');
    expect(results.get(0)).toBe(worker);
    expect(job).toMatchObject({ processed: 0, failed: 0, chunks_done: 0 });
    expect(sent).toEqual([]);
  });

  it.each(['aborted', 'failed', 'succeeded'] as const)('records nothing for a job already %s', async (status) => {
    const { job, results, sent, fail } = jobOfTwoChunks(status);
    expect(await fail(JOB_ID, 0)).toBe('job_ended');
    expect(results.size).toBe(0);
    expect(job).toMatchObject({ status, processed: 0 });
    expect(sent).toEqual([]);
  });

  it('records the chunk of a job still being planned (queued): its planner finishes it', async () => {
    const { results, sent, fail } = jobOfTwoChunks('queued');
    expect(await fail(JOB_ID, 0)).toBe('recorded');
    expect(results.get(0)?.map((r) => r.code)).toEqual(['dead_lettered']);
    expect(sent).toEqual([0]);
  });

  it('finds no job that does not exist', async () => {
    expect(await jobOfTwoChunks().fail('00000000-0000-4000-8000-000000000009', 0)).toBe('not_found');
  });
});
