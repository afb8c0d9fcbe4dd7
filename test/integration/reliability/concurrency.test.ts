import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Membership } from '#shared/memberships/membership';
import { type ApiAnswer, type ReliabilityStack, startReliabilityStack } from './in-process-stack';
import { allMemberships, expectGroupConsistent, expectJobHonest } from './invariants';

/**
 * Races through the whole stack in process: concurrent HTTP calls, and recalculation chunks applied
 * by the real queue workers while other writers run. Whatever the interleaving, the invariants hold.
 */
let s: ReliabilityStack;

beforeAll(async () => {
  s = await startReliabilityStack();
});

afterAll(async () => {
  await s?.stop();
});

const GROUPS = '/api/v1/enterprise-group';
const jobs = () => s.repositories.jobs;

/** A deterministic pseudo-random sequence, so a failing race can be replayed with its seed. */
function random(seed: number) {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const pick = <T>(rand: () => number, list: T[], n: number) =>
  Array.from({ length: n }, () => list[Math.floor(rand() * list.length)]!);

async function newTenant() {
  const tenant = randomUUID();
  return { tenant, token: await s.adminToken(tenant) };
}

async function createGroup(token: string, tenant: string, extra: Record<string, unknown> = {}) {
  const created = await s.api('POST', `${GROUPS}/`, {
    token,
    body: { name: `Race ${randomUUID()}`, enterprise_customer_uuid: tenant, ...extra },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json as { group_uuid: string; rule_processing?: { job_id: string } };
}

/** +1 for every change that adds a seat, -1 for every removal, over all the answers of a race. */
function seatsMoved(answers: ApiAnswer[]): number {
  return answers
    .filter((a) => a.status === 200 || a.status === 201)
    .flatMap((a) => a.json.results as { outcome: string }[])
    .reduce(
      (n, r) => n + (['added', 'revived', 'invited'].includes(r.outcome) ? 1 : r.outcome === 'removed' ? -1 : 0),
      0,
    );
}

async function settledRules(groupUuid: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await s.idle(timeoutMs);
    const group = await s.repositories.groups.get(groupUuid);
    if (group?.rule_processing?.status !== 'running') return group!;
    if (Date.now() > deadline) throw new Error(`recalculation of ${groupUuid} still running`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const activeLearners = (members: Membership[]) =>
  new Set(members.filter((m) => m.status === 'active').map((m) => m.learner_uuid!));

describe('concurrent writers on one group', () => {
  it('keep every learner counted once, and every reported change is real', async () => {
    const { tenant, token } = await newTenant();
    const learners = await s.seedLearners(tenant, 200);
    const group = await createGroup(token, tenant);
    const rand = random(42);
    const emails = Array.from({ length: 30 }, (_, i) => `invitee-${i}-${tenant}@example.com`);
    const call = (i: number): Promise<ApiAnswer> => {
      const path = `${GROUPS}/${group.group_uuid}/${i % 3 === 2 ? 'remove' : 'assign'}_learners`;
      const body =
        i % 5 === 4
          ? { learner_emails: [...pick(rand, emails, 5), ...pick(rand, learners, 5).map((u) => `e-${u}@example.com`)] }
          : { learner_uuids: pick(rand, learners, 10 + Math.floor(rand() * 40)) };
      return s.api('POST', path, { token, body });
    };
    const answers: ApiAnswer[] = [];
    for (let round = 0; round < 3; round++) {
      answers.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => call(round * 20 + i)))));
    }
    expect(answers.filter((a) => ![200, 201].includes(a.status)).map((a) => [a.status, a.json])).toEqual([]);
    const members = await expectGroupConsistent(s.repositories, group.group_uuid);
    expect(members.length).toBe(seatsMoved(answers));
  });

  it('never pass the user limit with 30 writers assigning, inviting, removing, activating and deleting', async () => {
    const { tenant, token } = await newTenant();
    const learners = await s.seedLearners(tenant, 120);
    const limit = 40;
    const group = await createGroup(token, tenant, { user_limit: limit });
    const rand = random(7);
    const invited = Array.from({ length: 20 }, () => randomUUID());
    const writers: (() => Promise<unknown>)[] = [
      ...Array.from(
        { length: 12 },
        () => () =>
          s.api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
            token,
            body: { learner_uuids: pick(rand, learners, 15) },
          }),
      ),
      ...Array.from(
        { length: 4 },
        (_, i) => () =>
          s.api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
            token,
            body: { learner_emails: invited.slice(i * 5, i * 5 + 5).map((u) => `later-${u}@example.com`) },
          }),
      ),
      ...Array.from(
        { length: 6 },
        () => () =>
          s.api('POST', `${GROUPS}/${group.group_uuid}/remove_learners`, {
            token,
            body: { learner_uuids: pick(rand, learners, 8) },
          }),
      ),
      // A learner created with an invited e-mail turns the invitation into its membership (same seat).
      ...Array.from(
        { length: 5 },
        (_, i) => () =>
          Promise.all(
            invited.slice(i * 4, i * 4 + 4).map((u) =>
              s.api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${u}/`, {
                token,
                body: { email: `later-${u}@example.com` },
              }),
            ),
          ),
      ),
      ...Array.from(
        { length: 3 },
        (_, i) => () =>
          s.api('DELETE', `/api/v1/enterprise-customer/${tenant}/learners/${learners[100 + i]}/`, { token }),
      ),
    ];
    let running = true;
    let highest = 0;
    const sampler = (async () => {
      while (running) {
        highest = Math.max(highest, (await s.repositories.groups.get(group.group_uuid))!.member_count);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const outcomes = await Promise.allSettled(writers.map((w) => w()));
    running = false;
    await sampler;
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(highest).toBeLessThanOrEqual(limit);
    const members = await expectGroupConsistent(s.repositories, group.group_uuid);
    expect(members.length).toBeLessThanOrEqual(limit);
    expect(members.length).toBeGreaterThan(0);
  });

  it('leave no invitation pending for a learner created while its e-mail was being invited', async () => {
    const { tenant, token } = await newTenant();
    const group = await createGroup(token, tenant);
    const uuids = Array.from({ length: 40 }, () => randomUUID());
    await Promise.all(
      uuids.flatMap((u, i) => [
        s.api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
          token,
          body: { learner_emails: [`racer-${u}@example.com`] },
        }),
        new Promise((r) => setTimeout(r, i % 4)).then(() =>
          s.api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${u}/`, {
            token,
            body: { email: `racer-${u}@example.com` },
          }),
        ),
      ]),
    );
    const members = await expectGroupConsistent(s.repositories, group.group_uuid);
    expect(members.map((m) => m.learner_uuid).sort()).toEqual([...uuids].sort());
  });

  it('leave no course allowance waiting for a learner created while its e-mail was being enrolled', async () => {
    const { tenant, token } = await newTenant();
    const course = `course-v1:Race+${tenant.slice(0, 8)}+1`;
    const uuids = Array.from({ length: 30 }, () => randomUUID());
    // One staff caller per call: each caller's bulk_enroll allowance is its own token bucket.
    const staff = await Promise.all(uuids.map((u) => s.stack.mintToken({ sub: `staff-${u}`, roles: ['staff'] })));
    const answers = await Promise.all(
      uuids.flatMap((u, i) => [
        s.api('POST', '/api/bulk_enroll/v1/bulk_enroll/', {
          token: staff[i]!,
          body: {
            action: 'enroll',
            courses: course,
            identifiers: [`late-${u}@example.com`],
            auto_enroll: true,
            enterprise_customer_uuid: tenant,
          },
        }),
        new Promise((r) => setTimeout(r, i % 4)).then(() =>
          s.api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${u}/`, {
            token,
            body: { email: `late-${u}@example.com` },
          }),
        ),
      ]),
    );
    expect(answers.filter((a) => a.status >= 300).map((a) => JSON.stringify(a.json))).toEqual([]);
    const listed = await s.api(
      'GET',
      `/api/v1/courses/${course}/enrollments/?enterprise_customer_uuid=${tenant}&page_size=1000`,
      { token },
    );
    const rows = listed.json.results as { learner_uuid: string | null; pending_email: string | null; status: string }[];
    expect(rows.filter((r) => r.pending_email !== null)).toEqual([]);
    expect(rows.map((r) => [r.learner_uuid, r.status]).sort()).toEqual(uuids.map((u) => [u, 'enrolled']).sort());
  });

  it('leave no deleted learner a member when its delete races its assign', async () => {
    const { tenant, token } = await newTenant();
    const learners = await s.seedLearners(tenant, 40);
    const group = await createGroup(token, tenant);
    await Promise.all(
      learners.flatMap((u, i) => [
        s.api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, { token, body: { learner_uuids: [u] } }),
        new Promise((r) => setTimeout(r, i % 4)).then(() =>
          s.api('DELETE', `/api/v1/enterprise-customer/${tenant}/learners/${u}/`, { token }),
        ),
      ]),
    );
    const members = await expectGroupConsistent(s.repositories, group.group_uuid);
    expect(members).toEqual([]);
  });
});

describe('recalculation races', () => {
  /** A tenant whose learners are in `sales`, `hr` or `ops`, in turn. */
  async function departments(count: number) {
    const { tenant, token } = await newTenant();
    const depts = ['sales', 'hr', 'ops'];
    const uuids = await s.seedLearners(tenant, count, (i) => ({ attributes: { department: depts[i % 3]! } }));
    const dept = new Map(uuids.map((u, i) => [u, depts[i % 3]!]));
    return { tenant, token, uuids, dept };
  }

  const inDepartments = (...values: string[]) => ({
    operator: 'OR',
    sets: values.map((value) => ({
      rules: [{ type: 'attribute', payload: { field: 'department', op: 'equals', value } }],
    })),
  });

  it('racing manual edits and learner updates ends with the matching learners, minus exclusions, plus pins', async () => {
    const { tenant, token, uuids, dept } = await departments(600);
    const group = await createGroup(token, tenant, { type: 'automatic', ruleset: inDepartments('sales') });
    await settledRules(group.group_uuid);
    const sales = uuids.filter((u) => dept.get(u) === 'sales');
    const others = uuids.filter((u) => dept.get(u) !== 'sales');
    const excluded = sales.slice(0, 20);
    const pinned = others.slice(0, 20);
    const toSales = others.slice(20, 50);
    const toOps = sales.slice(20, 50);

    const recalculation = await s.api('POST', `${GROUPS}/${group.group_uuid}/recalculate`, { token });
    expect(recalculation.status).toBe(202);
    const put = (u: string, department: string) =>
      s.api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${u}/`, {
        token,
        body: { email: `e-${u}@example.com`, attributes: { department } },
      });
    const answers = await Promise.all([
      ...excluded.map((u) =>
        s.api('POST', `${GROUPS}/${group.group_uuid}/remove_learners`, { token, body: { learner_uuids: [u] } }),
      ),
      ...pinned.map((u) =>
        s.api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, { token, body: { learner_uuids: [u] } }),
      ),
      ...toSales.map((u) => put(u, 'sales')),
      ...toOps.map((u) => put(u, 'ops')),
    ]);
    expect(answers.filter((a) => ![200, 201].includes(a.status)).map((a) => [a.status, a.json])).toEqual([]);
    await settledRules(group.group_uuid);

    const expected = new Set([
      ...sales.filter((u) => !excluded.includes(u) && !toOps.includes(u)),
      ...toSales,
      ...pinned,
    ]);
    const members = await expectGroupConsistent(s.repositories, group.group_uuid);
    expect(activeLearners(members)).toEqual(expected);
    const all = await allMemberships(s.repositories, group.group_uuid);
    for (const u of excluded)
      expect(all.find((m) => m.learner_uuid === u)).toMatchObject({ status: 'removed', removed_by: 'admin' });
    for (const u of pinned) expect(members.find((m) => m.learner_uuid === u)?.source).toBe('manual');
    await expectJobHonest(jobs(), recalculation.json.job_id);
  });

  it('two recalculations racing (and a ruleset change in between) end with the newest ruleset exactly', async () => {
    const { tenant, token, uuids, dept } = await departments(600);
    const group = await createGroup(token, tenant, { type: 'automatic', ruleset: inDepartments('sales') });
    const started = [group.rule_processing!.job_id];
    const [again, changed] = await Promise.all([
      s.api('POST', `${GROUPS}/${group.group_uuid}/recalculate`, { token }),
      s.api('PATCH', `${GROUPS}/${group.group_uuid}/`, { token, body: { ruleset: inDepartments('hr', 'ops') } }),
    ]);
    expect(changed.status).toBe(200);
    if (again.status === 202) started.push(again.json.job_id);
    else expect(again.json.code).toBe('concurrent_modification');
    const last = await s.api('POST', `${GROUPS}/${group.group_uuid}/recalculate`, { token });
    expect(last.status).toBe(202);
    started.push(changed.json.rule_processing.job_id, last.json.job_id);
    const done = await settledRules(group.group_uuid);
    expect(done.rule_processing).toMatchObject({ status: 'succeeded', job_id: last.json.job_id });

    const members = await expectGroupConsistent(s.repositories, group.group_uuid);
    expect(activeLearners(members)).toEqual(new Set(uuids.filter((u) => dept.get(u) !== 'sales')));
    expect(members.every((m) => m.source === 'rule' && m.rule_generation === done.rule_generation)).toBe(true);
    for (const jobId of new Set(started)) await expectJobHonest(jobs(), jobId);
  });
});
