import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { activeMembers, settled as settledAs } from './automatic-group-reads';
import { api, tokenFor } from './client';

const tenant = randomUUID();
let admin: string;

const GROUPS = '/api/v1/enterprise-group';
const LEARNERS = `/api/v1/enterprise-customer/${tenant}/learners`;
const DEPARTMENTS = ['sales', 'hr', 'it', 'ops'];

const learners = Array.from({ length: 200 }, (_, i) => ({
  learner_uuid: randomUUID() as string,
  email: `auto-${i}@example.com`,
  attributes: { department: DEPARTMENTS[i % 4]!, level: i % 50 },
}));

const attr = (field: string, op: string, value: unknown) => ({ type: 'attribute', payload: { field, op, value } });

const settled = (groupUuid: string) => settledAs(admin, groupUuid);
const members = (groupUuid: string) => activeMembers(admin, groupUuid);

const uuidsWhere = (pick: (l: (typeof learners)[number]) => boolean) =>
  new Set(learners.filter(pick).map((l) => l.learner_uuid));

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
  const bulk = await api('POST', `${LEARNERS}/bulk`, { token: admin, body: { learners } });
  expect(bulk.status).toBeLessThan(300);
});

describe('automatic groups over HTTP', () => {
  it('follows its rules through create, PATCH, learner changes, history, preview and explain', async () => {
    const ruleset = {
      operator: 'OR',
      sets: [
        { rules: [attr('department', 'equals', 'sales')] },
        { rules: [attr('attributes.department', 'equals', 'hr'), attr('level', 'gte', 40)] },
      ],
    };
    const created = await api('POST', `${GROUPS}/`, {
      token: admin,
      // The PATCH below removes every member: without the removal guard (removal-guard.test.ts), at once.
      body: {
        name: `Auto ${randomUUID()}`,
        enterprise_customer_uuid: tenant,
        type: 'automatic',
        ruleset,
        removal_guard: null,
      },
    });
    expect(created.status).toBe(201);
    const groupUuid = created.json.group_uuid;
    const first = await settled(groupUuid);
    expect(first.rule_processing).toMatchObject({ state: 'on', status: 'succeeded' });
    const v1 = uuidsWhere(
      (l) => l.attributes.department === 'sales' || (l.attributes.department === 'hr' && l.attributes.level >= 40),
    );
    expect(await members(groupUuid)).toEqual(v1);

    const patched = await api('PATCH', `${GROUPS}/${groupUuid}/`, {
      token: admin,
      body: {
        ruleset: {
          operator: 'AND',
          sets: [{ rules: [attr('department', 'in', ['it', 'ops']), attr('level', 'lt', 10)] }],
        },
      },
    });
    expect(patched.status).toBe(200);
    await settled(groupUuid);
    const v2 = uuidsWhere((l) => ['it', 'ops'].includes(l.attributes.department) && l.attributes.level < 10);
    expect(await members(groupUuid)).toEqual(v2);

    // A learner update moves it in, then out, within seconds and without a recalculation.
    const mover = learners.find((l) => l.attributes.department === 'sales')!;
    const put = (department: string) =>
      api('PUT', `${LEARNERS}/${mover.learner_uuid}/`, {
        token: admin,
        body: { email: mover.email, attributes: { department, level: 1 } },
      });
    expect((await put('it')).status).toBeLessThan(300);
    expect((await members(groupUuid)).has(mover.learner_uuid)).toBe(true);
    const explainIn = await api('GET', `${GROUPS}/${groupUuid}/learners/${mover.learner_uuid}/explain`, {
      token: admin,
    });
    expect(explainIn.status).toBe(200);
    expect(explainIn.json).toMatchObject({ member: true, source: 'rule', matches: true, rule_version: 2 });
    expect(explainIn.json.sets[0].rules[0]).toMatchObject({ result: true, observed: 'it' });
    expect((await put('sales')).status).toBeLessThan(300);
    expect((await members(groupUuid)).has(mover.learner_uuid)).toBe(false);
    const explainOut = await api('GET', `${GROUPS}/${groupUuid}/learners/${mover.learner_uuid}/explain`, {
      token: admin,
    });
    expect(explainOut.json).toMatchObject({ member: false, matches: false });
    expect(explainOut.json.sets[0].rules[0]).toMatchObject({ result: false, observed: 'sales' });

    const history = await api('GET', `${GROUPS}/${groupUuid}/conditions-history/`, { token: admin });
    expect(history.status).toBe(200);
    expect(history.json.results.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.json.results[1].ruleset.operator).toBe('OR');

    const preview = await api('POST', `${GROUPS}/preview`, {
      token: admin,
      body: { enterprise_customer_uuid: tenant, ruleset, group_uuid: groupUuid, sample_size: 5 },
    });
    expect(preview.status).toBe(200);
    const now = await members(groupUuid);
    const v1Now = uuidsWhere(
      (l) =>
        l !== mover &&
        (l.attributes.department === 'sales' || (l.attributes.department === 'hr' && l.attributes.level >= 40)),
    );
    v1Now.add(mover.learner_uuid); // the mover is in sales now, level 1
    expect(preview.json.matching_count).toBe(v1Now.size);
    expect(preview.json.would_add.count).toBe([...v1Now].filter((u) => !now.has(u)).length);
    expect(preview.json.would_remove.count).toBe([...now].filter((u) => !v1Now.has(u)).length);
    expect(preview.json.sample).toHaveLength(5);
    expect(await members(groupUuid)).toEqual(now); // a preview writes nothing
  });

  it('refuses an 11th set with a 400 naming its path', async () => {
    const sets = Array.from({ length: 11 }, () => ({ rules: [attr('department', 'equals', 'hr')] }));
    const refused = await api('POST', `${GROUPS}/`, {
      token: admin,
      body: {
        name: `Auto ${randomUUID()}`,
        enterprise_customer_uuid: tenant,
        type: 'automatic',
        ruleset: { operator: 'OR', sets },
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.details.map((d: { path: string }) => d.path)).toContain('body.ruleset.sets.10');
  });

  it('starts a recalculation by hand and answers 202 with the job', async () => {
    const created = await api('POST', `${GROUPS}/`, {
      token: admin,
      body: {
        name: `Auto ${randomUUID()}`,
        enterprise_customer_uuid: tenant,
        type: 'automatic',
        ruleset: { operator: 'AND', sets: [{ rules: [attr('department', 'equals', 'ops')] }] },
      },
    });
    await settled(created.json.group_uuid);
    const started = await api('POST', `${GROUPS}/${created.json.group_uuid}/recalculate`, { token: admin });
    expect(started.status).toBe(202);
    expect(started.json.job_id).toBeTruthy();
    await settled(created.json.group_uuid);
    expect(await members(created.json.group_uuid)).toEqual(uuidsWhere((l) => l.attributes.department === 'ops'));
  });
});
