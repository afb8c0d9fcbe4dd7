import { beforeAll, describe, expect, it } from 'vitest';
import { api, type ApiResponse, tokenFor } from './client';
import { buildTenant, type TenantObjects } from './route-cases';

/**
 * Input that a schema let through but the storage could not take used to answer 500 (security
 * review C6): crafted cursors, oversize bulk rows, groups too large for one item, huge course
 * lists. Each now answers 400 naming the field, and nothing is stored or queued.
 */

let t: TenantObjects & { adminToken: string };
const GROUPS = '/api/v1/enterprise-group';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  t = await buildTenant('crafted-input-admin');
}, 180_000);

function expectNamed(answer: ApiResponse, code: string, path: string) {
  expect(answer.status, answer.text.slice(0, 300)).toBe(400);
  expect(answer.json.code).toBe(code);
  const paths = (answer.json.details as { path: string }[]).map((d) => d.path);
  expect(
    paths.some((p) => p === path || p.startsWith(`${path}.`)),
    `${path} in ${paths.join(', ')}`,
  ).toBe(true);
}

describe('crafted cursors', () => {
  it('refuses a cursor whose sort key is outside the listing, an object or missing, or with extra attributes', async () => {
    const pk = `GROUP#${t.groupUuid}`;
    const cursors = [
      { a: { PK: pk, SK: 'ZZZ' } },
      { b: { PK: pk, SK: 'GROUP' } },
      { a: { PK: pk, SK: { S: 'MEMBER#x' } } },
      { a: { PK: pk } },
      { a: { PK: pk, SK: 'MEMBER#L#x', extra: 'y' } },
      { a: { PK: pk, SK: '' } },
    ];
    for (const cursor of cursors) {
      const answer = await api('GET', `${GROUPS}/${t.groupUuid}/learners/?cursor=${b64(cursor)}`, {
        token: t.adminToken,
      });
      expectNamed(answer, 'invalid_cursor', 'query.cursor');
    }
  });

  it("refuses an index cursor without the table's keys, and a directory cursor outside its search", async () => {
    const learners = `/api/v1/enterprise-customer/${t.tenant}/learners/`;
    const partition = `TENANT#${t.tenant}#LEARNERS`;
    const noTableKeys = { a: { GSI1PK: partition, GSI1SK: `EMAIL#${t.learnerEmail}` } };
    expectNamed(
      await api('GET', `${learners}?cursor=${b64(noTableKeys)}`, { token: t.adminToken }),
      'invalid_cursor',
      'query.cursor',
    );
    // A valid cursor of the whole directory does not continue a search for another prefix.
    const outside = { a: { PK: 'LEARNER#x', SK: 'LEARNER', GSI1PK: partition, GSI1SK: 'EMAIL#zzz@example.com#x' } };
    expectNamed(
      await api('GET', `${learners}?search=sweep-&cursor=${b64(outside)}`, { token: t.adminToken }),
      'invalid_cursor',
      'query.cursor',
    );
  });

  it("reads a feed cursor past the feed's settled end as an empty page that gives the cursor back", async () => {
    // A position no event has reached yet (a forged one, or one written by a clock ahead of this one).
    const feed = `/api/v1/enterprise-customer/${t.tenant}/events/`;
    const ahead = b64({ t: '2999-01-01T00:00:00.000Z', i: `evt_${'A'.repeat(32)}` });
    for (const query of [`after=${ahead}`, `after=${ahead}&type=membership.*`]) {
      const answer = await api('GET', `${feed}?${query}`, { token: t.adminToken });
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      expect(answer.json).toMatchObject({ count: 0, results: [], next: null, after: ahead });
    }
  });

  it('still follows the cursors it hands out', async () => {
    const first = await api('GET', `${GROUPS}/?enterprise_uuid=${t.tenant}&page_size=1`, { token: t.adminToken });
    expect(first.status).toBe(200);
    expect(first.json.next).toEqual(expect.any(String));
    const second = await api('GET', new URL(first.json.next).pathname + new URL(first.json.next).search, {
      token: t.adminToken,
    });
    expect(second.status).toBe(200);
    expect(second.json.results.length).toBeGreaterThan(0);
  });
});

describe('bulk_enroll with too many courses', () => {
  it('refuses 30,000 courses naming body.courses, as a list or a comma string, and starts no job', async () => {
    const staff = await tokenFor({ roles: ['staff'], sub: 'crafted-input-staff' });
    const courses = Array.from({ length: 30_000 }, (_, i) => `course-v1:Crafted+C${i}+2026`);
    const jobsBefore = (await api('GET', `/api/v1/jobs/?enterprise_uuid=${t.tenant}`, { token: t.adminToken })).json
      .count;
    for (const list of [courses, courses.join(',')]) {
      const answer = await api('POST', '/api/bulk_enroll/v1/bulk_enroll/', {
        token: staff,
        body: { action: 'enroll', courses: list, identifiers: [t.learnerEmail], enterprise_customer_uuid: t.tenant },
      });
      expectNamed(answer, 'validation_error', 'body.courses');
    }
    const jobsAfter = (await api('GET', `/api/v1/jobs/?enterprise_uuid=${t.tenant}`, { token: t.adminToken })).json
      .count;
    expect(jobsAfter).toBe(jobsBefore);
  });
});

