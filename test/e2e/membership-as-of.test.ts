import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { answered } from '#local/client/api-client';
import { api, tokenFor, typedApi } from './client';

const tenant = randomUUID();
let admin: string;
let client: ReturnType<typeof typedApi>;
const GROUPS = '/api/v1/enterprise-group';

async function waitForJob(jobId: string, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = answered('GET job', await client.GET('/api/v1/jobs/{job_id}', { params: { path: { job_id: jobId } } }));
    if (!['queued', 'running'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The job of an answer that may be synchronous or a job (202): here it must be a job. */
function jobIdOf(answer: object): string {
  const jobId = (answer as { job_id?: unknown }).job_id;
  if (typeof jobId !== 'string') throw new Error(`expected a job, got ${JSON.stringify(answer).slice(0, 200)}`);
  return jobId;
}

/** An instant strictly between what happened before this call and what happens after it. */
async function instant() {
  await new Promise((r) => setTimeout(r, 20));
  const at = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  return at;
}

/** Every member of the group at `asOf`, read page by page through the typed client, checking each page's `count`. */
async function membersAt(groupUuid: string, asOf: string) {
  const uuids: string[] = [];
  const counts = new Set<number>();
  let cursor: string | undefined;
  do {
    const page = answered(
      'GET members as_of',
      await client.GET('/api/v1/enterprise-group/{group_uuid}/learners', {
        params: { path: { group_uuid: groupUuid }, query: { as_of: asOf, page_size: 1000, ...(cursor && { cursor }) } },
      }),
    );
    uuids.push(...page.results.map((m) => m.learner_uuid ?? ''));
    counts.add(page.count);
    cursor = page.next ? (new URL(page.next).searchParams.get('cursor') ?? undefined) : undefined;
  } while (cursor);
  expect([...counts]).toEqual([uuids.length]);
  return uuids.sort();
}

async function groupsOf(learnerUuid: string, asOf: string) {
  const page = answered(
    "GET a learner's groups as_of",
    await client.GET('/api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}/groups', {
      params: { path: { enterprise_uuid: tenant, learner_uuid: learnerUuid }, query: { as_of: asOf } },
    }),
  );
  return page.results.map((g) => g.group_uuid);
}

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
  client = typedApi(admin);
});

describe('membership as of a moment, over HTTP with the typed client', () => {
  it(
    'answers the members before and after a bulk assign job and a removal, exactly',
    { timeout: 300_000 },
    async () => {
      const uuids = Array.from({ length: 1200 }, () => randomUUID());
      const bulk = answered(
        'POST learners/bulk',
        await client.POST('/api/v1/enterprise-customer/{enterprise_uuid}/learners/bulk', {
          params: { path: { enterprise_uuid: tenant } },
          body: { learners: uuids.map((learner_uuid, i) => ({ learner_uuid, email: `asof-${i}@example.com` })) },
        }),
      );
      expect(await waitForJob(jobIdOf(bulk))).toMatchObject({ status: 'succeeded', succeeded: 1200 });
      const group = answered(
        'POST group',
        await client.POST('/api/v1/enterprise-group', {
          body: { name: 'As of', enterprise_customer_uuid: tenant },
        }),
      );

      const beforeJob = await instant();
      const assigned = answered(
        'POST assign_learners',
        await client.POST('/api/v1/enterprise-group/{group_uuid}/assign_learners', {
          params: { path: { group_uuid: group.group_uuid } },
          body: { learner_uuids: uuids },
        }),
      );
      expect(await waitForJob(jobIdOf(assigned))).toMatchObject({ status: 'succeeded', succeeded: 1200 });
      const afterJob = await instant();
      const removed = uuids.slice(0, 200);
      const removal = await client.POST('/api/v1/enterprise-group/{group_uuid}/remove_learners', {
        params: { path: { group_uuid: group.group_uuid } },
        body: { learner_uuids: removed },
      });
      expect(removal.response.status).toBe(200);
      const afterRemoval = await instant();

      expect(await membersAt(group.group_uuid, beforeJob)).toEqual([]);
      expect(await membersAt(group.group_uuid, afterJob)).toEqual([...uuids].sort());
      expect(await membersAt(group.group_uuid, afterRemoval)).toEqual(uuids.slice(200).sort());

      expect(await groupsOf(removed[0]!, beforeJob)).toEqual([]);
      expect(await groupsOf(removed[0]!, afterJob)).toEqual([group.group_uuid]);
      expect(await groupsOf(removed[0]!, afterRemoval)).toEqual([]);
      expect(await groupsOf(uuids[1000]!, afterRemoval)).toEqual([group.group_uuid]);
    },
  );

  it('refuses an as_of in the future, malformed, or with a search, naming query.as_of', async () => {
    const group = answered(
      'POST group',
      await client.POST('/api/v1/enterprise-group', {
        body: { name: 'As of bad', enterprise_customer_uuid: tenant },
      }),
    );
    const at = (query: string) => api('GET', `${GROUPS}/${group.group_uuid}/learners/?${query}`, { token: admin });
    for (const query of [
      `as_of=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
      'as_of=yesterday',
      'as_of=2026-13-01T00:00:00Z',
      `as_of=${encodeURIComponent(new Date().toISOString())}&search=ada`,
    ]) {
      const answer = await at(query);
      expect(answer.status, query).toBe(400);
      expect(
        answer.json.details.map((d: { path: string }) => d.path),
        query,
      ).toContain('query.as_of');
    }
    const tenYears = await at(`as_of=${encodeURIComponent('2016-01-01T00:00:00Z')}`);
    expect(tenYears.status).toBe(400);
    expect(tenYears.json.message).toMatch(/last 400 days/);
    const listing = await api(
      'GET',
      `${GROUPS}/?enterprise_uuid=${tenant}&as_of=${encodeURIComponent(new Date().toISOString())}`,
      { token: admin },
    );
    expect(listing.status).toBe(400);
  });
});
