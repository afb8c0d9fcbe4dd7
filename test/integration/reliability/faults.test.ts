import { randomUUID } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '#shared/jobs/job';
import { allKeysUnprocessed, poison, throttling, throughputExceeded, transactionConflict } from './fault-injector';
import { type ReliabilityStack, startReliabilityStack } from './in-process-stack';
import { expectBatchConsistent, expectGroupConsistent, expectJobHonest } from './invariants';

/**
 * Fault injection against the whole stack in process (HTTP API, pollers, real handlers, DynamoDB
 * Local, fauxqs): after every fault the memberships, enrollments and counters are exact and every
 * job tells the truth. Faults DynamoDB Local does not produce on demand are injected below the
 * SDK's retry middleware (see fault-injector.ts).
 */
let s: ReliabilityStack;
/** One tenant's learners, seeded once: each test makes its own group of them. */
let pool: { tenant: string; token: string; uuids: string[] };

beforeAll(async () => {
  s = await startReliabilityStack({ visibilityTimeoutSeconds: 2 });
  const tenant = randomUUID();
  pool = { tenant, token: await s.adminToken(tenant), uuids: await s.seedLearners(tenant, 1200) };
});

afterEach(() => s.faults.clearAll());

afterAll(async () => {
  await s?.stop();
});

const GROUPS = '/api/v1/enterprise-group';
const jobs = () => s.repositories.jobs;
const repos = () => ({ ...s.repositories });

/** A new group (made through the API) in the pool's tenant, and `n` of the pool's learners. */
async function tenantWithLearners(n: number) {
  const { tenant, token } = pool;
  const created = await s.api('POST', `${GROUPS}/`, {
    token,
    body: { name: `Faults ${randomUUID()}`, enterprise_customer_uuid: tenant },
  });
  expect(created.status).toBe(201);
  return { tenant, token, groupUuid: created.json.group_uuid as string, uuids: pool.uuids.slice(0, n) };
}

/** Waits for a job to end and for every queue to drain (no late duplicate still running). */
async function settled(jobId: string, timeoutMs = 90_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobs().get(jobId);
    if (job && !['queued', 'running'].includes(job.status)) break;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await s.idle(timeoutMs);
  return (await jobs().get(jobId))!;
}

const assign = (token: string, groupUuid: string, learner_uuids: string[]) =>
  s.api('POST', `${GROUPS}/${groupUuid}/assign_learners`, { token, body: { learner_uuids } });

