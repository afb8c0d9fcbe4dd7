import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';

const tenantA = randomUUID();
const tenantB = randomUUID();
let adminA: string;
let adminB: string;
let staff: string;

const GROUPS = '/api/v1/enterprise-group';
const learnersOf = (tenant: string) => `/api/v1/enterprise-customer/${tenant}/learners`;

async function createGroup(token: string, body: Record<string, unknown>) {
  const res = await api('POST', `${GROUPS}/`, { token, body: { enterprise_customer_uuid: tenantA, ...body } });
  return res;
}

beforeAll(async () => {
  adminA = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenantA] });
  adminB = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenantB] });
  staff = await tokenFor({ roles: ['staff'] });
});

describe('group lifecycle over HTTP', () => {
  it('creates, reads, renames with If-Match, deletes, and frees the name at once', async () => {
    const created = await createGroup(adminA, { name: 'Lifecycle Group', legacy_id: 4242, external_id: 'EXT-1' });
    expect(created.status).toBe(201);
    const group = created.json;
    expect(group).toMatchObject({
      name: 'Lifecycle Group',
      enterprise_customer_uuid: tenantA,
      member_count: 0,
      version: 1,
      type: 'manual',
    });
    expect(created.headers.etag).toBe('"1"');

    const clash = await createGroup(adminA, { name: '  lifecycle GROUP ' });
    expect(clash.status).toBe(409);
    expect(clash.json.code).toBe('group_name_taken');
    expect(clash.json.details).toEqual([expect.objectContaining({ path: 'body.name' })]);

    const got = await api('GET', `${GROUPS}/${group.group_uuid}`, { token: adminA });
    expect(got.status).toBe(200);
    expect(got.json.group_uuid).toBe(group.group_uuid);

    const byLegacy = await api('GET', `${GROUPS}/legacy/4242/?enterprise_uuid=${tenantA}`, { token: adminA });
    expect(byLegacy.status).toBe(200);
    expect(byLegacy.json.group_uuid).toBe(group.group_uuid);

    const stale = await api('PATCH', `${GROUPS}/${group.group_uuid}/`, {
      token: adminA,
      body: { name: 'Renamed' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    const renamed = await api('PATCH', `${GROUPS}/${group.group_uuid}/`, {
      token: adminA,
      body: { name: 'Renamed' },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: 'Renamed', version: 2 });
    expect(renamed.headers.etag).toBe('"2"');

    // The old name is free after the rename, the new one is taken.
    expect((await createGroup(adminA, { name: 'renamed' })).json.code).toBe('group_name_taken');

    const deleted = await api('DELETE', `${GROUPS}/${group.group_uuid}/`, { token: adminA });
    expect(deleted.status).toBe(204);
    expect((await api('GET', `${GROUPS}/${group.group_uuid}/`, { token: adminA })).status).toBe(404);
    const reused = await createGroup(adminA, { name: 'Renamed', legacy_id: 4242, external_id: 'EXT-1' });
    expect(reused.status).toBe(201);
  });

  it('invites an unknown e-mail and activates it when the learner is created', async () => {
    const group = (await createGroup(adminA, { name: `Invites ${randomUUID()}` })).json;
    const assigned = await api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
      token: adminA,
      body: { learner_emails: ['  Future.Learner@Example.com'] },
    });
    expect(assigned.status).toBe(201);
    expect(assigned.json.results).toEqual([
      expect.objectContaining({
        outcome: 'invited',
        pending_learner_email: 'future.learner@example.com',
        status: 'pending',
        learner_uuid: null,
      }),
    ]);

    const learnerUuid = randomUUID();
    const put = await api('PUT', `${learnersOf(tenantA)}/${learnerUuid}/`, {
      token: adminA,
      body: { email: 'future.learner@example.com', first_name: 'Future' },
    });
    expect(put.status).toBe(201);
    expect(put.json.activated_memberships).toBe(1);

    const members = await api('GET', `${GROUPS}/${group.group_uuid}/learners/`, { token: adminA });
    expect(members.json.count).toBe(1);
    expect(members.json.results).toEqual([
      expect.objectContaining({
        learner_uuid: learnerUuid,
        pending_learner_email: null,
        status: 'active',
        enterprise_group_membership_uuid: assigned.json.results[0].enterprise_group_membership_uuid,
        member_details: { user_email: 'future.learner@example.com', user_name: 'Future' },
      }),
    ]);
    expect(members.json.results[0].activated_at).toEqual(expect.any(String));

    const groupsOfLearner = await api('GET', `${GROUPS}/?learner_uuid=${learnerUuid}`, { token: adminA });
    expect(groupsOfLearner.json.results.map((g: { group_uuid: string }) => g.group_uuid)).toEqual([group.group_uuid]);
  });

  // 2,000 learners and 2,000 memberships written through four synchronous 1,000-row calls, then 21 pages:
  // tens of seconds of DynamoDB Local work on a busy 2-core machine, more than the e2e default allows.
  it('pages through 2,000 members 100 at a time, forwards and back', { timeout: 180_000 }, async () => {
    const group = (await createGroup(adminA, { name: `Big ${randomUUID()}` })).json;
    const uuids = Array.from({ length: 2000 }, () => randomUUID());
    for (let i = 0; i < 2000; i += 1000) {
      const rows = uuids
        .slice(i, i + 1000)
        .map((learner_uuid, n) => ({ learner_uuid, email: `big-${i + n}@example.com` }));
      const bulk = await api('POST', `${learnersOf(tenantA)}/bulk`, { token: adminA, body: { learners: rows } });
      expect(bulk.status).toBe(200);
      expect(bulk.json.count).toBe(1000);
      const assigned = await api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
        token: adminA,
        body: { learner_uuids: uuids.slice(i, i + 1000) },
      });
      expect(assigned.status).toBe(201);
      expect(assigned.json.count).toBe(1000);
    }
    expect((await api('GET', `${GROUPS}/${group.group_uuid}/`, { token: adminA })).json.member_count).toBe(2000);

    const seen = new Set<string>();
    let url: string | null = `${GROUPS}/${group.group_uuid}/learners/?page_size=100`;
    let pages = 0;
    let lastPage: { previous: string | null; results: { learner_uuid: string }[] } | undefined;
    while (url) {
      const page = await api('GET', url, { token: adminA });
      expect(page.status).toBe(200);
      expect(page.json.count).toBe(2000);
      expect(page.json.results.length).toBeLessThanOrEqual(100);
      for (const m of page.json.results) seen.add(m.learner_uuid);
      pages++;
      lastPage = page.json;
      url = page.json.next;
    }
    expect(seen.size).toBe(2000);
    expect(pages).toBe(20);
    const back = await api('GET', lastPage!.previous!, { token: adminA });
    expect(back.json.results).toHaveLength(100);
    expect(
      back.json.results.some((m: { learner_uuid: string }) =>
        lastPage!.results.some((r) => r.learner_uuid === m.learner_uuid),
      ),
    ).toBe(false);
  });

  it('reports already members, removes, and revives without double counting', async () => {
    const group = (await createGroup(adminA, { name: `Churn ${randomUUID()}` })).json;
    const a = randomUUID();
    await api('PUT', `${learnersOf(tenantA)}/${a}`, { token: adminA, body: { email: `churn-${a}@example.com` } });
    const path = `${GROUPS}/${group.group_uuid}`;
    expect(
      (await api('POST', `${path}/assign_learners`, { token: adminA, body: { learner_uuids: [a] } })).json.count,
    ).toBe(1);
    const again = await api('POST', `${path}/assign_learners`, { token: adminA, body: { learner_uuids: [a, a, 'x'] } });
    expect(again.status).toBe(200);
    expect(again.json.skipped.map((s: { outcome: string }) => s.outcome).sort()).toEqual([
      'already_member',
      'duplicate_in_request',
    ]);
    expect(again.json.errors).toEqual([expect.objectContaining({ identifier: 'x', outcome: 'invalid' })]);

    const removed = await api('POST', `${path}/remove_learners`, {
      token: adminA,
      body: { learner_uuids: [a, randomUUID()] },
    });
    expect(removed.json.results).toEqual([expect.objectContaining({ outcome: 'removed', status: 'removed' })]);
    expect(removed.json.errors[0].outcome).toBe('not_found');
    expect((await api('GET', path, { token: adminA })).json.member_count).toBe(0);
    expect((await api('GET', `${path}/learners/?status=removed`, { token: adminA })).json.count).toBe(1);

    const revived = await api('POST', `${path}/assign_learners`, {
      token: adminA,
      body: { learner_emails: [`CHURN-${a}@example.com`] },
    });
    expect(revived.json.results).toEqual([
      expect.objectContaining({ outcome: 'revived', learner_uuid: a, status: 'active' }),
    ]);
    expect((await api('GET', path, { token: adminA })).json.member_count).toBe(1);
    expect(
      (await api('POST', `${path}/remove_learners`, { token: adminA, body: { remove_all: true } })).json.count,
    ).toBe(1);
    expect((await api('GET', path, { token: adminA })).json.member_count).toBe(0);
  });

  it('shows a learner with its groups and takes it out of them when deleted', async () => {
    const me = randomUUID();
    await api('PUT', `${learnersOf(tenantA)}/${me}/`, {
      token: adminA,
      body: { email: `gone-${me}@example.com`, employee_id: `E-${me}` },
    });
    const group = (await createGroup(adminA, { name: `Leaving ${me}` })).json;
    await api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
      token: adminA,
      body: { learner_uuids: [me] },
    });
    const learner = await api('GET', `${learnersOf(tenantA)}/${me}/`, { token: adminA });
    expect(learner.json).toMatchObject({
      learner_uuid: me,
      employee_id: `E-${me}`,
      groups: [expect.objectContaining({ group_uuid: group.group_uuid })],
    });
    expect((await api('DELETE', `${learnersOf(tenantA)}/${me}/`, { token: adminA })).status).toBe(204);
    expect((await api('GET', `${learnersOf(tenantA)}/${me}/`, { token: adminA })).status).toBe(404);
    expect((await api('GET', `${GROUPS}/${group.group_uuid}/`, { token: adminA })).json.member_count).toBe(0);
    // The e-mail and employee id are free again.
    const again = await api('PUT', `${learnersOf(tenantA)}/${randomUUID()}/`, {
      token: adminA,
      body: { email: `gone-${me}@example.com`, employee_id: `E-${me}` },
    });
    expect(again.status).toBe(201);
  });

  it('lists, searches and sorts a tenant’s groups', async () => {
    const tenant = randomUUID();
    const admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
    for (const name of ['Bravo', 'alpha', 'Charlie']) {
      expect(
        (await api('POST', `${GROUPS}/`, { token: admin, body: { name, enterprise_customer_uuid: tenant } })).status,
      ).toBe(201);
    }
    const byName = await api('GET', `${GROUPS}/?enterprise_uuid=${tenant}`, { token: admin });
    expect(byName.json.results.map((g: { name: string }) => g.name)).toEqual(['alpha', 'Bravo', 'Charlie']);
    expect(byName.json.count).toBe(3);
    const desc = await api('GET', `${GROUPS}/?enterprise_uuid=${tenant}&sort_by=created&sort_dir=desc&page_size=2`, {
      token: admin,
    });
    expect(desc.json.results.map((g: { name: string }) => g.name)).toEqual(['Charlie', 'alpha']);
    expect(desc.json.next).toEqual(expect.stringContaining('cursor='));
    const search = await api('GET', `${GROUPS}/?search=RAV`, { token: admin });
    expect(search.json.results.map((g: { name: string }) => g.name)).toEqual(['Bravo']);
  });
});

