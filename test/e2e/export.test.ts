import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';
import { jobEnded } from './job-waits';
import { E2E_MAX_SYNC_EXPORT } from './stack-settings';

const tenant = randomUUID();
let admin: string;
let group: { group_uuid: string };

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
  group = (
    await api('POST', '/api/v1/enterprise-group/', {
      token: admin,
      body: { name: 'Export me', enterprise_customer_uuid: tenant },
    })
  ).json;
  const learner = randomUUID();
  await api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${learner}`, {
    token: admin,
    body: {
      email: 'formula@example.com',
      first_name: '=HYPERLINK("http://evil")',
      last_name: '+1',
      employee_id: '@SUM(A1)',
    },
  });
  await api('POST', `/api/v1/enterprise-group/${group.group_uuid}/assign_learners`, {
    token: admin,
    body: { learner_uuids: [learner], learner_emails: ['pending@example.com'] },
  });
});

describe('GET …/export/', () => {
  it('returns the members as CSV with formula cells neutralised', async () => {
    const res = await api(
      'GET',
      `/api/v1/enterprise-group/${group.group_uuid}/export/?columns=email,first_name,last_name,employee_id,status`,
      {
        token: admin,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.trim().split('\n').sort();
    expect(lines).toEqual(
      [
        'email,first_name,last_name,employee_id,status',
        `formula@example.com,"'=HYPERLINK(""http://evil"")",'+1,'@SUM(A1),active`,
        'pending@example.com,,,,pending',
      ].sort(),
    );
  });

  it('honours the delimiter and include_header, and names a bad column', async () => {
    const res = await api(
      'GET',
      `/api/v1/enterprise-group/${group.group_uuid}/export/?columns=email,status&delimiter=;&include_header=false`,
      {
        token: admin,
      },
    );
    expect(res.text.trim().split('\n').sort()).toEqual(['formula@example.com;active', 'pending@example.com;pending']);
    const bad = await api('GET', `/api/v1/enterprise-group/${group.group_uuid}/export/?columns=email,password`, {
      token: admin,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.details[0].path).toMatch(/^query\.columns/);
  });

  it('hides another tenant’s group', async () => {
    const other = await tokenFor({ roles: ['enterprise_admin'], enterprises: [randomUUID()] });
    expect((await api('GET', `/api/v1/enterprise-group/${group.group_uuid}/export/`, { token: other })).status).toBe(
      404,
    );
  });
});

describe('GET …/export/ of a group over the synchronous limit', () => {
  const exportOf = (uuid: string, columns = 'email,status') =>
    api('GET', `/api/v1/enterprise-group/${uuid}/export/?columns=${columns}`, { token: admin });
  const invite = (uuid: string, emails: string[]) =>
    api('POST', `/api/v1/enterprise-group/${uuid}/assign_learners`, { token: admin, body: { learner_emails: emails } });

  it('ends a succeeded job whose presigned link downloads the CSV of the members', async () => {
    const big = (
      await api('POST', '/api/v1/enterprise-group/', {
        token: admin,
        body: { name: `Downloaded export ${randomUUID()}`, enterprise_customer_uuid: tenant },
      })
    ).json;
    const emails = Array.from({ length: E2E_MAX_SYNC_EXPORT + 1 }, (_, i) => `dl-${i}-${randomUUID()}@example.com`);
    expect((await invite(big.group_uuid, emails)).status).toBe(201);

    const accepted = await exportOf(big.group_uuid);
    expect(accepted.status).toBe(202);
    const job = await jobEnded(admin, accepted.json.status_url, 120_000);
    expect(job.status).toBe('succeeded');
    expect(job.results_file).toMatchObject({
      key: `exports/${tenant}/${big.group_uuid}/${job.job_id}.csv`,
      download_url: expect.stringMatching(/^https?:\/\//),
    });

    const download = await fetch(job.results_file.download_url);
    expect(download.status).toBe(200);
    const lines = (await download.text()).trim().split('\n');
    expect(lines[0]).toBe('email,status');
    expect(lines.slice(1).sort()).toEqual(emails.map((e) => `${e},pending`).sort());
  });

  it('answers 202 with the same job while the group is unchanged, and a new one for other columns or after a change', async () => {
    const big = (
      await api('POST', '/api/v1/enterprise-group/', {
        token: admin,
        body: { name: `Big export ${randomUUID()}`, enterprise_customer_uuid: tenant },
      })
    ).json;
    const emails = Array.from({ length: E2E_MAX_SYNC_EXPORT + 1 }, (_, i) => `big-${i}-${randomUUID()}@example.com`);
    expect((await invite(big.group_uuid, emails)).status).toBe(201);

    const first = await exportOf(big.group_uuid);
    expect(first.status).toBe(202);
    const again = await exportOf(big.group_uuid);
    expect(again.status).toBe(202);
    expect(again.json.job_id).toBe(first.json.job_id);
    const jobs = await api(
      'GET',
      `/api/v1/jobs/?enterprise_uuid=${tenant}&source_key=api:export_members:${big.group_uuid}`,
      {
        token: admin,
      },
    );
    expect(jobs.json.count).toBe(1);

    const otherColumns = await exportOf(big.group_uuid, 'email');
    expect(otherColumns.status).toBe(202);
    expect(otherColumns.json.job_id).not.toBe(first.json.job_id);

    expect((await invite(big.group_uuid, [`late-${randomUUID()}@example.com`])).status).toBe(201);
    const afterChange = await exportOf(big.group_uuid);
    expect(afterChange.status).toBe(202);
    expect(afterChange.json.job_id).not.toBe(first.json.job_id);
  });
});
