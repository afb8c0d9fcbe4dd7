import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, outboxFile, tokenFor } from './client';

const tenant = randomUUID();
const otherTenant = randomUUID();
let staff: string;
let admin: string;

const BULK = '/api/bulk_enroll/v1/bulk_enroll/';
const C1 = `course-v1:edX+Demo+${randomUUID().slice(0, 6)}`;
const C2 = `course-v1:edX+Demo2+${randomUUID().slice(0, 6)}`;
const learnerPath = (t: string, id: string) => `/api/v1/enterprise-customer/${t}/learners/${id}/`;
const enrollmentsOf = (course: string, query = '') =>
  `/api/v1/courses/${encodeURIComponent(course)}/enrollments/?enterprise_customer_uuid=${tenant}${query}`;

async function putLearner(t: string, body: Record<string, unknown>, id = randomUUID()) {
  const res = await api('PUT', learnerPath(t, id), { token: staff, body });
  expect(res.status, res.text).toBe(201);
  return id;
}

/** The JSON lines of the stack's outbox that belong to `t`, once `n` of them are there. */
async function outboxOf(t: string, n: number) {
  const file = outboxFile;
  for (let i = 0; i < 100; i++) {
    const lines = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
          .filter((m) => m.enterprise_customer_uuid === t)
      : [];
    if (lines.length >= n) return lines;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the outbox never held ${n} messages of tenant ${t}`);
}

beforeAll(async () => {
  staff = await tokenFor({ roles: ['staff'] });
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
});

describe('Open edX bulk_enroll over HTTP', () => {
  let brandon: string;
  let carmen: string;

  beforeAll(async () => {
    brandon = await putLearner(tenant, { email: 'brandon@example.com' });
    carmen = await putLearner(tenant, { email: 'carmen@example.com', username: 'carmen' });
  });

  it("answers the seed's example (two courses, two cohorts, three identifiers, one unknown) per identifier", async () => {
    const res = await api('POST', BULK, {
      token: staff,
      body: {
        auto_enroll: true,
        email_students: true,
        action: 'enroll',
        courses: `${C1},${C2}`,
        cohorts: 'cohortA,cohortB',
        identifiers: 'brandon@example.com,yamilah@example.com\ncarmen',
        enterprise_customer_uuid: tenant,
      },
    });
    expect(res.status, res.text).toBe(200);
    const none = { user: true, enrollment: false, allowed: false, auto_enroll: false, cohort: null };
    const course = (cohort: string) => ({
      action: 'enroll',
      auto_enroll: true,
      results: [
        { identifier: 'brandon@example.com', before: none, after: { ...none, enrollment: true, cohort } },
        {
          identifier: 'yamilah@example.com',
          before: { ...none, user: false },
          after: { user: false, enrollment: false, allowed: true, auto_enroll: true, cohort },
        },
        { identifier: 'carmen', before: none, after: { ...none, enrollment: true, cohort } },
      ],
    });
    expect(res.json).toEqual({
      action: 'enroll',
      auto_enroll: true,
      email_students: true,
      courses: { [C1]: course('cohortA'), [C2]: course('cohortB') },
    });

    const listed = await api('GET', enrollmentsOf(C2), { token: staff });
    expect(listed.json.count).toBe(3);
    expect(listed.json.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ learner_uuid: brandon, pending_email: null, status: 'enrolled', cohort: 'cohortB' }),
        expect.objectContaining({ learner_uuid: null, pending_email: 'yamilah@example.com', status: 'allowed' }),
        expect.objectContaining({ learner_uuid: carmen, status: 'enrolled', batch_id: null }),
      ]),
    );

    const audit = await api('GET', `/api/v1/courses/${C1}/enrollments/audit/?enterprise_customer_uuid=${tenant}`, {
      token: staff,
    });
    expect(audit.json.results.map((a: { transition: string }) => a.transition).sort()).toEqual([
      'from unenrolled to allowed to enroll',
      'from unenrolled to enrolled',
      'from unenrolled to enrolled',
    ]);
    expect(audit.json.results[0]).toMatchObject({ actor: 'local-staff', reason: 'bulk_enroll' });
  });

  it('puts one e-mail per change in the outbox for email_students', async () => {
    const messages = await outboxOf(tenant, 6);
    expect(messages).toHaveLength(6);
    expect(
      messages
        .filter((m) => m.template === 'enrollment_enrolled')
        .map((m) => m.to)
        .sort(),
    ).toEqual(['brandon@example.com', 'brandon@example.com', 'carmen@example.com', 'carmen@example.com']);
    // The outbox queue does not keep order: compare by course.
    const allowed = messages
      .filter((m) => m.template === 'enrollment_allowed')
      .sort((a, b) => String(a.context.course_id).localeCompare(String(b.context.course_id)));
    expect(allowed).toEqual([
      expect.objectContaining({
        to: 'yamilah@example.com',
        learner_uuid: null,
        context: expect.objectContaining({ course_id: C1 }),
      }),
      expect.objectContaining({ to: 'yamilah@example.com', context: expect.objectContaining({ course_id: C2 }) }),
    ]);
  });

  it('enrolls the unknown e-mail once its learner is created', async () => {
    const yamilah = await putLearner(tenant, { email: 'Yamilah@Example.com' });
    const mine = await api('GET', `${learnerPath(tenant, yamilah)}enrollments/?status=enrolled`, { token: admin });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.json.count).toBe(2);
    expect(mine.json.results.map((e: { cohort: string }) => e.cohort).sort()).toEqual(['cohortA', 'cohortB']);
    const pending = await api('GET', enrollmentsOf(C1, '&status=allowed'), { token: staff });
    expect(pending.json.count).toBe(0);
  });

  it('refuses a cohorts list that does not match the courses, and writes nothing', async () => {
    const course = `course-v1:edX+Mismatch+${randomUUID().slice(0, 6)}`;
    const res = await api('POST', BULK, {
      token: staff,
      body: {
        action: 'enroll',
        courses: [course, C1],
        cohorts: ['only-one'],
        identifiers: ['brandon@example.com'],
        enterprise_customer_uuid: tenant,
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.details).toEqual([expect.objectContaining({ path: 'body.cohorts' })]);
    expect((await api('GET', enrollmentsOf(course), { token: staff })).json.count).toBe(0);
  });

  it('is for staff only', async () => {
    const res = await api('POST', BULK, {
      token: admin,
      body: { action: 'unenroll', courses: C1, identifiers: 'brandon@example.com', enterprise_customer_uuid: tenant },
    });
    expect(res.status).toBe(403);
    const still = await api('GET', enrollmentsOf(C1, '&status=enrolled'), { token: staff });
    expect(still.json.count).toBe(3);
  });

  it('throttles each caller with 429 and Retry-After', async () => {
    const busy = await tokenFor({ roles: ['staff'], sub: `busy-${randomUUID()}` });
    const body = { action: 'enroll', courses: C1, identifiers: 'not-anyone', enterprise_customer_uuid: tenant };
    let limited: Awaited<ReturnType<typeof api>> | undefined;
    let passed = 0;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await api('POST', BULK, { token: busy, body });
      if (res.status === 429) limited = res;
      else passed++;
    }
    expect(limited?.json.code).toBe('rate_limited');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(passed).toBeGreaterThanOrEqual(120);
    // Another caller is not affected.
    expect((await api('POST', BULK, { token: staff, body })).status).toBe(200);
  });
});

describe('invite-only batches over HTTP', () => {
  const course = `do_${randomUUID().slice(0, 12)}`;
  let batchId: string;
  const teachers: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 6; i++) {
      teachers.push(
        await putLearner(tenant, { email: `teacher${i}-${course}@example.com`, state_id: `ST-${course}-${i}` }),
      );
    }
  });

  it("creates a batch, adds participants, skips present ones and answers other tenants' learners as unknown, per row", async () => {
    const created = await api('POST', `/api/v1/courses/${course}/batches/`, {
      token: admin,
      body: { name: 'Teachers 2026', enrollment_type: 'invite_only', enterprise_customer_uuid: tenant },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ course_id: course, participant_count: 0, enrollment_type: 'invite_only' });
    batchId = created.json.batch_id;

    const first = await api('POST', `/api/v1/batches/${batchId}/participants/add`, {
      token: admin,
      body: { identifier_type: 'state_id', identifiers: [0, 1, 2].map((i) => `ST-${course}-${i}`) },
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ count: 3, participant_count: 3 });

    const stranger = await putLearner(otherTenant, { email: `stranger-${course}@example.com` });
    const second = await api('POST', `/api/v1/batches/${batchId}/participants/add`, {
      token: admin,
      body: { identifier_type: 'user_id', identifiers: [...teachers, stranger] },
    });
    expect(second.status).toBe(201);
    expect(second.json.count).toBe(3);
    expect(second.json.skipped.map((s: { outcome: string }) => s.outcome)).toEqual(Array(3).fill('already_present'));
    // Another tenant's learner answers exactly as an unknown uuid.
    expect(second.json.errors).toEqual([
      { identifier: stranger, outcome: 'not_found', message: 'no learner with this user_id' },
    ]);
    expect(second.json.participant_count).toBe(6);
  });

  it('records a completion, which a removal then leaves in place; participant_count stays exact', async () => {
    const done = await api('PATCH', `/api/v1/courses/${course}/enrollments/${teachers[0]}/`, {
      token: admin,
      body: { status: 'completed', enterprise_customer_uuid: tenant },
    });
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ status: 'completed', batch_id: batchId });

    const removed = await api('POST', `/api/v1/batches/${batchId}/participants/remove`, {
      token: admin,
      body: { identifier_type: 'email', identifiers: [0, 1].map((i) => `TEACHER${i}-${course}@example.com`) },
    });
    expect(removed.status).toBe(200);
    expect(removed.json).toMatchObject({ count: 1, participant_count: 5 });
    expect(removed.json.skipped).toEqual([expect.objectContaining({ outcome: 'already_completed' })]);

    const batch = await api('GET', `/api/v1/batches/${batchId}/`, { token: admin });
    expect(batch.json.participant_count).toBe(5);
    const page1 = await api('GET', `/api/v1/batches/${batchId}/participants/?page_size=3`, { token: admin });
    expect(page1.json.count).toBe(5);
    expect(page1.json.results).toHaveLength(3);
    const page2 = await api('GET', page1.json.next, { token: admin });
    expect(page2.json.results).toHaveLength(2);
    const ids = [...page1.json.results, ...page2.json.results].map((r: { learner_uuid: string }) => r.learner_uuid);
    expect(new Set(ids)).toEqual(new Set([teachers[0], ...teachers.slice(2)]));

    const byBatch = await api('GET', enrollmentsOf(course, `&batch_id=${batchId}&status=unenrolled`), { token: admin });
    expect(byBatch.json.results).toEqual([
      expect.objectContaining({ learner_uuid: teachers[1], status: 'unenrolled' }),
    ]);
  });

  it("hides a batch from another tenant's administrator", async () => {
    const outsider = await tokenFor({ roles: ['enterprise_admin'], enterprises: [otherTenant] });
    expect((await api('GET', `/api/v1/batches/${batchId}/`, { token: outsider })).status).toBe(404);
  });
});
