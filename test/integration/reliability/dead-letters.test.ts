import { randomUUID } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '#shared/jobs/job';
import { newJob } from '#shared/jobs/start-job';
import { poison } from './fault-injector';
import { type ReliabilityStack, startReliabilityStack } from './in-process-stack';
import { expectJobHonest } from './invariants';

/**
 * Jobs whose messages end in a dead-letter queue, and crafted CSV files, against the whole stack in
 * process (watcher, pollers, the real handlers, DynamoDB Local, fauxqs): no job stays `queued`.
 */
let s: ReliabilityStack;
const tenant = randomUUID();
/** Chunks (`<source_key>#<chunk>`) whose worker dies on every delivery until the chunk is recorded. */
const crashing = new Set<string>();
let crashes = 0;

beforeAll(async () => {
  s = await startReliabilityStack({
    visibilityTimeoutSeconds: 1,
    // A worker killed by its timeout or a crash while applying a crashing chunk: the invocation fails before
    // its own catch runs, after the batch's other records (applied first) are recorded; they come back too.
    wrapHandler: (entry, handler) =>
      !['functions/workers/apply-job-chunk.ts', 'functions/workers/apply-file-job-chunk.ts'].includes(entry)
        ? handler
        : async (event, context) => {
            const records = (event as SQSEvent).Records;
            const dies = await Promise.all(
              records.map(async ({ body }) => {
                const { job_id, chunk } = JSON.parse(body) as { job_id: string; chunk: number };
                const job = await jobs().get(job_id);
                return crashing.has(`${job?.source_key}#${chunk}`) && !(await jobs().resultOf(job_id, chunk));
              }),
            );
            const rest = records.filter((_, i) => !dies[i]);
            if (rest.length === records.length) return handler(event, context);
            if (rest.length > 0) await handler({ Records: rest }, context);
            crashes++;
            throw new Error('injected: the worker crashed');
          },
  });
});

afterEach(() => s.faults.clearAll());

afterAll(async () => {
  await s?.stop();
});

const jobs = () => s.repositories.jobs;

