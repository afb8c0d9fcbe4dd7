import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { api, outboxFile, tokenFor } from './client';
import { jobEnded, jobOfSource } from './job-waits';
import { uploadCsv } from './upload-csv';

const tenant = randomUUID();
let staff: string;
const local = inject('localStack');
const s3 = new S3Client({
  endpoint: local.endpoints.s3,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

const BULK = '/api/bulk_enroll/v1/bulk_enroll/';
const LEARNERS = `/api/v1/enterprise-customer/${tenant}/learners`;

/** Drops a CSV, waits for its job and returns the job and the rows of its results file. */
async function importCsv(kind: string, csv: string) {
  const key = await uploadCsv(staff, tenant, kind, csv, `${kind}.csv`);
  const job = await jobEnded(staff, (await jobOfSource(staff, tenant, key)).job_id, 400_000);
  const file = await s3.send(new GetObjectCommand({ Bucket: local.bucket, Key: job.results_file.key }));
  const rows = parse(await file.Body!.transformToString(), { columns: true, bom: true }) as Record<string, string>[];
  return { job, rows };
}

async function createBatch(course: string) {
  const created = await api('POST', `/api/v1/courses/${course}/batches/`, {
    token: staff,
    body: { name: 'Big batch', enrollment_type: 'invite_only', enterprise_customer_uuid: tenant },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.batch_id as string;
}

async function putLearner(body: Record<string, unknown>, id = randomUUID()) {
  const res = await api('PUT', `${LEARNERS}/${id}/`, { token: staff, body });
  expect(res.status, res.text).toBe(201);
  return id;
}

beforeAll(async () => {
  staff = await tokenFor({ roles: ['staff'] });
});

describe('enrollment jobs over HTTP', () => {
  it(
    'adds 10,000 participants to an invite-only batch with 500 present: 202, 9,500 added, 500 skipped',
    { timeout: 600_000 },
    async () => {
      const uuids = Array.from({ length: 10_000 }, () => randomUUID());
      const bulk = await api('POST', `${LEARNERS}/bulk`, {
        token: staff,
        body: { learners: uuids.map((learner_uuid, i) => ({ learner_uuid, email: `p${i}-${tenant}@example.com` })) },
      });
      expect(bulk.status, bulk.text).toBe(202);
      expect(await jobEnded(staff, bulk.json.status_url, 400_000)).toMatchObject({
        status: 'succeeded',
        succeeded: 10_000,
      });

      const batchId = await createBatch(`do_${randomUUID().slice(0, 12)}`);
      const present = await api('POST', `/api/v1/batches/${batchId}/participants/add`, {
        token: staff,
        body: { identifier_type: 'user_id', identifiers: uuids.slice(0, 500) },
      });
      expect(present.status).toBe(201);

      const accepted = await api('POST', `/api/v1/batches/${batchId}/participants/add`, {
        token: staff,
        body: { identifier_type: 'user_id', identifiers: uuids },
      });
      expect(accepted.status, accepted.text).toBe(202);
      expect(accepted.json).toMatchObject({ total: 10_000, status_url: expect.stringContaining('/api/v1/jobs/') });
      const job = await jobEnded(staff, accepted.json.status_url, 400_000);
      expect(job).toMatchObject({ status: 'succeeded', total: 10_000, succeeded: 9_500, skipped: 500, failed: 0 });
      expect(job.outcome_counts).toEqual({ added: 9_500, already_present: 500 });
      const batch = await api('GET', `/api/v1/batches/${batchId}/`, { token: staff });
      expect(batch.json.participant_count).toBe(10_000);
    },
  );

  it('turns bulk_enroll over 1,000 identifier×course pairs into a job with per-course before/after', async () => {
    const known = await putLearner({ email: `known-${tenant}@example.com` });
    const C1 = `course-v1:edX+Big+${randomUUID().slice(0, 6)}`;
    const C2 = `course-v1:edX+Big2+${randomUUID().slice(0, 6)}`;
    const identifiers = [known, ...Array.from({ length: 500 }, (_, i) => `big${i}-${tenant}@example.com`), 'nobody'];
    const admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
    const body = {
      action: 'enroll',
      courses: [C1, C2],
      identifiers,
      auto_enroll: true,
      enterprise_customer_uuid: tenant,
    };
    expect((await api('POST', BULK, { token: admin, body })).status).toBe(403);
    const accepted = await api('POST', BULK, { token: staff, body });
    expect(accepted.status, accepted.text).toBe(202);
    const job = await jobEnded(staff, accepted.json.status_url, 400_000);
    expect(job).toMatchObject({ kind: 'bulk_enroll', total: 502, succeeded: 501, failed: 1 });
    expect(job.outcome_counts).toEqual({ enrolled: 1, allowed: 500, invalid_identifier: 1 });
    const results = await api('GET', `/api/v1/jobs/${job.job_id}/results/?page_size=3`, { token: staff });
    expect(results.status, results.text).toBe(200);
    const [first] = results.json.results;
    expect(first).toMatchObject({ identifier: known, outcome: 'enrolled' });
    expect(JSON.parse(first.message)[C2]).toEqual({
      outcome: 'enrolled',
      before: { user: true, enrollment: false, allowed: false, auto_enroll: false },
      after: { user: true, enrollment: true, allowed: false, auto_enroll: false },
    });
  });

  it('imports an enrollments CSV with one outcome per row', async () => {
    await putLearner({ email: `csv-${tenant}@example.com` });
    const C = `course-v1:edX+Csv+${randomUUID().slice(0, 6)}`;
    const csv =
      'course_id,identifier,action,cohort\n' +
      `${C},csv-${tenant}@example.com,,A\n` +
      `${C},someone-${tenant}@example.com,enroll,\n` +
      `${C},csv-${tenant}@example.com,unenroll,\n` +
      `bad/course,x@example.com,enroll,\n` +
      `${C},x@example.com,promote,\n`;
    const { job, rows } = await importCsv('enrollments', csv);
    expect(job).toMatchObject({ kind: 'import_enrollments', total: 5, succeeded: 3, failed: 2 });
    expect(rows.map((r) => [r.line, r.outcome, r.code])).toEqual([
      ['2', 'enrolled', 'enrolled'],
      ['3', 'allowed', 'allowed'],
      ['4', 'unenrolled', 'unenrolled'],
      ['5', 'failed', 'validation_error'],
      ['6', 'failed', 'validation_error'],
    ]);
    expect(JSON.parse(rows[0]!.message!).after).toMatchObject({ enrollment: true, cohort: 'A' });
  });

  it('imports a batch-participants CSV with one outcome per row', async () => {
    const a = await putLearner({ email: `bp-a-${tenant}@example.com`, employee_id: `EMP-${tenant}` });
    await putLearner({ email: `bp-b-${tenant}@example.com`, state_id: `ST-${tenant}` });
    const batchId = await createBatch(`do_${randomUUID().slice(0, 12)}`);
    const csv =
      'batch_id,identifier,action\n' +
      `${batchId},${a},add\n` +
      `${batchId},ST-${tenant},\n` +
      `${batchId},EMP-${tenant},add\n` +
      `${batchId},bp-b-${tenant}@example.com,remove\n` +
      `${batchId},nobody-here,add\n` +
      `${randomUUID()},${a},add\n`;
    const { job, rows } = await importCsv('batch-participants', csv);
    expect(job).toMatchObject({ kind: 'import_batch_participants', total: 6 });
    expect(rows.map((r) => [r.line, r.outcome])).toEqual([
      ['2', 'added'],
      ['3', 'added'],
      ['4', 'already_present'],
      ['5', 'removed'],
      ['6', 'not_found'],
      ['7', 'failed'],
    ]);
    expect((await api('GET', `/api/v1/batches/${batchId}/`, { token: staff })).json.participant_count).toBe(1);
  });

  it('puts one group_invitation on the outbox for an invited e-mail', async () => {
    const admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
    const group = await api('POST', '/api/v1/enterprise-group/', {
      token: admin,
      body: { name: `Invites ${randomUUID()}`, enterprise_customer_uuid: tenant },
    });
    expect(group.status, group.text).toBe(201);
    const email = `invitee-${randomUUID()}@example.com`;
    const assigned = await api('POST', `/api/v1/enterprise-group/${group.json.group_uuid}/assign_learners`, {
      token: admin,
      body: { learner_emails: [email] },
    });
    expect(assigned.status, assigned.text).toBe(201);
    const file = outboxFile;
    let invitations: { template: string; to: string; context: Record<string, unknown> }[] = [];
    for (let i = 0; i < 100 && invitations.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      invitations = existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l))
            .filter((m) => m.to === email)
        : [];
    }
    expect(invitations).toEqual([
      expect.objectContaining({
        template: 'group_invitation',
        context: expect.objectContaining({ group_uuid: group.json.group_uuid }),
      }),
    ]);
  });
});
