import { randomUUID } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { api, tokenFor } from './client';
import { jobEnded, jobOfSource } from './job-waits';
import { uploadCsv } from './upload-csv';

const tenant = randomUUID();
let admin: string;
const local = inject('localStack');
const s3 = new S3Client({
  endpoint: local.endpoints.s3,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

const GROUPS = '/api/v1/enterprise-group';
const LEARNERS = `/api/v1/enterprise-customer/${tenant}/learners`;

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
});

describe('bulk jobs over HTTP', () => {
  it(
    'assigns 5,000 learners in one call through a job, reporting duplicates per row',
    { timeout: 300_000 },
    async () => {
      const uuids = Array.from({ length: 5000 }, () => randomUUID());
      const bulk = await api('POST', `${LEARNERS}/bulk`, {
        token: admin,
        body: { learners: uuids.map((learner_uuid, i) => ({ learner_uuid, email: `bulk-${i}@example.com` })) },
      });
      expect(bulk.status).toBe(202);
      const learnersJob = await jobEnded(admin, bulk.json.status_url);
      expect(learnersJob).toMatchObject({ status: 'succeeded', total: 5000, succeeded: 5000, failed: 0 });

      const group = (
        await api('POST', `${GROUPS}/`, {
          token: admin,
          body: { name: 'Five thousand', enterprise_customer_uuid: tenant },
        })
      ).json;
      const identifiers = [...uuids, uuids[0]!, uuids[1]!.toUpperCase()];
      const accepted = await api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
        token: admin,
        body: { learner_uuids: identifiers },
      });
      expect(accepted.status).toBe(202);
      expect(accepted.json).toMatchObject({
        job_id: expect.any(String),
        status_url: expect.stringContaining(accepted.json.job_id),
      });

      const job = await jobEnded(admin, accepted.json.status_url);
      expect(job).toMatchObject({
        status: 'succeeded',
        total: 5002,
        processed: 5002,
        succeeded: 5000,
        skipped: 2,
        failed: 0,
        progress: 1,
      });
      expect(job.outcome_counts).toEqual({ added: 5000, duplicate_in_request: 2 });
      expect((await api('GET', `${GROUPS}/${group.group_uuid}/`, { token: admin })).json.member_count).toBe(5000);
      expect(
        (await api('GET', `${GROUPS}/${group.group_uuid}/learners/?status=active&page_size=1`, { token: admin })).json
          .count,
      ).toBe(5000);

      const dupes = await api('GET', `${job.results_url}?outcome=duplicate_in_request`, { token: admin });
      expect(dupes.json.count).toBe(2);
      expect(dupes.json.results.map((r: { index: number }) => r.index)).toEqual([5000, 5001]);
      const firstPage = await api('GET', `${job.results_url}?page_size=1000`, { token: admin });
      expect(firstPage.json.results).toHaveLength(1000);
      expect(firstPage.json.next).toEqual(expect.stringContaining('cursor='));
    },
  );

  it('imports a CSV dropped into the bucket and writes one outcome per row', async () => {
    const group = (
      await api('POST', `${GROUPS}/`, {
        token: admin,
        body: { name: 'From CSV', enterprise_customer_uuid: tenant, external_id: 'CSV-EXT' },
      })
    ).json;
    const learner = randomUUID();
    await api('PUT', `${LEARNERS}/${learner}`, {
      token: admin,
      body: { email: 'csv-known@example.com', employee_id: 'EMP-7' },
    });
    const csv =
      '\uFEFFgroup,identifier,action\r\n' +
      `${group.group_uuid},CSV-Known@example.com,add\r\n` +
      '\r\n' +
      'CSV-EXT,"new.person@example.com",\r\n' +
      'from csv,EMP-7,add\r\n' +
      'No such group,x@example.com,add\r\n' +
      'CSV-EXT,EMP-404,add\r\n' +
      'CSV-EXT,too,many,fields\r\n' +
      `CSV-EXT,${learner},promote\r\n`;
    const key = await uploadCsv(admin, tenant, 'group-members', csv, 'members.csv');

    const started = await jobOfSource(admin, tenant, key);
    const job = await jobEnded(admin, started.job_id);
    expect(job).toMatchObject({ status: 'completed_with_errors', total: 7, processed: 7, source_key: key });
    expect(job.outcome_counts).toEqual({
      added: 1,
      invited: 1,
      duplicate_in_request: 1,
      failed: 2,
      not_found: 1,
      invalid_row: 1,
    });
    expect(job.results_file.key).toBe(key.replace(/^imports\//, 'results/'));

    const file = await s3.send(new GetObjectCommand({ Bucket: local.bucket, Key: job.results_file.key }));
    const lines = (await file.Body!.transformToString()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('group,identifier,action,line,outcome,code,message');
    expect(lines).toHaveLength(8);
    const outcomes = lines.slice(1).map((l) => l.split(',')[4]);
    // Line 5 names, by employee id, the learner line 2 named by e-mail: one member, reported once, on its first line.
    expect(outcomes).toEqual([
      'added',
      'invited',
      'duplicate_in_request',
      'failed',
      'not_found',
      'invalid_row',
      'failed',
    ]);
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['2', '4', '5', '6', '7', '8', '9']);
    expect(lines[4]).toContain('group_not_found');
    expect((await api('GET', `${GROUPS}/${group.group_uuid}/`, { token: admin })).json.member_count).toBe(2);
    const download = await fetch(job.results_file.download_url);
    expect(download.status).toBe(200);
  });

  it('fails an import whose header cannot be used, with the reason, and runs a repeated drop once', async () => {
    const key = await uploadCsv(admin, tenant, 'learners', 'mail,first\nx@example.com,X\n', 'bad.csv');
    const job = await jobEnded(admin, (await jobOfSource(admin, tenant, key)).job_id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/missing column\(s\) email.*unknown column\(s\) "mail", "first"/);

    const body = 'email,first_name,employee_id\nann@example.com,Ann,E-1\nbad-email,Bo,E-2\n';
    const good = await uploadCsv(admin, tenant, 'learners', body, 'good.csv');
    const done = await jobEnded(admin, (await jobOfSource(admin, tenant, good)).job_id);
    expect(done).toMatchObject({ status: 'completed_with_errors', succeeded: 1, failed: 1 });
    const list = await api('GET', `/api/v1/jobs/?enterprise_uuid=${tenant}&source_key=${encodeURIComponent(good)}`, {
      token: admin,
    });
    expect(list.json.count).toBe(1);
  });
});