/** Waits until the job of `sourceKey` has ended, and every queue (the DLQs consumed included) is drained. */
async function endedJobOf(sourceKey: string, timeoutMs = 60_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await jobs().list({ tenant, sourceKey, pageSize: 1 })).items[0];
    if (job && !['queued', 'running'].includes(job.status)) {
      await s.idle(timeoutMs);
      return (await jobs().get(job.job_id))!;
    }
    if (Date.now() > deadline) throw new Error(`the job of ${sourceKey} is still ${job?.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function waitForEnd(jobId: string, timeoutMs = 60_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobs().get(jobId);
    if (job && !['queued', 'running'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job?.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a crafted CSV', () => {
  it('fails the import of a 450,000-character cell with the reason, instead of leaving it queued', async () => {
    const key = `imports/${tenant}/learners/bigcell-${randomUUID()}.csv`;
    await s.dropCsv(key, `email,first_name\nbig-${randomUUID()}@example.com,${'x'.repeat(450_000)}\n`);
    const job = await endedJobOf(key);
    expect(job).toMatchObject({ status: 'failed', processed: 0 });
    expect(job.error).toMatch(/cannot be read as CSV: .*65536/);
    expect(await s.receiveDlq('imports')).toEqual([]);
  });

  it('fails only the row whose cell passes its column cap, naming line and column', async () => {
    const key = `imports/${tenant}/learners/long-name-${randomUUID()}.csv`;
    const csv = `email,first_name\nok-${randomUUID()}@example.com,Ann\nlong-${randomUUID()}@example.com,${'y'.repeat(151)}\n`;
    await s.dropCsv(key, csv);
    const job = await endedJobOf(key);
    expect(job).toMatchObject({ status: 'completed_with_errors', total: 2, succeeded: 1, failed: 1 });
    const rows = (await jobs().results(job.job_id, { pageSize: 10 })).items;
    expect(rows.map((r) => [r.index, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'invalid_row'],
    ]);
    expect(rows[1]!.message).toBe('line 3, column first_name: 151 characters; at most 150 are accepted');
  });
});

describe('a dead-lettered job message', () => {
  it('ends an import whose every delivery failed as failed, dead_lettered, and consumes the dead letter', async () => {
    const email = `dead-${randomUUID()}@example.com`;
    // Storing the file's chunk fails on every delivery: the start never gets as far as `running`.
    const fault = s.faults.inject({
      command: 'BatchWriteItemCommand',
      touching: email,
      times: Infinity,
      answer: poison(),
    });
    const key = `imports/${tenant}/learners/dead-${randomUUID()}.csv`;
    await s.dropCsv(key, `email,first_name\n${email},Dee\n`);
    const job = await endedJobOf(key);
    expect(fault.hits).toBeGreaterThanOrEqual(3);
    expect(job).toMatchObject({ status: 'failed', total: 0, processed: 0 });
    expect(job.error).toMatch(/^dead_lettered: the job's import message failed on every delivery/);
    expect(await s.receiveDlq('imports')).toEqual([]);
  });

  it('ends a listed job whose planning message was dead-lettered as failed, its total the rows it had queued', async () => {
    const created = newJob(
      {
        tenant,
        kind: 'recalculate_group',
        target: { group_uuid: randomUUID() },
        source: { type: 'schedule', tick: new Date().toISOString() },
        sourceKey: 'schedule:recalculate_group',
        createdBy: 'schedule',
      },
      randomUUID(),
      new Date().toISOString(),
    );
    await jobs().create(created);
    expect(await jobs().savePlan(created.job_id, 0, { next_chunk: 1, total: 7, done: false })).toBe(true);
    await s.sqs.send(
      new SendMessageCommand({
        QueueUrl: s.stack.dlqUrls.jobPlans,
        MessageBody: JSON.stringify({ job_id: created.job_id }),
      }),
    );
    const job = await waitForEnd(created.job_id);
    expect(job).toMatchObject({ status: 'failed', total: 7 });
    expect(job.error).toMatch(/^dead_lettered: the job's planning message failed on every delivery/);
    await s.idle();
    expect(await s.receiveDlq('jobPlans')).toEqual([]);
  });
});

describe('a dead-lettered chunk', () => {
  it('ends the job of a chunk whose every delivery crashed before recording it, counters exact, results file written', async () => {
    const file = `crash-${randomUUID()}.csv`;
    const key = `imports/${tenant}/learners/${file}`;
    const emails = Array.from({ length: 501 }, (_, i) => `crash-${i}-${randomUUID()}@example.com`);
    crashing.add(`${key}#0`);
    await s.dropCsv(key, `email,first_name\n${emails.map((e) => `${e},Cee`).join('\n')}\n`);
    const job = await endedJobOf(key);
    expect(crashes).toBeGreaterThanOrEqual(4);
    expect(job).toMatchObject({
      status: 'completed_with_errors',
      total: 501,
      processed: 501,
      succeeded: 1,
      failed: 500,
      chunks_total: 2,
      chunks_done: 2,
      chunks_failed: 1,
      outcome_counts: { created: 1, failed: 500 },
    });
    expect(job.error).toMatch(/1 of 2 chunks failed after every retry; .*dead_lettered/);
    await expectJobHonest(jobs(), job.job_id);
    const rows = (await jobs().results(job.job_id, { pageSize: 1000 })).items;
    expect(rows.filter((r) => r.code === 'dead_lettered').map((r) => r.index)).toEqual(
      Array.from({ length: 500 }, (_, i) => i + 2),
    );
    expect(await s.receiveDlq('fileJobChunks')).toEqual([]);

    const results = await s.s3.send(new GetObjectCommand({ Bucket: s.stack.bucket, Key: job.results_key! }));
    const lines = (await results.Body!.transformToString()).trim().split('\n');
    expect(lines).toHaveLength(502);
    expect(lines[1]).toMatch(new RegExp(`^${emails[0]},Cee,2,failed,dead_lettered,`));
    expect(lines[501]).toBe(`${emails[500]},Cee,502,created,created,`);

    // A redrive of the message (or any late copy) finds the chunk recorded and changes nothing.
    await s.send('fileJobChunks', JSON.stringify({ job_id: job.job_id, chunk: 0 }));
    await s.idle();
    expect(await jobs().get(job.job_id)).toEqual(job);
  });
});
