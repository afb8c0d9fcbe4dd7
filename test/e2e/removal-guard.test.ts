import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { settled } from './automatic-group-reads';
import { api, tokenFor } from './client';
import { jobEnded, noticesTo } from './job-waits';

const tenant = randomUUID();
let admin: string;
const GROUPS = '/api/v1/enterprise-group';
const JOBS = '/api/v1/jobs';

/** 200 learners: 80 of department `a`, 120 of `b`. */
const learners = Array.from({ length: 200 }, (_, i) => ({
  learner_uuid: randomUUID() as string,
  email: `guard-${i}@example.com`,
  attributes: { department: i < 80 ? 'a' : 'b', level: 1 },
}));
const attr = (field: string, op: string, value: unknown) => ({ type: 'attribute', payload: { field, op, value } });
const everyone = { operator: 'AND', sets: [{ rules: [attr('level', 'gte', 0)] }] };
const onlyA = { operator: 'AND', sets: [{ rules: [attr('department', 'equals', 'a')] }] };

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
  const bulk = await api('POST', `/api/v1/enterprise-customer/${tenant}/learners/bulk`, {
    token: admin,
    body: { learners },
  });
  expect(bulk.status, bulk.text).toBeLessThan(300);
});

/** A new automatic group of all 200 learners, its first run finished. */
async function groupOf200(owner: string) {
  const created = await api('POST', `${GROUPS}/`, {
    token: admin,
    body: {
      name: `Guarded ${randomUUID()}`,
      enterprise_customer_uuid: tenant,
      type: 'automatic',
      ruleset: everyone,
      notification_emails: [owner],
    },
  });
  expect(created.status, created.text).toBe(201);
  expect(created.json.removal_guard).toEqual({ max_percent: 20, min_removals: 50 });
  const group = await settled(admin, created.json.group_uuid, 120_000);
  expect(group).toMatchObject({ member_count: 200, rule_processing: { status: 'succeeded' } });
  return group.group_uuid as string;
}

/** PATCHes the ruleset to department `a` (120 of the 200 no longer match) and waits for the run to stop. */
async function narrow(groupUuid: string) {
  const patched = await api('PATCH', `${GROUPS}/${groupUuid}/`, { token: admin, body: { ruleset: onlyA } });
  expect(patched.status, patched.text).toBe(200);
  const group = await settled(admin, groupUuid, 120_000);
  return { group, jobId: group.rule_processing.job_id as string };
}

const job = async (jobId: string) => (await api('GET', `${JOBS}/${jobId}/`, { token: admin })).json;
const finished = (jobId: string) => jobEnded(admin, jobId, 120_000);

