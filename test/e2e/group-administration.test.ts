import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';

const GROUPS = '/api/v1/enterprise-group';
const tenant = randomUUID();
const customer = `/api/v1/enterprise-customer/${tenant}`;
const sub = `admin-${randomUUID()}`;
let admin: string;

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub });
});

async function createGroup(body: Record<string, unknown>) {
  const res = await api('POST', `${GROUPS}/`, { token: admin, body: { enterprise_customer_uuid: tenant, ...body } });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { group_uuid: string; version: number };
}

/** Creates learners through the bulk API; returns their uuids. */
async function learners(n: number, row: (i: number) => Record<string, unknown> = () => ({})): Promise<string[]> {
  const uuids = Array.from({ length: n }, () => randomUUID());
  const rows = uuids.map((learner_uuid, i) => ({ learner_uuid, email: `${learner_uuid}@example.com`, ...row(i) }));
  const res = await api('POST', `${customer}/learners/bulk`, { token: admin, body: { learners: rows } });
  expect(res.status).toBe(200);
  expect(res.json.count).toBe(n);
  return uuids;
}

const assign = (groupUuid: string, body: Record<string, unknown>) =>
  api('POST', `${GROUPS}/${groupUuid}/assign_learners`, { token: admin, body });

/** Every member listed, following `next` links. */
async function listAll(groupUuid: string, query = '') {
  const all: Record<string, unknown>[] = [];
  let url: string | null = `${GROUPS}/${groupUuid}/learners/?page_size=17${query}`;
  let count = -1;
  while (url) {
    const page = await api('GET', url, { token: admin });
    expect(page.status).toBe(200);
    all.push(...page.json.results);
    count = page.json.count;
    url = page.json.next;
  }
  return { all, count };
}

describe('user limit over HTTP', () => {
  it('lets 30 concurrent assigns of 10 learners fill a 50-seat group and never more', async () => {
    const group = await createGroup({ name: `Limited ${randomUUID()}`, user_limit: 50 });
    const uuids = await learners(300);
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        assign(group.group_uuid, { learner_uuids: uuids.slice(i * 10, i * 10 + 10) }),
      ),
    );
    expect(responses.every((r) => [201, 409].includes(r.status))).toBe(true);
    const full = responses.filter((r) => r.status === 409);
    expect(full.every((r) => r.json.code === 'user_limit_exceeded')).toBe(true);
    const answered = responses.filter((r) => r.status === 201).map((r) => r.json);
    const outcomes = answered.flatMap((b) => [...b.results, ...b.errors].map((x: { outcome: string }) => x.outcome));
    expect(outcomes.filter((o) => o === 'added')).toHaveLength(50);
    // Every learner that did not get a seat is reported: per identifier, or with its whole call.
    expect(outcomes.filter((o) => o === 'over_capacity').length + 10 * full.length).toBe(250);

    const read = await api('GET', `${GROUPS}/${group.group_uuid}/`, { token: admin });
    expect(read.json.member_count).toBe(50);
    const listed = await listAll(group.group_uuid);
    expect(listed.all).toHaveLength(50);
    expect(listed.count).toBe(50);
  });

  it('reports over_capacity past the limit, then refuses a call that cannot fit at all', async () => {
    const group = await createGroup({ name: `Five ${randomUUID()}`, user_limit: 5 });
    const uuids = await learners(10);
    const partial = await assign(group.group_uuid, { learner_uuids: uuids.slice(0, 8) });
    expect(partial.status).toBe(201);
    expect(partial.json.count).toBe(5);
    expect(partial.json.errors.map((e: { outcome: string }) => e.outcome)).toEqual(Array(3).fill('over_capacity'));
    const none = await assign(group.group_uuid, { learner_uuids: uuids.slice(8) });
    expect(none.status).toBe(409);
    expect(none.json).toMatchObject({ code: 'user_limit_exceeded', details: [{ path: 'body' }] });
    const lower = await api('PATCH', `${GROUPS}/${group.group_uuid}/`, { token: admin, body: { user_limit: 4 } });
    expect(lower.status).toBe(409);
    expect(lower.json.code).toBe('user_limit_below_member_count');
    expect((await createGroup({ name: `Zero ${randomUUID()}`, user_limit: null })).group_uuid).toBeDefined();
  });
});

