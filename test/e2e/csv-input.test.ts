import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';
import { endedJobOfSource } from './job-waits';
import { E2E_MAX_IMPORT_BYTES } from './stack-settings';
import { tenantDigest } from './tenant-state';
import { uploadCsv } from './upload-csv';

/**
 * CSV drops that cannot be imported as they are: wrong encodings, a header and nothing else, a
 * file over the size limit (the e2e stack lowers it; production keeps 100 MiB), ragged and bad rows.
 * A file the service cannot read fails its job with a reason naming the line, and changes nothing;
 * a bad row fails alone with its line; a UTF-8 byte-order mark is fine.
 */
let tenant: string;
let admin: string;
let groupUuid: string;

beforeAll(async () => {
  tenant = randomUUID();
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: 'csv-input-admin' });
  const group = await api('POST', '/api/v1/enterprise-group/', {
    token: admin,
    body: { name: 'CSV input', enterprise_customer_uuid: tenant, external_id: 'CSV-IN' },
  });
  groupUuid = group.json.group_uuid;
});

/** Drops a file through an upload from the API and waits for its job to end. */
async function importFile(kind: string, body: Uint8Array | string) {
  return endedJobOfSource(admin, tenant, await uploadCsv(admin, tenant, kind, body));
}

/** Everything stored for the tenant, its jobs (which record every drop) left out. */
async function state() {
  return (await tenantDigest(tenant))
    .split('\n')
    .filter((item) => !item.includes('"JOB#'))
    .join('\n');
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('CSV files that cannot be imported as they are', () => {
  it('fails files it cannot read, with the reason, and changes nothing', async () => {
    const before = await state();
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['UTF-16 with a byte-order mark', utf16le('email,first_name\nann@example.com,Ann\n'), /UTF-16/],
      ['UTF-16 without one', Buffer.from('email,first_name\nann@example.com,Ann\n', 'utf16le'), /NUL bytes/],
      [
        'Latin-1',
        Buffer.concat([
          Buffer.from('email,first_name\nann@example.com,Ann\njose@example.com,Jos'),
          Buffer.from([0xe9]),
          Buffer.from('\n'),
        ]),
        /line 3 is not UTF-8/,
      ],
      ['a header and no rows', 'email,first_name\r\n\r\n', /no rows/],
      ['empty', '', /empty/],
      ['an unterminated quote', 'email,first_name\nann@example.com,"Ann\n', /cannot be read as CSV/],
      [
        'over the size limit',
        `email,first_name\n${Array.from({ length: E2E_MAX_IMPORT_BYTES / 15 }, (_, i) => `big-${i}@example.com,Big`).join('\n')}\n`,
        new RegExp(`at most ${E2E_MAX_IMPORT_BYTES}`),
      ],
    ];
    for (const [what, body, reason] of cases) {
      const job = await importFile('learners', body);
      expect(job.status, what).toBe('failed');
      expect(job.error, what).toMatch(reason);
      expect(job.processed, what).toBe(0);
    }
    expect(await state()).toBe(before);
  });

  it('imports a file with a UTF-8 byte-order mark and CRLF, failing its ragged and bad rows alone by line', async () => {
    const learner = randomUUID();
    const created = await api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${learner}/`, {
      token: admin,
      body: { email: `known-${tenant}@example.com` },
    });
    expect(created.status).toBe(201);
    const csv =
      '\uFEFFgroup,identifier,action\r\n' +
      `CSV-IN,${learner},add\r\n` +
      'CSV-IN,too,many,fields\r\n' +
      'CSV-IN\r\n' +
      `CSV-IN,${learner},promote\r\n` +
      'No such group,x@example.com,add\r\n';
    const job = await importFile('group-members', csv);
    expect(job).toMatchObject({ status: 'completed_with_errors', total: 5, succeeded: 1, failed: 4 });
    const rows = (await api('GET', `/api/v1/jobs/${job.job_id}/results/`, { token: admin })).json.results;
    expect(rows.map((r: { index: number; outcome: string }) => [r.index, r.outcome])).toEqual([
      [2, 'added'],
      [3, 'invalid_row'],
      [4, 'invalid_row'],
      [5, 'failed'],
      [6, 'failed'],
    ]);
    expect(rows[1].message).toMatch(/line 3 has 4 fields/);
    const group = await api('GET', `/api/v1/enterprise-group/${groupUuid}/`, { token: admin });
    expect(group.json.member_count).toBe(1);
  });
});
