import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';

const tenant = randomUUID();
let admin: string;
const GROUPS = '/api/v1/enterprise-group';
const LEARNERS = `/api/v1/enterprise-customer/${tenant}/learners`;

async function waitForJob(statusUrl: string, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await api('GET', statusUrl, { token: admin });
    expect(job.status).toBe(200);
    if (!['queued', 'running'].includes(job.json.status)) return job.json;
    if (Date.now() > deadline) throw new Error(`job still ${job.json.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** An instant strictly between what happened before this call and what happens after it. */
async function instant() {
  await new Promise((r) => setTimeout(r, 20));
  const at = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  return at;
}

/** Every member of the group at `asOf`, read page by page, with the `count` each page gave. */
async function membersAt(groupUuid: string, asOf: string) {
  const uuids: string[] = [];
  const counts = new Set<number>();
  let url: string | null = `${GROUPS}/${groupUuid}/learners/?page_size=1000&as_of=${encodeURIComponent(asOf)}`;
  while (url) {
    const page = await api('GET', url, { token: admin });
    expect(page.status, page.text).toBe(200);
    uuids.push(...page.json.results.map((m: { learner_uuid: string }) => m.learner_uuid));
    counts.add(page.json.count);
    url = page.json.next;
  }
  expect([...counts]).toEqual([uuids.length]);
  return uuids.sort();
}

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
});

describe('membership as of a moment, over HTTP', () => {
  it(
    'answers the members before and after a bulk assign job and a removal, exactly',
    { timeout: 300_000 },
    async () => {
      const uuids = Array.from({ length: 1200 }, () => randomUUID());
      const bulk = await api('POST', `${LEARNERS}/bulk`, {
        token: admin,
        body: { learners: uuids.map((learner_uuid, i) => ({ learner_uuid, email: `asof-${i}@example.com` })) },
      });
      expect(bulk.status).toBe(202);
      expect(await waitForJob(bulk.json.status_url)).toMatchObject({ status: 'succeeded', succeeded: 1200 });
      const group = (
        await api('POST', `${GROUPS}/`, { token: admin, body: { name: 'As of', enterprise_customer_uuid: tenant } })
      ).json;

      const beforeJob = await instant();
      const accepted = await api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
        token: admin,
        body: { learner_uuids: uuids },
      });
      expect(accepted.status).toBe(202);
      expect(await waitForJob(accepted.json.status_url)).toMatchObject({ status: 'succeeded', succeeded: 1200 });
      const afterJob = await instant();
      const removed = uuids.slice(0, 200);
      const removal = await api('POST', `${GROUPS}/${group.group_uuid}/remove_learners`, {
        token: admin,
        body: { learner_uuids: removed },
      });
      expect(removal.status).toBe(200);
      const afterRemoval = await instant();

      expect(await membersAt(group.group_uuid, beforeJob)).toEqual([]);
      expect(await membersAt(group.group_uuid, afterJob)).toEqual([...uuids].sort());
      expect(await membersAt(group.group_uuid, afterRemoval)).toEqual(uuids.slice(200).sort());

      const groupsOf = async (learnerUuid: string, asOf: string) => {
        const answer = await api('GET', `${LEARNERS}/${learnerUuid}/groups/?as_of=${encodeURIComponent(asOf)}`, {
          token: admin,
        });
        expect(answer.status, answer.text).toBe(200);
        return answer.json.results.map((g: { group_uuid: string }) => g.group_uuid);
      };
      expect(await groupsOf(removed[0]!, beforeJob)).toEqual([]);
      expect(await groupsOf(removed[0]!, afterJob)).toEqual([group.group_uuid]);
      expect(await groupsOf(removed[0]!, afterRemoval)).toEqual([]);
      expect(await groupsOf(uuids[1000]!, afterRemoval)).toEqual([group.group_uuid]);
    },
  );

  it('refuses an as_of in the future, malformed, or with a search, naming query.as_of', async () => {
    const group = (
      await api('POST', `${GROUPS}/`, { token: admin, body: { name: 'As of bad', enterprise_customer_uuid: tenant } })
    ).json;
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
      {
        token: admin,
      },
    );
    expect(listing.status).toBe(400);
  });
});