describe('throttling', () => {
  it('absorbs a burst of throttled reads and writes: every learner is added once and the counters are exact', async () => {
    const { token, groupUuid, uuids } = await tenantWithLearners(150);
    const reads = s.faults.inject({ command: 'BatchGetItemCommand', times: 2, answer: throughputExceeded() });
    const writes = s.faults.inject({
      command: 'TransactWriteItemsCommand',
      touching: groupUuid,
      times: 2,
      answer: throttling(),
    });
    const assigned = await assign(token, groupUuid, uuids);
    expect(assigned.status).toBe(201);
    expect(assigned.json.count).toBe(150);
    expect([reads.hits, writes.hits]).toEqual([2, 2]);
    const members = await expectGroupConsistent(repos(), groupUuid);
    expect(members.map((m) => m.learner_uuid).sort()).toEqual([...uuids].sort());
  });

  it('answers 503 with Retry-After when throttling outlasts the retries, keeps what committed exact, and the same call completes it', async () => {
    const { token, groupUuid, uuids } = await tenantWithLearners(300);
    // Two transactions of 98 commit; the third is throttled on all 5 attempts the SDK makes.
    const writes = s.faults.inject({
      command: 'TransactWriteItemsCommand',
      touching: groupUuid,
      skip: 2,
      times: 5,
      answer: throughputExceeded(),
    });
    const refused = await assign(token, groupUuid, uuids);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json).toMatchObject({ code: 'temporarily_unavailable' });
    expect(writes.hits).toBe(5);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(196);

    const retried = await assign(token, groupUuid, uuids);
    expect(retried.status).toBe(201);
    expect(retried.json.count).toBe(104);
    expect(retried.json.skipped.filter((r: { outcome: string }) => r.outcome === 'already_member')).toHaveLength(196);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(300);
  });

  it('redelivers a job chunk whose writes stay throttled, and the job counts every row once', async () => {
    const { token, groupUuid, uuids } = await tenantWithLearners(1200);
    const writes = s.faults.inject({
      command: 'TransactWriteItemsCommand',
      touching: groupUuid,
      skip: 3,
      times: 5,
      answer: throttling(),
    });
    const accepted = await assign(token, groupUuid, uuids);
    expect(accepted.status).toBe(202);
    const job = await settled(accepted.json.job_id);
    expect(writes.hits).toBe(5);
    expect(job).toMatchObject({ status: 'succeeded', total: 1200, succeeded: 1200, outcome_counts: { added: 1200 } });
    await expectJobHonest(jobs(), job.job_id);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(1200);
  });

  it('re-reads the keys DynamoDB hands back unprocessed, and answers 503 having written nothing when it never stops', async () => {
    const { token, groupUuid, uuids } = await tenantWithLearners(120);
    const flaky = s.faults.inject({ command: 'BatchGetItemCommand', times: 3, answer: allKeysUnprocessed() });
    const assigned = await assign(token, groupUuid, uuids.slice(0, 60));
    expect(assigned.status).toBe(201);
    expect(flaky.hits).toBe(3);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(60);

    s.faults.inject({ command: 'BatchGetItemCommand', times: Infinity, answer: allKeysUnprocessed() });
    const refused = await assign(token, groupUuid, uuids.slice(60));
    s.faults.clearAll();
    expect(refused.status).toBe(503);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(60);
  });
});

describe('transaction conflicts', () => {
  it('retries transactions cancelled by TransactionConflict and commits each once', async () => {
    const { token, groupUuid, uuids } = await tenantWithLearners(200);
    const conflicts = s.faults.inject({
      command: 'TransactWriteItemsCommand',
      touching: groupUuid,
      times: 4,
      answer: transactionConflict(),
    });
    const assigned = await assign(token, groupUuid, uuids);
    expect(assigned.status).toBe(201);
    expect(assigned.json.count).toBe(200);
    expect(conflicts.hits).toBe(4);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(200);
  });

  it('answers 409 concurrent_modification when conflicts never stop, having written nothing', async () => {
    const { token, groupUuid, uuids } = await tenantWithLearners(20);
    s.faults.inject({
      command: 'TransactWriteItemsCommand',
      touching: groupUuid,
      times: Infinity,
      answer: transactionConflict(),
    });
    const refused = await assign(token, groupUuid, uuids);
    s.faults.clearAll();
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('concurrent_modification');
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(0);
    expect((await assign(token, groupUuid, uuids)).json.count).toBe(20);
  });

  it('keeps participant_count exact through conflicting and throttled participant adds', async () => {
    const { tenant, token } = pool;
    const course = `course-v1:Faults+${randomUUID().slice(0, 8)}+1`;
    const batch = await s.api('POST', `/api/v1/courses/${course}/batches/`, {
      token,
      body: { name: 'Faults', enrollment_type: 'invite_only', enterprise_customer_uuid: tenant },
    });
    expect(batch.status).toBe(201);
    const batchId = batch.json.batch_id as string;
    const uuids = pool.uuids.slice(0, 300);
    s.faults.inject({
      command: 'TransactWriteItemsCommand',
      touching: batchId,
      times: 3,
      answer: transactionConflict(),
    });
    s.faults.inject({ command: 'TransactWriteItemsCommand', touching: batchId, times: 2, answer: throttling() });
    const added = await s.api('POST', `/api/v1/batches/${batchId}/participants/add`, {
      token,
      body: { identifier_type: 'user_id', identifiers: uuids },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ count: 300, participant_count: 300 });
    expect(await expectBatchConsistent(s.repositories, batchId)).toBe(300);

    s.faults.inject({
      command: 'TransactWriteItemsCommand',
      touching: batchId,
      times: Infinity,
      answer: transactionConflict(),
    });
    const refused = await s.api('POST', `/api/v1/batches/${batchId}/participants/remove`, {
      token,
      body: { identifier_type: 'user_id', identifiers: uuids.slice(0, 50) },
    });
    s.faults.clearAll();
    expect(refused.status).toBe(409);
    expect(await expectBatchConsistent(s.repositories, batchId)).toBe(300);
  });
});