describe('group fields over HTTP', () => {
  it('guards PATCH and DELETE with If-Match, finds groups by external and legacy id, and closes inactive groups', async () => {
    const externalId = `G-${randomUUID()}`;
    const group = await createGroup({ name: `Fields ${randomUUID()}`, external_id: externalId, legacy_id: 777 });
    const stale = await api('PATCH', `${GROUPS}/${group.group_uuid}/`, {
      token: admin,
      body: { description: 'x' },
      headers: { 'if-match': '"9"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.json.code).toBe('version_mismatch');
    const staleDelete = await api('DELETE', `${GROUPS}/${group.group_uuid}/`, {
      token: admin,
      headers: { 'if-match': '"9"' },
    });
    expect(staleDelete.status).toBe(412);

    const byExternal = await api('GET', `${GROUPS}/?enterprise_uuid=${tenant}&external_id=${externalId}`, {
      token: admin,
    });
    expect(byExternal.json).toMatchObject({ count: 1, results: [{ group_uuid: group.group_uuid }] });
    // The caller's sole tenant stands in for enterprise_uuid.
    const soleTenant = await api('GET', `${GROUPS}/?external_id=${externalId}`, { token: admin });
    expect(soleTenant.json.results.map((g: { group_uuid: string }) => g.group_uuid)).toEqual([group.group_uuid]);
    expect((await api('GET', `${GROUPS}/?external_id=nope`, { token: admin })).json.count).toBe(0);
    const byLegacy = await api('GET', `${GROUPS}/legacy/777/?enterprise_uuid=${tenant}`, { token: admin });
    expect(byLegacy.json.group_uuid).toBe(group.group_uuid);
    for (const [field, value] of [
      ['external_id', externalId],
      ['legacy_id', 777],
    ] as const) {
      const clash = await api('POST', `${GROUPS}/`, {
        token: admin,
        body: { name: `Clash ${randomUUID()}`, enterprise_customer_uuid: tenant, [field]: value },
      });
      expect(clash.status).toBe(409);
      expect(clash.json).toMatchObject({ code: `${field}_taken`, details: [{ path: `body.${field}` }] });
    }

    const closed = await api('PATCH', `${GROUPS}/${group.group_uuid}/`, {
      token: admin,
      body: { status: 'inactive' },
      headers: { 'if-match': `"${group.version}"` },
    });
    expect(closed.status).toBe(200);
    const [learner] = await learners(1);
    const refused = await assign(group.group_uuid, { learner_uuids: [learner] });
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('group_inactive');
  });

  it('lists the history of a group, newest first, with actor and before/after, even after deletion', async () => {
    const group = await createGroup({ name: `History ${randomUUID()}` });
    const [a, b] = await learners(2);
    await api('PATCH', `${GROUPS}/${group.group_uuid}/`, { token: admin, body: { description: 'audited' } });
    await assign(group.group_uuid, { learner_uuids: [a, b] });
    await api('POST', `${GROUPS}/${group.group_uuid}/remove_learners`, { token: admin, body: { learner_uuids: [a] } });
    expect((await api('DELETE', `${GROUPS}/${group.group_uuid}/`, { token: admin })).status).toBe(204);

    const first = await api('GET', `${GROUPS}/${group.group_uuid}/history/?page_size=2`, { token: admin });
    expect(first.status).toBe(200);
    expect(first.json.count).toBe(5);
    expect(first.json.results.map((e: { action: string }) => e.action)).toEqual([
      'group_deleted',
      'memberships_changed',
    ]);
    expect(first.json.results[1]).toMatchObject({
      actor: sub,
      member_count_delta: -1,
      members: [{ learner_uuid: a, outcome: 'removed', before: { status: 'active' }, after: { status: 'removed' } }],
    });
    const rest = await api('GET', first.json.next, { token: admin });
    expect(rest.json.results.map((e: { action: string }) => e.action)).toEqual([
      'memberships_changed',
      'group_updated',
    ]);
    expect(rest.json.results[1].changes).toEqual({ description: { before: null, after: 'audited' } });
    const other = await tokenFor({ roles: ['enterprise_admin'], enterprises: [randomUUID()] });
    expect((await api('GET', `${GROUPS}/${group.group_uuid}/history/`, { token: other })).status).toBe(404);
  });
});

describe('search and sort over HTTP', () => {
  it('sorts groups by member_count, searches names and descriptions, and searches members by name', async () => {
    const own = randomUUID();
    const token = await tokenFor({ roles: ['enterprise_admin'], enterprises: [own] });
    const make = async (name: string, description?: string) =>
      (
        await api('POST', `${GROUPS}/`, {
          token,
          body: { name, description, enterprise_customer_uuid: own },
        })
      ).json.group_uuid as string;
    const quiet = await make('Quiet', 'the NIGHT shift');
    const busy = await make('Busy');
    const rows = [
      { first_name: 'Ada', last_name: 'Lovelace' },
      { first_name: 'Grace', last_name: 'Hopper' },
    ].map((r) => ({ ...r, learner_uuid: randomUUID(), email: `${randomUUID()}@example.com` }));
    await api('POST', `/api/v1/enterprise-customer/${own}/learners/bulk`, { token, body: { learners: rows } });
    const ids = rows.map((r) => r.learner_uuid);
    await api('POST', `${GROUPS}/${busy}/assign_learners`, { token, body: { learner_uuids: ids } });
    await api('POST', `${GROUPS}/${quiet}/assign_learners`, { token, body: { learner_uuids: ids.slice(0, 1) } });

    const names = async (query: string) =>
      (await api('GET', `${GROUPS}/?enterprise_uuid=${own}&${query}`, { token })).json.results.map(
        (g: { name: string }) => g.name,
      );
    expect(await names('sort_by=member_count&sort_dir=desc')).toEqual(['Busy', 'Quiet']);
    expect(await names('sort_by=member_count&sort_dir=asc')).toEqual(['Quiet', 'Busy']);
    expect(await names('sort_by=modified&sort_dir=desc')).toEqual(['Quiet', 'Busy']);
    expect(await names('search=night')).toEqual(['Quiet']);
    expect(await names('search=bus')).toEqual(['Busy']);
    const badSort = await api('GET', `${GROUPS}/?enterprise_uuid=${own}&sort_by=color`, { token });
    expect(badSort.json.details[0].path).toBe('query.sort_by');

    const found = await api('GET', `${GROUPS}/${busy}/learners/?search=hop`, { token });
    expect(found.json).toMatchObject({
      count: 1,
      results: [{ learner_uuid: ids[1], member_details: { user_name: 'Grace Hopper' } }],
    });
    const byEmail = await api('GET', `${GROUPS}/${busy}/learners/?search=${rows[0]!.email.slice(0, 6)}`, { token });
    expect(byEmail.json.results.map((m: { learner_uuid: string }) => m.learner_uuid)).toEqual([ids[0]]);
  });
});

describe('member sorting over HTTP', () => {
  it('sorts members by last name and by activation, pages in that order both ways, and names a bad sort', async () => {
    const surnames = ['Young', 'adams', 'Moreau', 'Baker', 'Zhou', 'Okafor', 'Ibsen'];
    const uuids = await learners(surnames.length, (i) => ({ first_name: 'L', last_name: surnames[i] }));
    const { group_uuid } = await createGroup({ name: `Sorted ${randomUUID()}` });
    // One at a time, so that activated_at follows the order of the list.
    for (const uuid of uuids) expect((await assign(group_uuid, { learner_uuids: [uuid] })).status).toBe(201);
    await assign(group_uuid, { learner_emails: ['pending-sorted@example.com'] });

    const byLast = [...surnames].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    const pages = async (query: string, expectedCount = surnames.length + 1) => {
      const names: (string | null)[] = [];
      let url: string | null = `${GROUPS}/${group_uuid}/learners/?page_size=3&${query}`;
      let last: { previous: string | null } | undefined;
      while (url) {
        const page = await api('GET', url, { token: admin });
        expect(page.status, JSON.stringify(page.json)).toBe(200);
        expect(page.json.count).toBe(expectedCount);
        names.push(
          // A pending member's member_details has no user_name (as Open edX): listed as null here.
          ...page.json.results.map(
            (m: { member_details: { user_name?: string | null } }) => m.member_details.user_name ?? null,
          ),
        );
        last = page.json;
        url = page.json.next;
      }
      // Back one page from the last gives the three before it.
      const back = await api('GET', last!.previous!, { token: admin });
      expect(back.json.results).toHaveLength(3);
      return names;
    };
    // The pending e-mail has no learner, so no last name: it sorts first ascending.
    expect(await pages('sort_by=last_name')).toEqual([null, ...byLast.map((n) => `L ${n}`)]);
    expect(await pages('sort_by=last_name&sort_dir=desc')).toEqual([...byLast.map((n) => `L ${n}`).reverse(), null]);
    const activated = await pages('sort_by=activated_at&status=active', surnames.length);
    expect(activated).toEqual(surnames.map((n) => `L ${n}`));

    const bad = await api('GET', `${GROUPS}/${group_uuid}/learners/?sort_by=shoe_size`, { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.json.details[0].path).toBe('query.sort_by');
  });
});

describe('branches, group copies and SmarterU member settings over HTTP', () => {
  it('keeps a branch directory, refuses cycles and unknown parents, and assigns by branch', async () => {
    const put = (id: string, body: Record<string, unknown>) =>
      api('PUT', `${customer}/branches/${id}/`, { token: admin, body });
    expect((await put('emea', { name: 'EMEA' })).status).toBe(201);
    expect((await put('fr', { name: 'France', parent_id: 'emea' })).status).toBe(201);
    expect((await put('fr', { name: 'France (FR)', parent_id: 'emea' })).status).toBe(200);
    const cycle = await put('emea', { name: 'EMEA', parent_id: 'fr' });
    expect(cycle.status).toBe(409);
    expect(cycle.json).toMatchObject({ code: 'branch_cycle', details: [{ path: 'body.parent_id' }] });
    const orphan = await put('x', { name: 'X', parent_id: 'missing' });
    expect(orphan.status).toBe(400);
    expect(orphan.json.code).toBe('branch_parent_not_found');
    const list = await api('GET', `${customer}/branches/`, { token: admin });
    expect(list.json.results).toEqual(
      expect.arrayContaining([expect.objectContaining({ branch_id: 'fr', name: 'France (FR)', parent_id: 'emea' })]),
    );

    const inEmea = await learners(2, () => ({ branch_id: 'emea' }));
    const inFr = await learners(3, () => ({ branch_id: 'fr' }));
    const group = await createGroup({ name: `Branches ${randomUUID()}` });
    const top = await assign(group.group_uuid, { branch_ids: ['emea'], include_descendants: false });
    expect(top.json.count).toBe(2);
    const tree = await assign(group.group_uuid, { branch_ids: ['emea', 'nowhere'] });
    expect(tree.json.count).toBe(3);
    expect(tree.json.skipped).toHaveLength(2);
    expect(tree.json.errors).toEqual([expect.objectContaining({ identifier: 'nowhere', outcome: 'not_found' })]);
    const members = await listAll(group.group_uuid);
    expect(members.all.map((m) => m.learner_uuid).sort()).toEqual([...inEmea, ...inFr].sort());

    const copy = await createGroup({ name: `Copy ${randomUUID()}` });
    const copied = await assign(copy.group_uuid, { group_uuids: [group.group_uuid] });
    expect(copied.status).toBe(201);
    expect(copied.json.count).toBe(5);
  });

  it('sets home_group and permissions on assign and shows them in member listings', async () => {
    const [g1, g2] = [
      await createGroup({ name: `H1 ${randomUUID()}` }),
      await createGroup({ name: `H2 ${randomUUID()}` }),
    ];
    const [learner] = await learners(1);
    const first = await assign(g1.group_uuid, {
      learner_uuids: [learner],
      home_group: true,
      permissions: ['MANAGE_GROUP_USERS', 'PROCTOR'],
    });
    expect(first.json.results[0]).toMatchObject({ home_group: true, permissions: ['MANAGE_GROUP_USERS', 'PROCTOR'] });
    await assign(g2.group_uuid, { learner_uuids: [learner], home_group: true });
    const inG1 = (await listAll(g1.group_uuid)).all[0];
    const inG2 = (await listAll(g2.group_uuid)).all[0];
    expect(inG1).toMatchObject({ home_group: false, permissions: ['MANAGE_GROUP_USERS', 'PROCTOR'] });
    expect(inG2).toMatchObject({ home_group: true, permissions: [] });
    const bad = await assign(g1.group_uuid, { learner_uuids: [learner], permissions: ['ROOT'] });
    expect(bad.status).toBe(400);
    expect(bad.json.details[0].path).toBe('body.permissions.0');
  });
});
