import { randomUUID } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { api, tokenFor } from './client';
import { endedJobOfSource } from './job-waits';
import { tenantDigest } from './tenant-state';
import { requestUpload } from './upload-csv';

/**
 * S1: a CSV drop carries authorization. Files go in through an upload the API grants an admin of the
 * tenant (or staff): a presigned PUT bound to tenant, kind and key, its grant recorded. A file put
 * straight into the bucket, or with forged grant metadata, still gets a job, which fails with
 * `unauthorized_upload`, and a results file saying why; nothing of it is imported.
 */
const local = inject('localStack');
const s3 = new S3Client({
  endpoint: local.endpoints.s3,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

const tenant = randomUUID();
const other = randomUUID();
let admin: string;
let otherAdmin: string;
let learner: string;
const CSV = 'email,first_name\nupload-ann@example.com,Ann\n';

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: 'upload-admin' });
  otherAdmin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [other], sub: 'upload-other-admin' });
  learner = await tokenFor({ roles: ['learner'], enterprises: [tenant], sub: randomUUID() });
});

async function resultsOf(job: { results_file: { key: string } }) {
  const file = await s3.send(new GetObjectCommand({ Bucket: local.bucket, Key: job.results_file.key }));
  return parse(await file.Body!.transformToString(), { columns: true }) as Record<string, string>[];
}

const learners = async () =>
  (await api('GET', `/api/v1/enterprise-customer/${tenant}/learners/`, { token: admin })).json.results.map(
    (l: { email: string }) => l.email,
  );

describe('uploading a CSV through the API', () => {
  it('imports a file PUT to the granted link, as the admin who asked for it', async () => {
    const answer = await api('POST', `/api/v1/enterprise-customer/${tenant}/imports`, {
      token: admin,
      body: { kind: 'learners', file_name: 'people.csv' },
    });
    expect(answer.status, answer.text).toBe(201);
    const { upload, key, upload_id, expires_at, status_url } = answer.json;
    expect(key).toBe(`imports/${tenant}/learners/${upload_id}/people.csv`);
    expect(upload.method).toBe('PUT');
    expect(upload.headers).toMatchObject({
      'content-type': 'text/csv',
      'x-amz-meta-upload-id': upload_id,
      'x-amz-meta-enterprise-uuid': tenant,
      'x-amz-meta-kind': 'learners',
      'x-amz-meta-uploader-sub': 'upload-admin',
    });
    // The metadata is signed, not a query parameter the uploader could leave out.
    expect(new URL(upload.url).searchParams.get('X-Amz-SignedHeaders')).toContain('x-amz-meta-upload-id');
    expect(Date.parse(expires_at)).toBeGreaterThan(Date.now());

    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: CSV });
    expect(put.status).toBe(200);
    const job = await endedJobOfSource(admin, tenant, key);
    expect(job).toMatchObject({ status: 'succeeded', total: 1, succeeded: 1, created_by: 'upload-admin' });
    expect(
      (await api('GET', new URL(status_url).pathname + new URL(status_url).search, { token: admin })).json,
    ).toMatchObject({ count: 1, results: [{ job_id: job.job_id }] });
    expect(await learners()).toContain('upload-ann@example.com');
  });

  it("refuses an upload of tenant A to tenant B's admin and to a learner of A (403), and grants staff", async () => {
    for (const token of [otherAdmin, learner]) {
      const answer = await api('POST', `/api/v1/enterprise-customer/${tenant}/imports`, {
        token,
        body: { kind: 'learners', file_name: 'people.csv' },
      });
      expect(answer.status, answer.text).toBe(403);
      expect(answer.json.code).toBe('forbidden');
    }
    const staff = await tokenFor({ roles: ['staff'], sub: 'upload-staff' });
    expect((await requestUpload(staff, tenant, 'learners', 'people.csv')).key).toMatch(`imports/${tenant}/learners/`);
  });

  it('refuses a kind it does not import and a file name that is not a safe .csv base name (400)', async () => {
    for (const [body, field] of [
      [{ kind: 'groups', file_name: 'a.csv' }, 'body.kind'],
      [{ kind: 'learners', file_name: '../a.csv' }, 'body.file_name'],
      [{ kind: 'learners', file_name: 'a.txt' }, 'body.file_name'],
      [{ kind: 'learners', file_name: `${'a'.repeat(197)}.csv` }, 'body.file_name'],
    ] as const) {
      const answer = await api('POST', `/api/v1/enterprise-customer/${tenant}/imports`, { token: admin, body });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.json.details.map((d: { path: string }) => d.path)).toContain(field);
    }
  });
});

describe('a CSV put into the bucket without a grant', () => {
  it('fails its job as unauthorized_upload with a results file saying why, and imports nothing', async () => {
    const before = await tenantDigest(tenant);
    const key = `imports/${tenant}/learners/direct-${randomUUID()}.csv`;
    await s3.send(new PutObjectCommand({ Bucket: local.bucket, Key: key, Body: 'email\nsneaky@example.com\n' }));
    const job = await endedJobOfSource(admin, tenant, key);
    expect(job).toMatchObject({ status: 'failed', processed: 0, created_by: `s3:${local.bucket}` });
    expect(job.error).toMatch(/^unauthorized_upload: the file carries no upload grant/);
    expect(job.results_file.key).toBe(key.replace(/^imports\//, 'results/'));
    expect(await resultsOf(job)).toEqual([
      { line: '', outcome: 'failed', code: 'unauthorized_upload', message: job.error },
    ]);
    expect(await learners()).not.toContain('sneaky@example.com');
    const after = await tenantDigest(tenant);
    expect(after.split('\n').filter((item) => !item.includes('"JOB#'))).toEqual(
      before.split('\n').filter((item) => !item.includes('"JOB#')),
    );
  });

  it('refuses forged grant metadata: an upload id never granted, or a real grant on another tenant', async () => {
    const forged = {
      'upload-id': randomUUID(),
      'enterprise-uuid': tenant,
      kind: 'learners',
      'uploader-issuer': 'https://forged.example',
      'uploader-sub': 'upload-admin',
    };
    const key = `imports/${tenant}/learners/forged-${randomUUID()}.csv`;
    await s3.send(new PutObjectCommand({ Bucket: local.bucket, Key: key, Body: CSV, Metadata: forged }));
    const job = await endedJobOfSource(admin, tenant, key);
    expect(job).toMatchObject({ status: 'failed', processed: 0 });
    expect(job.error).toBe(`unauthorized_upload: upload ${forged['upload-id']} was not granted by this service`);
    expect((await resultsOf(job))[0]).toMatchObject({ code: 'unauthorized_upload', message: job.error });

    // A grant of tenant A (its metadata as signed) replayed onto a key of tenant B.
    const { upload, upload_id } = await requestUpload(admin, tenant, 'learners', 'people.csv');
    const metadata = Object.fromEntries(
      Object.entries(upload.headers)
        .filter(([name]) => name.startsWith('x-amz-meta-'))
        .map(([name, value]) => [name.slice('x-amz-meta-'.length), value]),
    );
    const elsewhere = `imports/${other}/learners/${upload_id}/people.csv`;
    await s3.send(new PutObjectCommand({ Bucket: local.bucket, Key: elsewhere, Body: CSV, Metadata: metadata }));
    const replayed = await endedJobOfSource(otherAdmin, other, elsewhere);
    expect(replayed).toMatchObject({ status: 'failed', processed: 0 });
    expect(replayed.error).toBe(`unauthorized_upload: upload ${upload_id} was granted for another key`);
  });
});