describe('a poison message', () => {
  it('fails its chunks honestly, its dead letters are consumed, and a redrive after the fix changes nothing', async () => {
    const { token, groupUuid, uuids } = await tenantWithLearners(1100);
    // The job's own record goes through, then one transaction of 98 members; every write after fails.
    const fault = s.faults.inject({
      command: 'TransactWriteItemsCommand',
      touching: groupUuid,
      skip: 2,
      times: Infinity,
      answer: poison(),
    });
    const accepted = await assign(token, groupUuid, uuids);
    expect(accepted.status).toBe(202);
    const failed = await settled(accepted.json.job_id);
    expect(failed).toMatchObject({ status: 'failed', chunks_total: 3, chunks_failed: 3, failed: 1100 });
    expect(failed.error).toMatch(/3 of 3 chunks failed after every retry/);
    await expectJobHonest(jobs(), failed.job_id);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(98);
    expect(fault.hits).toBeGreaterThanOrEqual(12);
    // Each chunk was recorded by its worker's last delivery: the dead-letter consumer found it so, and consumed it.
    expect(await s.receiveDlq('jobChunks', { waitSeconds: 1 })).toEqual([]);
    const rows = await jobs().results(failed.job_id, { pageSize: 1100 });
    expect(new Set(rows.items.map((r) => r.code))).toEqual(new Set(['chunk_failed']));

    fault.clear();
    for (const chunk of [0, 1, 2]) await s.send('jobChunks', JSON.stringify({ job_id: failed.job_id, chunk }));
    await s.idle(90_000);
    expect(await jobs().get(failed.job_id)).toEqual(failed);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(98);
  });
});

