import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiUrl, tokenFor } from './client';
import { fuzzRequest, type KnownValues, type Operation, operationsOf, random } from './contract-fuzz';

/**
 * Every route, fed requests generated from the OpenAPI document (boundary, huge, nested, mistyped and
 * odd-unicode values, crafted cursors) by staff, a tenant's admin and a learner: none may answer 5xx.
 * `npm test` sends FUZZ_CASES (default 12) per route from a fixed seed; `npm run fuzz` sends many more
 * from a fresh seed, which it prints so a failure can be replayed with FUZZ_SEED.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 12);
const SEED =
  process.env.FUZZ_SEED === 'random' ? Date.now() % 1_000_000_000 : Number(process.env.FUZZ_SEED ?? 20_261_206);
const tenant = randomUUID();
const learner = randomUUID();
const known: KnownValues = {
  enterprise_uuid: [tenant],
  learner_uuid: [learner],
  course_id: ['course-v1:Fuzz+F1+2026'],
};
let operations: Operation[];
let tokens: string[];

beforeAll(async () => {
  const staff = await tokenFor({ roles: ['staff'], sub: 'fuzz-staff' });
  tokens = [
    staff,
    await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: 'fuzz-admin' }),
    await tokenFor({ roles: ['learner'], enterprises: [tenant], sub: learner }),
  ];
  operations = operationsOf((await api('GET', '/openapi.json')).json)
    // Deletions last, so the other routes meet the known group and learner alive.
    .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  const put = await api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${learner}/`, {
    token: staff,
    body: { email: `${learner}@example.com`, first_name: 'Fuzz', attributes: { site: 'plant-1' } },
  });
  expect(put.status, put.text).toBeLessThan(300);
  const group = await api('POST', '/api/v1/enterprise-group/', {
    token: staff,
    body: { name: 'Fuzzed', enterprise_customer_uuid: tenant },
  });
  expect(group.status, group.text).toBe(201);
  known.group_uuid = [group.json.uuid ?? group.json.group_uuid];
  await api('POST', `/api/v1/enterprise-group/${known.group_uuid[0]}/assign_learners`, {
    token: staff,
    body: { learner_uuids: [learner] },
  });
  const batch = await api('POST', `/api/v1/courses/${known.course_id![0]}/batches`, {
    token: staff,
    body: { name: 'Fuzz batch', enrollment_type: 'invite_only', enterprise_customer_uuid: tenant },
  });
  expect(batch.status, batch.text).toBe(201);
  known.batch_id = [batch.json.batch_id];
  await api('POST', `/api/v1/enterprise-group/`, {
    token: staff,
    body: { name: 'Fuzzed too', enterprise_customer_uuid: tenant },
  });
  // Real cursors of several listings, for the fuzz to alter (a key outside the listing, retyped, extended).
  const listings = [
    `/api/v1/enterprise-group/?enterprise_uuid=${tenant}&page_size=1`,
    `/api/v1/enterprise-group/${known.group_uuid[0]}/history?page_size=1`,
    `/api/v1/enterprise-customer/${tenant}/learners?page_size=1`,
  ];
  known.cursor = [];
  for (const listing of listings) {
    const page = await api('GET', listing, { token: staff });
    if (typeof page.json?.next === 'string')
      known.cursor.push(new URL(page.json.next, apiUrl).searchParams.get('cursor')!);
  }
  expect(known.cursor.length).toBeGreaterThan(0);
});

describe(`contract fuzz (${CASES} requests a route, seed ${SEED})`, () => {
  it('covers every route of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it(
    `answers no request with a 5xx (seed ${SEED}, ${CASES} requests a route)`,
    { timeout: Math.max(60_000, CASES * 1_500) },
    async () => {
      const failures: string[] = [];
      let sent = 0;
      for (const [index, op] of operations.entries()) {
        const r = random(SEED + index);
        for (let n = 0; n < CASES; n += 1) {
          const request = fuzzRequest(r, op, known);
          const token = r.pick(tokens);
          const response = await fetch(new URL(request.url, apiUrl), {
            method: request.method,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: request.body,
          });
          const text = await response.text();
          sent += 1;
          if (response.status >= 500) {
            failures.push(
              `${op.operationId} #${n} (seed ${SEED + index}) ${request.method} ${request.url.slice(0, 200)} ` +
                `[${request.mutation}] → ${response.status} ${text.slice(0, 200)}`,
            );
          }
        }
      }
      expect(sent).toBe(operations.length * CASES);
      expect(failures).toEqual([]);
    },
  );
});