describe('tenant isolation and auth', () => {
  it('hides tenant A’s groups and learners from tenant B’s admin and changes nothing', async () => {
    const group = (await createGroup(adminA, { name: `Private ${randomUUID()}` })).json;
    const path = `${GROUPS}/${group.group_uuid}`;
    expect((await api('GET', path, { token: adminB })).status).toBe(404);
    expect((await api('PATCH', path, { token: adminB, body: { name: 'hijacked' } })).status).toBe(404);
    expect((await api('DELETE', path, { token: adminB })).status).toBe(404);
    expect((await api('GET', `${path}/learners/`, { token: adminB })).status).toBe(404);
    expect(
      (await api('POST', `${path}/assign_learners`, { token: adminB, body: { learner_emails: ['x@example.com'] } }))
        .status,
    ).toBe(404);
    expect((await api('GET', `${GROUPS}/?enterprise_uuid=${tenantA}`, { token: adminB })).status).toBe(403);
    expect(
      (await api('POST', `${GROUPS}/`, { token: adminB, body: { name: 'x', enterprise_customer_uuid: tenantA } }))
        .status,
    ).toBe(403);
    expect((await api('GET', `${learnersOf(tenantA)}/`, { token: adminB })).status).toBe(403);
    expect(
      (await api('PUT', `${learnersOf(tenantA)}/${randomUUID()}`, { token: adminB, body: { email: 'a@b.co' } })).status,
    ).toBe(403);
    const after = await api('GET', path, { token: staff });
    expect(after.json).toMatchObject({ name: group.name, member_count: 0, version: 1 });
  });

  it('lets a learner read only its own groups', async () => {
    const me = randomUUID();
    await api('PUT', `${learnersOf(tenantA)}/${me}`, { token: adminA, body: { email: `me-${me}@example.com` } });
    const mine = (await createGroup(adminA, { name: `Mine ${me}` })).json;
    const other = (await createGroup(adminA, { name: `Other ${me}` })).json;
    await api('POST', `${GROUPS}/${mine.group_uuid}/assign_learners`, { token: adminA, body: { learner_uuids: [me] } });
    const learner = await tokenFor({ roles: ['learner'], enterprises: [tenantA], sub: me });
    const list = await api('GET', `${GROUPS}/`, { token: learner });
    expect(list.status).toBe(200);
    expect(list.json.results.map((g: { group_uuid: string }) => g.group_uuid)).toEqual([mine.group_uuid]);
    expect((await api('GET', `${GROUPS}/${mine.group_uuid}`, { token: learner })).status).toBe(200);
    expect((await api('GET', `${GROUPS}/${other.group_uuid}`, { token: learner })).status).toBe(404);
    const scoped = await api('GET', `${GROUPS}/?enterprise_uuid=${tenantA}`, { token: learner });
    expect(scoped.json.results.map((g: { group_uuid: string }) => g.group_uuid)).toEqual([mine.group_uuid]);
    expect((await api('GET', `${GROUPS}/?enterprise_uuid=${tenantB}`, { token: learner })).status).toBe(403);
    expect((await api('GET', `${GROUPS}/?learner_uuid=${randomUUID()}`, { token: learner })).status).toBe(403);
    expect((await api('GET', `${GROUPS}/${mine.group_uuid}/learners/`, { token: learner })).status).toBe(404);
    expect(
      (
        await api('POST', `${GROUPS}/${mine.group_uuid}/assign_learners`, {
          token: learner,
          body: { learner_uuids: [me] },
        })
      ).status,
    ).toBe(404);
  });

  it("refuses a learner's filters and sorts on fields its projection hides, naming the parameter", async () => {
    const me = randomUUID();
    await api('PUT', `${learnersOf(tenantA)}/${me}`, { token: adminA, body: { email: `probe-${me}@example.com` } });
    const secret = `SECRET-EXT-${me}`;
    const tagged = (await createGroup(adminA, { name: `Probed A ${me}`, external_id: secret })).json;
    const crowded = (await createGroup(adminA, { name: `Probed B ${me}` })).json;
    for (const { group_uuid } of [tagged, crowded])
      await api('POST', `${GROUPS}/${group_uuid}/assign_learners`, { token: adminA, body: { learner_uuids: [me] } });
    await api('POST', `${GROUPS}/${crowded.group_uuid}/assign_learners`, {
      token: adminA,
      body: { learner_emails: [`more-${me}@example.com`] },
    });
    const learner = await tokenFor({ roles: ['learner'], enterprises: [tenantA], sub: me });

    for (const [query, path] of [
      [`external_id=${secret}`, 'query.external_id'],
      [`external_id=${secret}-not`, 'query.external_id'],
      ['sort_by=member_count', 'query.sort_by'],
      ['sort_by=created', 'query.sort_by'],
      ['sort_by=modified&sort_dir=desc', 'query.sort_by'],
    ]) {
      const probe = await api('GET', `${GROUPS}/?${query}`, { token: learner });
      expect(probe.status, query).toBe(400);
      expect(probe.json.details, query).toEqual([{ path, message: 'not available to learners' }]);
    }
    const byName = await api('GET', `${GROUPS}/?sort_by=name&sort_dir=desc`, { token: learner });
    expect(byName.status).toBe(200);
    expect(byName.json.results.map((g: { group_uuid: string }) => g.group_uuid)).toEqual([
      crowded.group_uuid,
      tagged.group_uuid,
    ]);
    // An admin reading the same learner's groups still sorts by any field.
    const admins = await api('GET', `${GROUPS}/?learner_uuid=${me}&sort_by=member_count&sort_dir=desc`, {
      token: adminA,
    });
    expect(admins.json.results.map((g: { group_uuid: string }) => g.group_uuid)).toEqual([
      crowded.group_uuid,
      tagged.group_uuid,
    ]);
    expect((await api('GET', `${GROUPS}/legacy/4242/?enterprise_uuid=${tenantA}`, { token: learner })).status).toBe(
      403,
    );
  });

  it('answers 401 without a token', async () => {
    const res = await api('GET', `${GROUPS}/?enterprise_uuid=${tenantA}`, {});
    expect(res.status).toBe(401);
  });
});