describe('duplicate deliveries', () => {
  it('applies chunk messages delivered several times, even concurrently, once', async () => {
    const { token, groupUuid, uuids } = await tenantWithLearners(1100);
    const accepted = await assign(token, groupUuid, uuids);
    const jobId = accepted.json.job_id as string;
    for (const chunk of [0, 1, 2, 0, 1, 2]) await s.send('jobChunks', JSON.stringify({ job_id: jobId, chunk }));
    const job = await settled(jobId);
    for (const chunk of [0, 1, 2]) await s.send('jobChunks', JSON.stringify({ job_id: jobId, chunk }));
    await s.idle();
    expect(await jobs().get(jobId)).toEqual(job);
    expect(job).toMatchObject({ status: 'succeeded', total: 1100, outcome_counts: { added: 1100 } });
    await expectJobHonest(jobs(), jobId);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(1100);
  });

  it('holds a guarded bulk removal once, and removes each member once after approval despite duplicates and a crash', async () => {
    const { token, groupUuid, uuids } = await tenantWithLearners(1100);
    expect((await settled((await assign(token, groupUuid, uuids)).json.job_id)).outcome_counts).toEqual({
      added: 1100,
    });
    const accepted = await s.api('POST', `${GROUPS}/${groupUuid}/remove_learners`, {
      token,
      body: { learner_uuids: uuids.slice(0, 1001) },
    });
    expect(accepted.status).toBe(202);
    const jobId = accepted.json.job_id as string;
    for (const chunk of [0, 1, 2, 0, 1, 2]) await s.send('jobChunks', JSON.stringify({ job_id: jobId, chunk }));
    const held = await settled(jobId);
    expect(held).toMatchObject({
      status: 'awaiting_approval',
      guard: { would_remove: 1001, member_count: 1100 },
      outcome_counts: { removal_pending: 1001 },
    });
    const history = (await s.repositories.history.list(groupUuid, 100)).items;
    expect(history.filter((h) => h.action === 'removals_held')).toHaveLength(1);
    expect((await s.repositories.groups.get(groupUuid))!.member_count).toBe(1100);

    // The first removal transaction of the approved finish step fails (a crash); the redelivery completes it.
    const last = uuids[1000]!;
    expect(held.guard!.sample.map((m) => m.learner_uuid)).not.toContain(last);
    const crash = s.faults.inject({ command: 'TransactWriteItemsCommand', touching: last, times: 1, answer: poison() });
    expect((await s.api('POST', `/api/v1/jobs/${jobId}/approve`, { token })).status).toBe(202);
    for (const chunk of [2, 1, 2]) await s.send('jobChunks', JSON.stringify({ job_id: jobId, chunk }));
    const done = await settled(jobId);
    expect(crash.hits).toBe(1);
    expect(done).toMatchObject({ status: 'succeeded', total: 1001, succeeded: 1001 });
    await expectJobHonest(jobs(), jobId);
    expect(Object.fromEntries(Object.entries(done.outcome_counts).filter(([, n]) => n !== 0))).toEqual({
      removed: 1001,
    });
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(99);
  });

  it('runs an import once however often its S3 event arrives', async () => {
    const { tenant, groupUuid, uuids } = await tenantWithLearners(40);
    const key = `imports/${tenant}/group-members/members-${randomUUID()}.csv`;
    await s.dropCsv(key, ['group,identifier', ...uuids.map((u) => `${groupUuid},${u}`)].join('\n'));
    const head = await s.s3.send(new HeadObjectCommand({ Bucket: s.stack.bucket, Key: key }));
    const event = objectCreated(key, head.ETag!, head.ContentLength!);
    await s.send('imports', event);
    await s.send('imports', event);
    const jobId = await jobOfSource(tenant, key);
    const job = await settled(jobId);
    await s.send('imports', event);
    await s.idle();
    expect(await jobs().get(jobId)).toEqual(job);
    expect((await jobs().list({ tenant, sourceKey: key, pageSize: 10 })).count).toBe(1);
    expect(job).toMatchObject({ status: 'succeeded', total: 40, outcome_counts: { added: 40 } });
    await expectJobHonest(jobs(), jobId);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(40);
  });

  it('finishes an import whose start failed half way through the file when its event is delivered again', async () => {
    const { tenant, groupUuid, uuids } = await tenantWithLearners(1100);
    // The second chunk cannot be stored on the first delivery: the worker fails after the first.
    const fault = s.faults.inject({
      command: 'BatchWriteItemCommand',
      touching: 'CHUNK#000001',
      times: 1,
      answer: poison(),
    });
    const key = `imports/${tenant}/group-members/big-${randomUUID()}.csv`;
    await s.dropCsv(key, ['group,identifier', ...uuids.map((u) => `${groupUuid},${u}`)].join('\n'));
    const jobId = await jobOfSource(tenant, key);
    const job = await settled(jobId);
    expect(fault.hits).toBe(1);
    expect(job).toMatchObject({ status: 'succeeded', total: 1100, chunks_total: 3, outcome_counts: { added: 1100 } });
    await expectJobHonest(jobs(), jobId);
    expect(await expectGroupConsistent(repos(), groupUuid)).toHaveLength(1100);
  });
});

/** The EventBridge "Object Created" event AWS (and the local watcher) delivers for an upload. */
function objectCreated(key: string, etag: string, size: number): string {
  return JSON.stringify({
    version: '0',
    source: 'aws.s3',
    'detail-type': 'Object Created',
    detail: { bucket: { name: s.stack.bucket }, object: { key, size, etag: etag.replaceAll('"', '') } },
  });
}

async function jobOfSource(tenant: string, sourceKey: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await jobs().list({ tenant, sourceKey, pageSize: 10 });
    if (page.items[0]) return page.items[0].job_id;
    if (Date.now() > deadline) throw new Error(`no job for ${sourceKey}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
