import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { settled } from './automatic-group-reads';
import { api, tokenFor } from './client';
import { jobEnded } from './job-waits';

const tenant = randomUUID();
let admin: string;

const GROUPS = '/api/v1/enterprise-group';
const SAFETY = `course-v1:Acme+Safety+${randomUUID().slice(0, 6)}`;
const ETHICS = `course-v1:Acme+Ethics+${randomUUID().slice(0, 6)}`;
const learnerPath = (id: string) => `/api/v1/enterprise-customer/${tenant}/learners/${id}/`;

/** Status of each named learner (or e-mail) in a course of the tenant; absent ones read `none`. */
async function statuses(course: string): Promise<Record<string, string>> {
  const res = await api(
    'GET',
    `/api/v1/courses/${encodeURIComponent(course)}/enrollments/?enterprise_customer_uuid=${tenant}&page_size=1000`,
    { token: admin },
  );
  expect(res.status, res.text).toBe(200);
  return Object.fromEntries(
    res.json.results.map((e: { learner_uuid: string | null; pending_email: string | null; status: string }) => [
      e.learner_uuid ?? e.pending_email,
      e.status,
    ]),
  );
}

async function learners(n: number, extra: Record<string, unknown> = {}): Promise<string[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const id = randomUUID();
      const res = await api('PUT', learnerPath(id), { token: admin, body: { email: `${id}@example.com`, ...extra } });
      expect(res.status, res.text).toBe(201);
      return id;
    }),
  );
}

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
});

describe('group learning modules over HTTP (SmarterU auto-enroll)', () => {
  it('enrolls present members through a job when a module is attached, and every member added later', async () => {
    const created = await api('POST', `${GROUPS}/`, {
      token: admin,
      body: { name: `Onboarding ${randomUUID()}`, enterprise_customer_uuid: tenant },
    });
    const group = created.json;
    expect(group.learning_modules).toEqual([]);
    const present = await learners(3);
    const invited = `later-${randomUUID()}@example.com`;
    await api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
      token: admin,
      body: { learner_uuids: present, learner_emails: [invited] },
    });

    const patched = await api('PATCH', `${GROUPS}/${group.group_uuid}/`, {
      token: admin,
      body: { learning_modules: [{ course_id: SAFETY, auto_enroll: true }, { course_id: ETHICS }] },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json.learning_modules).toEqual([
      { course_id: SAFETY, allow_self_enroll: false, auto_enroll: true },
      { course_id: ETHICS, allow_self_enroll: false, auto_enroll: false },
    ]);
    const enrollment = patched.json.learning_module_enrollment;
    expect(enrollment).toMatchObject({ status: 'queued', status_url: expect.stringContaining('/api/v1/jobs/') });
    const job = await jobEnded(admin, enrollment.status_url, 30_000, 150);
    expect(job).toMatchObject({ status: 'succeeded', kind: 'enroll_learning_modules', total: 4, succeeded: 4 });
    expect(job.outcome_counts).toEqual({ enrolled: 3, allowed: 1 });
    expect(await statuses(SAFETY)).toEqual({
      ...Object.fromEntries(present.map((l) => [l, 'enrolled'])),
      [invited]: 'allowed',
    });
    expect(await statuses(ETHICS)).toEqual({});

    // A member added later is enrolled by the assign itself; the invited e-mail once its learner exists.
    const [newcomer] = await learners(1);
    const added = await api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
      token: admin,
      body: { learner_uuids: [newcomer] },
    });
    expect(added.status).toBe(201);
    const invitedLearner = randomUUID();
    await api('PUT', learnerPath(invitedLearner), { token: admin, body: { email: invited } });
    const now = await statuses(SAFETY);
    expect(now[newcomer!]).toBe('enrolled');
    expect(now[invitedLearner]).toBe('enrolled');

    // The group's history records the change; a PATCH that enrolls nobody new starts no job.
    const again = await api('PATCH', `${GROUPS}/${group.group_uuid}/`, { token: admin, body: { description: 'x' } });
    expect(again.json.learning_module_enrollment).toBeNull();
    const history = await api('GET', `${GROUPS}/${group.group_uuid}/history/?page_size=10`, { token: admin });
    expect(history.json.results.map((e: { changes?: object }) => Object.keys(e.changes ?? {}))).toContainEqual([
      'learning_modules',
    ]);
  });

  it('enrolls the learners an automatic group takes in', async () => {
    const [inside, outside] = await Promise.all([learners(2, { attributes: { site: 'plant-7' } }), learners(1)]);
    const created = await api('POST', `${GROUPS}/`, {
      token: admin,
      body: {
        name: `Plant 7 ${randomUUID()}`,
        enterprise_customer_uuid: tenant,
        type: 'automatic',
        ruleset: {
          operator: 'AND',
          sets: [{ rules: [{ type: 'attribute', payload: { field: 'site', op: 'equals', value: 'plant-7' } }] }],
        },
        learning_modules: [{ course_id: ETHICS, auto_enroll: true }],
      },
    });
    expect(created.status, created.text).toBe(201);
    await settled(admin, created.json.group_uuid);
    const enrolled = await statuses(ETHICS);
    for (const l of inside!) expect(enrolled[l]).toBe('enrolled');
    expect(enrolled[outside![0]!]).toBeUndefined();
  });

  it('names a module listed twice and a bad course id', async () => {
    const res = await api('POST', `${GROUPS}/`, {
      token: admin,
      body: {
        name: `Bad ${randomUUID()}`,
        enterprise_customer_uuid: tenant,
        learning_modules: [{ course_id: SAFETY }, { course_id: 'no/slash' }, { course_id: SAFETY }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.learning_modules.1.course_id',
      'body.learning_modules.2.course_id',
    ]);
  });
});