describe('bulk learners over the synchronous limit', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 'x' : { n: nested(depth - 1) });

  it('refuses a 420 KB field, 1e300 and 40 levels of nesting naming body.learners.N, and queues nothing', async () => {
    const jobs = async () =>
      (await api('GET', `/api/v1/jobs/?enterprise_uuid=${t.tenant}`, { token: t.adminToken })).json.count;
    const jobsBefore = await jobs();
    const rows = Array.from({ length: 1001 }, (_, i) => ({ email: `bulk-${i}-${t.tenant}@example.com` }));
    const bad: [unknown, string][] = [
      [{ email: `big-${t.tenant}@example.com`, first_name: 'x'.repeat(420_000) }, 'body.learners.1000.first_name'],
      [{ email: `num-${t.tenant}@example.com`, attributes: { score: 1e300 } }, 'body.learners.1000.attributes.score'],
      [{ email: `deep-${t.tenant}@example.com`, attributes: { deep: nested(40) } }, 'body.learners.1000.attributes'],
      [nested(40), 'body.learners.1000'],
    ];
    for (const [row, path] of bad) {
      const answer = await api('POST', `/api/v1/enterprise-customer/${t.tenant}/learners/bulk`, {
        token: t.adminToken,
        body: { learners: [...rows.slice(0, 1000), row] },
      });
      expectNamed(answer, 'validation_error', path);
    }
    expect(await jobs()).toBe(jobsBefore);
    const listed = await api('GET', `/api/v1/enterprise-customer/${t.tenant}/learners/?search=bulk-`, {
      token: t.adminToken,
    });
    expect(listed.json.count).toBe(0);
  });
});

describe('groups too large for one item', () => {
  const tags = Array.from({ length: 50 }, (_, i) => ({
    name: `tag-${i}`,
    values: Array.from({ length: 50 }, (_, j) => `${i}-${j}-`.padEnd(100, 'x')),
  }));
  const bigRule = (i: number) => ({
    type: 'attribute',
    payload: { field: `f${i}`, op: 'in', value: Array.from({ length: 100 }, (_, j) => `${j}`.padEnd(1000, 'v')) },
  });

  it('refuses a ruleset of 100 values of 1000 characters per rule naming body.ruleset, and creates nothing', async () => {
    const name = `Big rules ${t.tenant}`;
    const answer = await api('POST', `${GROUPS}/`, {
      token: t.adminToken,
      body: {
        name,
        enterprise_customer_uuid: t.tenant,
        type: 'automatic',
        ruleset: { operator: 'AND', sets: [{ rules: [0, 1, 2, 3, 4].map(bigRule) }] },
      },
    });
    expectNamed(answer, 'validation_error', 'body.ruleset');
    const listed = await api('GET', `${GROUPS}/?enterprise_uuid=${t.tenant}&search=Big`, { token: t.adminToken });
    expect(listed.json.count).toBe(0);
  });

  it('refuses a PATCH of 50 tags of 50 values of 100 characters naming body.tags, and the group stays as it was', async () => {
    const before = await api('GET', `${GROUPS}/${t.groupUuid}/`, { token: t.adminToken });
    const answer = await api('PATCH', `${GROUPS}/${t.groupUuid}/`, { token: t.adminToken, body: { tags } });
    expectNamed(answer, 'validation_error', 'body.tags');
    const after = await api('GET', `${GROUPS}/${t.groupUuid}/`, { token: t.adminToken });
    expect(after.json.version).toBe(before.json.version);
  });

  it('takes a large change that fits, and its history entry holds only the changed field', async () => {
    const fits = tags.map((tag) => ({ ...tag, values: tag.values.map((v) => v.slice(0, 50)) }));
    const answer = await api('PATCH', `${GROUPS}/${t.groupUuid}/`, { token: t.adminToken, body: { tags: fits } });
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    const history = await api('GET', `${GROUPS}/${t.groupUuid}/history/?page_size=1`, { token: t.adminToken });
    expect(history.status).toBe(200);
    expect(history.json.results[0]).toMatchObject({ action: 'group_updated', changes: { tags: { after: fits } } });
    expect(Object.keys(history.json.results[0].changes)).toEqual(['tags']);
  });
});

describe('an invalid body with very many problems', () => {
  it('bounds each problem’s message, so 50,000 unknown keys answer far below Lambda’s 6 MB', async () => {
    const body: Record<string, unknown> = { name: 'Many keys', enterprise_customer_uuid: t.tenant };
    for (let i = 0; i < 50_000; i++) body[`unknown_${i}`] = i;
    const answer = await api('POST', `${GROUPS}/`, { token: t.adminToken, body });
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(50_000);
    expect(answer.json.details[0]).toEqual({
      path: 'body',
      message: expect.stringMatching(/^Unrecognized keys: .*… \(\d+ more characters\)$/),
    });
  });
});

describe('text that becomes part of a key', () => {
  // 250 emoji pass a 255-character cap (zod counts code points) but make 1,000 bytes of a 1,024-byte sort key.
  const emoji = '😀'.repeat(250);

  it('refuses a group name over 900 bytes in UTF-8, on create and on update, naming body.name', async () => {
    expectNamed(
      await api('POST', `${GROUPS}/`, {
        token: t.adminToken,
        body: { name: emoji, enterprise_customer_uuid: t.tenant },
      }),
      'validation_error',
      'body.name',
    );
    expectNamed(
      await api('PATCH', `${GROUPS}/${t.groupUuid}/`, { token: t.adminToken, body: { name: emoji } }),
      'validation_error',
      'body.name',
    );
  });

  it('refuses a search over 900 bytes in UTF-8, naming query.search', async () => {
    const search = encodeURIComponent(emoji);
    expectNamed(
      await api('GET', `/api/v1/enterprise-customer/${t.tenant}/learners/?search=${search}`, { token: t.adminToken }),
      'validation_error',
      'query.search',
    );
    expectNamed(
      await api('GET', `${GROUPS}/${t.groupUuid}/learners/?search=${search}`, { token: t.adminToken }),
      'validation_error',
      'query.search',
    );
  });
});