describe('the mass-removal guard over HTTP', () => {
  it('holds a ruleset edit that would remove 120 of 200; cancel keeps all 200', async () => {
    const owner = `owner-${randomUUID()}@example.com`;
    const groupUuid = await groupOf200(owner);
    const { group, jobId } = await narrow(groupUuid);
    expect(group).toMatchObject({ member_count: 200, rule_processing: { status: 'awaiting_approval' } });

    const held = await job(jobId);
    expect(held).toMatchObject({
      status: 'awaiting_approval',
      guard: { would_remove: 120, member_count: 200, percent: 60, max_percent: 20, min_removals: 50 },
      outcome_counts: { already_member: 80, removal_pending: 120 },
    });
    expect(held.guard.sample).toHaveLength(10);
    expect(await noticesTo(owner)).toEqual([
      expect.objectContaining({
        template: 'removals_awaiting_approval',
        context: expect.objectContaining({ job_id: jobId, would_remove: 120 }),
      }),
    ]);

    // Neither another tenant's admin nor a learner of this tenant can see it (a job answers like a
    // missing one to whoever does not administer its tenant), let alone decide it.
    const stranger = await tokenFor({ roles: ['enterprise_admin'], enterprises: [randomUUID()] });
    expect((await api('POST', `${JOBS}/${jobId}/approve`, { token: stranger })).status).toBe(404);
    const learner = await tokenFor({ roles: ['learner'], enterprises: [tenant] });
    expect((await api('POST', `${JOBS}/${jobId}/cancel`, { token: learner })).status).toBe(404);
    expect((await job(jobId)).status).toBe('awaiting_approval');

    const cancelled = await api('POST', `${JOBS}/${jobId}/cancel`, { token: admin });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json).toMatchObject({
      status: 'cancelled',
      outcome_counts: { already_member: 80, removal_cancelled: 120 },
    });
    const after = await api('GET', `${GROUPS}/${groupUuid}/`, { token: admin });
    expect(after.json).toMatchObject({ member_count: 200, rule_processing: { status: 'cancelled' } });
    const rows = await api('GET', `${JOBS}/${jobId}/results/?outcome=removal_cancelled&page_size=1`, {
      token: admin,
    });
    expect(rows.json.count).toBe(120);
    const again = await api('POST', `${JOBS}/${jobId}/approve`, { token: admin });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('job_not_awaiting_approval');

    const history = await api('GET', `${GROUPS}/${groupUuid}/history/?page_size=100`, { token: admin });
    const actions = history.json.results.map((e: { action: string; actor: string }) => [e.action, e.actor]);
    expect(actions).toContainEqual(['removals_held', 'rules']);
    expect(actions.find(([a]: string[]) => a === 'removals_cancelled')).toBeDefined();
  });

  it('approved, removes the 120 and ends the run succeeded', async () => {
    const groupUuid = await groupOf200(`owner-${randomUUID()}@example.com`);
    const { jobId } = await narrow(groupUuid);
    expect((await job(jobId)).status).toBe('awaiting_approval');

    const approved = await api('POST', `${JOBS}/${jobId}/approve`, { token: admin });
    expect(approved.status, approved.text).toBe(202);
    expect(approved.headers.location).toMatch(new RegExp(`/api/v1/jobs/${jobId}/$`));
    expect(approved.json).toMatchObject({ status: 'running', approved_by: expect.any(String) });

    const done = await finished(jobId);
    expect(done).toMatchObject({
      status: 'succeeded',
      succeeded: 120,
      skipped: 80,
      outcome_counts: { already_member: 80, removed: 120 },
    });
    const group = await settled(admin, groupUuid);
    expect(group).toMatchObject({ member_count: 80, rule_processing: { status: 'succeeded' } });
  });

  it('lets a group turn the guard off, and then removes at once', async () => {
    const groupUuid = await groupOf200(`owner-${randomUUID()}@example.com`);
    const off = await api('PATCH', `${GROUPS}/${groupUuid}/`, { token: admin, body: { removal_guard: null } });
    expect(off.status, off.text).toBe(200);
    expect(off.json.removal_guard).toBeNull();
    const bad = await api('PATCH', `${GROUPS}/${groupUuid}/`, {
      token: admin,
      body: { removal_guard: { max_percent: 101, min_removals: 1 } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.details)).toContain('removal_guard.max_percent');
    const { group, jobId } = await narrow(groupUuid);
    expect(group).toMatchObject({ member_count: 80, rule_processing: { status: 'succeeded' } });
    expect((await job(jobId)).outcome_counts).toEqual({ already_member: 80, removed: 120 });
  });

  it("gives new groups their tenant's default guard, and leaves existing groups theirs", async () => {
    const own = randomUUID();
    const ownAdmin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [own] });
    const settings = `/api/v1/enterprise-customer/${own}/settings`;
    const before = await api('GET', settings, { token: ownAdmin });
    expect(before.json).toEqual({
      enterprise_customer_uuid: own,
      removal_guard: { max_percent: 20, min_removals: 50 },
      modified: null,
      modified_by: null,
    });
    const newGroup = async () => {
      const created = await api('POST', `${GROUPS}/`, {
        token: ownAdmin,
        body: { name: `Defaults ${randomUUID()}`, enterprise_customer_uuid: own },
      });
      expect(created.status, created.text).toBe(201);
      return created.json;
    };
    const older = await newGroup();

    const bad = await api('PUT', settings, { token: ownAdmin, body: { removal_guard: { max_percent: 200 } } });
    expect(bad.status).toBe(400);
    expect(bad.json.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.removal_guard.max_percent', 'body.removal_guard.min_removals']),
    );
    const put = await api('PUT', settings, {
      token: ownAdmin,
      body: { removal_guard: { max_percent: 5, min_removals: 10 } },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({
      removal_guard: { max_percent: 5, min_removals: 10 },
      modified: expect.any(String),
    });
    expect((await api('GET', settings, { token: ownAdmin })).json).toEqual(put.json);

    expect((await newGroup()).removal_guard).toEqual({ max_percent: 5, min_removals: 10 });
    const unchanged = await api('GET', `${GROUPS}/${older.group_uuid}/`, { token: ownAdmin });
    expect(unchanged.json.removal_guard).toEqual({ max_percent: 20, min_removals: 50 });

    // Off for the tenant: new groups have none, unless they set one.
    await api('PUT', settings, { token: ownAdmin, body: { removal_guard: null } });
    expect((await newGroup()).removal_guard).toBeNull();

    // Another tenant's admin neither reads nor changes them.
    expect((await api('GET', settings, { token: admin })).status).toBe(403);
    expect((await api('PUT', settings, { token: admin, body: { removal_guard: null } })).status).toBe(403);
  });
});
