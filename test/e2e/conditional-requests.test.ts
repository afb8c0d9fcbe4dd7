import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { settled } from './automatic-group-reads';
import { api, tokenFor } from './client';

const tenant = randomUUID();
let admin: string;

const GROUPS = '/api/v1/enterprise-group';
const ops = { type: 'attribute', payload: { field: 'department', op: 'equals', value: 'ops' } };

async function newGroup(body: Record<string, unknown> = {}) {
  const created = await api('POST', `${GROUPS}/`, {
    token: admin,
    body: { name: `Conditional ${randomUUID()}`, enterprise_customer_uuid: tenant, ...body },
  });
  expect(created.status, created.text).toBe(201);
  return created;
}

const patch = (groupUuid: string, headers: Record<string, string>) =>
  api('PATCH', `${GROUPS}/${groupUuid}/`, { token: admin, body: { description: randomUUID() }, headers });

/** Follows a Location header as a client would: the same API, the caller's token. */
const follow = (location: string) => api('GET', location, { token: admin });

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
});

describe('If-Match on writes (RFC 9110 §13.1.1, strong comparison)', () => {
  it('proceeds on *, and on a list naming the current version', async () => {
    const group = (await newGroup()).json;
    const any = await patch(group.group_uuid, { 'if-match': '*' });
    expect(any.status, any.text).toBe(200);
    expect(any.headers.etag).toBe('"2"');
    const listed = await patch(group.group_uuid, { 'if-match': '"0", "2" , "9"' });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.headers.etag).toBe('"3"');
  });

  it('answers 412 to a weak tag of the current version and to a well-formed tag that matches nothing', async () => {
    const group = (await newGroup()).json;
    for (const value of ['W/"1"', '"0"', '"v-one"', '"2", W/"1"']) {
      const refused = await patch(group.group_uuid, { 'if-match': value });
      expect(refused.status, value).toBe(412);
      expect(refused.json.code).toBe('version_mismatch');
    }
    const unchanged = await api('GET', `${GROUPS}/${group.group_uuid}/`, { token: admin });
    expect(unchanged.headers.etag).toBe('"1"');
  });

  it('answers 400 naming the header to a malformed one', async () => {
    const group = (await newGroup()).json;
    for (const [header, value] of [
      ['if-match', '1'],
      ['if-match', '"1'],
      ['if-none-match', 'W/1'],
    ] as const) {
      const refused = await patch(group.group_uuid, { [header]: value });
      expect(refused.status, `${header}: ${value}`).toBe(400);
      expect(refused.json.details).toEqual([expect.objectContaining({ path: `headers.${header}` })]);
    }
  });

  it('answers 412 to If-None-Match: * on a write, the group existing', async () => {
    const group = (await newGroup()).json;
    expect((await patch(group.group_uuid, { 'if-none-match': '*' })).status).toBe(412);
    expect((await patch(group.group_uuid, { 'if-none-match': '"7"' })).status).toBe(200);
  });

  it('deletes under a list naming the version, and a missing group stays 404 whatever If-Match says', async () => {
    const group = (await newGroup()).json;
    const stale = await api('DELETE', `${GROUPS}/${group.group_uuid}/`, {
      token: admin,
      headers: { 'if-match': '"5"' },
    });
    expect(stale.status).toBe(412);
    const deleted = await api('DELETE', `${GROUPS}/${group.group_uuid}/`, {
      token: admin,
      headers: { 'if-match': '"5", "1"' },
    });
    expect(deleted.status).toBe(204);
    // §13.2.1: preconditions are ignored when the answer without them would not be 2xx.
    expect((await patch(group.group_uuid, { 'if-match': '*' })).status).toBe(404);
    expect((await patch(randomUUID(), { 'if-match': '*' })).status).toBe(404);
  });
});

describe('If-None-Match on reads (RFC 9110 §13.1.2, weak comparison)', () => {
  it('answers 304 with the ETag and no body when the client holds the current version', async () => {
    const group = (await newGroup({ legacy_id: Math.floor(Math.random() * 1e9) })).json;
    for (const path of [
      `${GROUPS}/${group.group_uuid}/`,
      `${GROUPS}/legacy/${group.legacy_id}/?enterprise_uuid=${tenant}`,
    ]) {
      for (const value of ['"1"', 'W/"1"', '"0", "1"', '*']) {
        const cached = await api('GET', path, { token: admin, headers: { 'if-none-match': value } });
        expect(cached.status, `${path} ${value}`).toBe(304);
        expect(cached.headers.etag).toBe('"1"');
        expect(cached.text).toBe('');
      }
      const changed = await api('GET', path, { token: admin, headers: { 'if-none-match': '"0"' } });
      expect(changed.status).toBe(200);
      expect(changed.json.group_uuid).toBe(group.group_uuid);
      expect(changed.headers.etag).toBe('"1"');
    }
  });

  it('answers 412 to a read whose If-Match does not name the version', async () => {
    const group = (await newGroup()).json;
    const read = (value: string) =>
      api('GET', `${GROUPS}/${group.group_uuid}/`, { token: admin, headers: { 'if-match': value } });
    expect((await read('"1"')).status).toBe(200);
    expect((await read('W/"1"')).status).toBe(412);
  });
});

describe('Location on 201 and 202', () => {
  it('names the created group, learner, batch and members, each readable there', async () => {
    const created = await newGroup();
    expect(created.headers.location).toMatch(new RegExp(`/api/v1/enterprise-group/${created.json.group_uuid}/$`));
    expect((await follow(created.headers.location!)).json.group_uuid).toBe(created.json.group_uuid);

    const learnerUuid = randomUUID();
    const learner = await api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${learnerUuid}/`, {
      token: admin,
      body: { email: `loc-${learnerUuid}@example.com`, attributes: { department: 'ops' } },
    });
    expect(learner.status).toBe(201);
    expect((await follow(learner.headers.location!)).json.learner_uuid).toBe(learnerUuid);

    const assigned = await api('POST', `${GROUPS}/${created.json.group_uuid}/assign_learners`, {
      token: admin,
      body: { learner_uuids: [learnerUuid] },
    });
    expect(assigned.status).toBe(201);
    expect((await follow(assigned.headers.location!)).json.results).toEqual([
      expect.objectContaining({ learner_uuid: learnerUuid }),
    ]);

    const batch = await api('POST', '/api/v1/courses/course-v1:Loc+C1+2026/batches/', {
      token: admin,
      body: { name: 'Located', enrollment_type: 'open', enterprise_customer_uuid: tenant },
    });
    expect(batch.status).toBe(201);
    expect((await follow(batch.headers.location!)).json.batch_id).toBe(batch.json.batch_id);
  });

  it("names the job's URL on a 202", async () => {
    const group = (await newGroup({ type: 'automatic', ruleset: { operator: 'AND', sets: [{ rules: [ops] }] } })).json;
    await settled(admin, group.group_uuid);
    const started = await api('POST', `${GROUPS}/${group.group_uuid}/recalculate`, { token: admin });
    expect(started.status, started.text).toBe(202);
    expect(started.headers.location).toBe(started.json.status_url);
    expect((await follow(started.headers.location!)).json.job_id).toBe(started.json.job_id);
  });
});
