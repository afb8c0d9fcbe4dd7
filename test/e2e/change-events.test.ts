import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';

/**
 * The change stream as a client sees it: learners assigned and removed through the API become events in
 * the tenant's catch-up feed, read from DynamoDB Local's stream by the local stack's poller and the same
 * function as in AWS. Exactly one event per change, each group's numbers 1..n without a gap, and the
 * whole-tenant feed, paged by its cursor, holds the same events.
 */

const tenant = randomUUID();
let admin: string;
let group: string;
const learners = Array.from({ length: 60 }, () => randomUUID());
const feed = `/api/v1/enterprise-customer/${tenant}/events`;

interface Event {
  id: string;
  type: string;
  sequence: number;
  group_uuid: string | null;
  enterprise_customer_uuid: string;
  data: { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

/** Every page of the feed from the start, following `next`; `after` of the last page. */
async function readFeed(query: Record<string, string>): Promise<{ events: Event[]; after: string | null }> {
  const events: Event[] = [];
  let after: string | null = null;
  for (;;) {
    const params = new URLSearchParams({ ...query, page_size: '25', ...(after ? { after } : {}) });
    const page = await api('GET', `${feed}?${params}`, { token: admin });
    expect(page.status, page.text).toBe(200);
    events.push(...page.json.results);
    after = page.json.after;
    if (!page.json.next) return { events, after };
  }
}

/** Reads the feed until it holds `count` events (the stream is read asynchronously), then once more. */
async function feedOf(query: Record<string, string>, count: number, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const read = await readFeed(query);
    if (read.events.length >= count || Date.now() > deadline) return read;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: 'events-admin' });
  const bulk = await api('POST', `/api/v1/enterprise-customer/${tenant}/learners/bulk`, {
    token: admin,
    body: { learners: learners.map((id) => ({ learner_uuid: id, email: `ev-${id}@example.com` })) },
  });
  expect(bulk.status, bulk.text).toBe(200);
  const created = await api('POST', '/api/v1/enterprise-group', {
    token: admin,
    body: { name: `Events ${tenant}`, enterprise_customer_uuid: tenant },
  });
  expect(created.status, created.text).toBe(201);
  group = created.json.group_uuid;
  const path = `/api/v1/enterprise-group/${group}`;
  const send = async (action: string, body: object) => {
    const answer = await api('POST', `${path}/${action}`, { token: admin, body });
    expect(answer.status, answer.text).toBeLessThan(300);
  };
  await send('assign_learners', { learner_uuids: learners });
  await send('remove_learners', { learner_uuids: learners.slice(0, 10) });
  await send('assign_learners', { learner_uuids: learners.slice(0, 4) });
  // Already a member: no change, no event.
  await send('assign_learners', { learner_uuids: learners.slice(20, 25) });
}, 120_000);

// group.created, 60 added, 10 removed, 4 revived.
const CHANGES = 1 + 60 + 10 + 4;

describe('change events (catch-up feed)', () => {
  it("gives one group's changes one event each, numbered 1..n without a gap", async () => {
    const { events } = await feedOf({ group_uuid: group }, CHANGES);
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: CHANGES }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.id)).size).toBe(CHANGES);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect([count('group.created'), count('membership.added')]).toEqual([1, 60]);
    expect([count('membership.removed'), count('membership.revived')]).toEqual([10, 4]);
    expect(events[0]!.type).toBe('group.created');
    // In the order of the calls: every removal after its learner's addition, every revival after its removal.
    const at = (type: string, learner: string) =>
      events.findIndex((e) => e.type === type && (e.data.after ?? e.data.before)?.learner_uuid === learner);
    for (const learner of learners.slice(0, 4)) {
      expect(at('membership.added', learner)).toBeLessThan(at('membership.removed', learner));
      expect(at('membership.removed', learner)).toBeLessThan(at('membership.revived', learner));
    }
    const removal = events.find((e) => e.type === 'membership.removed')!;
    expect(removal.data.before).toMatchObject({ status: 'active' });
    expect(removal.data.after).toMatchObject({ status: 'removed' });
    expect(events.every((e) => e.enterprise_customer_uuid === tenant && e.group_uuid === group)).toBe(true);
  });

  it('holds the same events in the whole-tenant feed, paged by its cursor, and nothing more', async () => {
    const [byGroup, whole] = [await feedOf({ group_uuid: group }, CHANGES), await feedOf({}, CHANGES)];
    expect(whole.events).toHaveLength(CHANGES);
    expect(new Set(whole.events.map((e) => e.id))).toEqual(new Set(byGroup.events.map((e) => e.id)));
    // Nothing new since: the cursor of the last page reads an empty page that gives its cursor back.
    const again = await api('GET', `${feed}?after=${whole.after}`, { token: admin });
    expect(again.json).toMatchObject({ count: 0, results: [], next: null, after: whole.after });
  });

  it('filters by type and by domain', async () => {
    const removed = await feedOf({ group_uuid: group, type: 'membership.removed' }, 10);
    expect(removed.events.map((e) => e.type)).toEqual(Array(10).fill('membership.removed'));
    const memberships = await feedOf({ type: 'membership.*' }, CHANGES - 1);
    expect(memberships.events).toHaveLength(CHANGES - 1);
    expect(memberships.events.every((e) => e.type.startsWith('membership.'))).toBe(true);
  });

  it('answers a cursor that is not one of the feed with a 400 naming query.after', async () => {
    const answer = await api('GET', `${feed}?after=not-a-cursor`, { token: admin });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'invalid_cursor', details: [{ path: 'query.after' }] });
    const group2 = await api('GET', `${feed}?group_uuid=${randomUUID()}&after=${(await readFeed({})).after}`, {
      token: admin,
    });
    expect(group2.status).toBe(400);
    const badType = await api('GET', `${feed}?type=membership.exploded`, { token: admin });
    expect(badType.status).toBe(400);
    expect(JSON.stringify(badType.json.details)).toContain('query.type');
  });
});