describe('bad input', () => {
  it('names the offending field and stores nothing', async () => {
    const malformed = await api('POST', `${GROUPS}/`, {
      token: adminA,
      rawBody: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe('malformed_json');

    const massAssign = await createGroup(adminA, { name: `Mass ${randomUUID()}`, member_count: 99, version: 7 });
    expect(massAssign.status).toBe(400);
    expect(massAssign.json.details.map((d: { path: string }) => d.path)).toContain('body');
    expect(massAssign.json.message).toMatch(/member_count/);

    const blank = await createGroup(adminA, { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.json.details[0].path).toBe('body.name');

    const zeroLimit = await createGroup(adminA, { name: `Zero ${randomUUID()}`, user_limit: 0 });
    expect(zeroLimit.json.details[0].path).toBe('body.user_limit');

    expect((await api('GET', `${GROUPS}/not-a-uuid/`, { token: adminA })).json.details[0].path).toBe('path.group_uuid');
    expect(
      (await api('GET', `${GROUPS}/?enterprise_uuid=${tenantA}&page_size=5000`, { token: adminA })).json.details[0]
        .path,
    ).toBe('query.page_size');
    expect(
      (await api('GET', `${GROUPS}/?enterprise_uuid=${tenantA}&cursor=garbage`, { token: adminA })).json.details[0]
        .path,
    ).toBe('query.cursor');
    const notAList = await api('POST', `${GROUPS}/${randomUUID()}/assign_learners`, {
      token: adminA,
      body: { learner_emails: 'x@example.com' },
    });
    expect(notAList.status).toBe(400);
    expect(notAList.json.details[0].path).toBe('body.learner_emails');
  });

  it('publishes an OpenAPI document of every route', async () => {
    const doc = await api('GET', '/openapi.json', {});
    expect(doc.status).toBe(200);
    expect(doc.json.paths['/api/v1/enterprise-group/{group_uuid}/assign_learners'].post.requestBody).toBeDefined();
  });

  it('declares conditional requests, Location, the form body of bulk_enroll and the remove answer', async () => {
    const { paths } = (await api('GET', '/openapi.json', {})).json;
    const read = paths['/api/v1/enterprise-group/{group_uuid}'].get;
    expect(
      read.parameters.filter((p: { in: string }) => p.in === 'header').map((p: { name: string }) => p.name),
    ).toEqual(['If-Match', 'If-None-Match']);
    expect(Object.keys(read.responses)).toEqual(expect.arrayContaining(['200', '304', '412']));
    expect(read.responses['304'].headers.ETag).toBeDefined();
    expect(paths['/api/v1/enterprise-group/{group_uuid}'].patch.responses['412']).toBeDefined();
    expect(paths['/api/v1/enterprise-group'].post.responses['201'].headers).toHaveProperty('Location');
    expect(paths['/api/v1/enterprise-group/{group_uuid}/recalculate'].post.responses['202'].headers).toHaveProperty(
      'Location',
    );
    const bulk = paths['/api/bulk_enroll/v1/bulk_enroll'].post;
    expect(Object.keys(bulk.requestBody.content)).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]);
    expect(bulk.responses['202'].headers).toHaveProperty('Location');
    const removed = paths['/api/v1/enterprise-group/{group_uuid}/remove_learners'].post.responses['200'];
    expect(removed.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['count', 'records_deleted', 'results', 'skipped', 'errors']),
    );
  });
});