describe('change events of groups and enrollments', () => {
  it('gives a deleted group its update, its deletion and its members’ removal, in the order they happened', async () => {
    const other = await api('POST', '/api/v1/enterprise-group', {
      token: admin,
      body: { name: `Events other ${tenant}`, enterprise_customer_uuid: tenant },
    });
    expect(other.status, other.text).toBe(201);
    const path = `/api/v1/enterprise-group/${other.json.group_uuid}`;
    const assigned = await api('POST', `${path}/assign_learners`, {
      token: admin,
      body: { learner_uuids: learners.slice(0, 3) },
    });
    expect(assigned.status, assigned.text).toBeLessThan(300);
    // A member count is no profile change: the PATCH below is the only group.updated.
    const patched = await api('PATCH', path, { token: admin, body: { description: 'renamed' } });
    expect(patched.status, patched.text).toBe(200);
    expect((await api('DELETE', path, { token: admin })).status).toBe(204);

    const { events } = await feedOf({ group_uuid: other.json.group_uuid }, 1 + 3 + 1 + 1 + 3);
    expect(events.map((e) => e.type)).toEqual([
      'group.created',
      ...Array(3).fill('membership.added'),
      'group.updated',
      'group.deleted',
      ...Array(3).fill('membership.removed'),
    ]);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(events[4]!.data).toMatchObject({ before: { description: null }, after: { description: 'renamed' } });
  });

  it("makes an invitation's activation one membership.activated, with no removal", async () => {
    const invited = await api('POST', '/api/v1/enterprise-group', {
      token: admin,
      body: { name: `Events invited ${tenant}`, enterprise_customer_uuid: tenant },
    });
    expect(invited.status, invited.text).toBe(201);
    const email = `invitee-${randomUUID()}@example.com`;
    const learner = randomUUID();
    const assign = await api('POST', `/api/v1/enterprise-group/${invited.json.group_uuid}/assign_learners`, {
      token: admin,
      body: { learner_emails: [email] },
    });
    expect(assign.status, assign.text).toBeLessThan(300);
    const put = await api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${learner}`, {
      token: admin,
      body: { email },
    });
    expect(put.status, put.text).toBe(201);
    const { events } = await feedOf({ group_uuid: invited.json.group_uuid }, 3);
    expect(events.map((e) => [e.type, e.sequence])).toEqual([
      ['group.created', 1],
      ['membership.added', 2],
      ['membership.activated', 3],
    ]);
    expect(events[1]!.data.after).toMatchObject({ status: 'pending', pending_learner_email: email });
    expect(events[2]!.data.after).toMatchObject({ status: 'active', learner_uuid: learner });
  });

  it("numbers a course's enrollment events in the tenant, apart from any group", async () => {
    const staff = await tokenFor({ roles: ['staff'], sub: 'events-staff' });
    const course = `course-v1:Events+${tenant.slice(0, 8)}+1`;
    const enroll = async (action: string) => {
      const answer = await api('POST', '/api/bulk_enroll/v1/bulk_enroll/', {
        token: staff,
        body: {
          action,
          courses: course,
          identifiers: [`ev-${learners[0]}@example.com`],
          enterprise_customer_uuid: tenant,
        },
      });
      expect(answer.status, answer.text).toBe(200);
    };
    await enroll('enroll');
    await enroll('unenroll');
    const { events } = await feedOf({ type: 'enrollment.*' }, 2);
    expect(events.map((e) => [e.type, e.sequence, e.group_uuid])).toEqual([
      ['enrollment.enrolled', 1, null],
      ['enrollment.unenrolled', 2, null],
    ]);
    expect(events.map((e) => (e as unknown as { course_id: string }).course_id)).toEqual([course, course]);
    expect(events[0]!.data.after).toMatchObject({ learner_uuid: learners[0], status: 'enrolled' });
  });
});
