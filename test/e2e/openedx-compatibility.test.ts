import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiUrl, tokenFor } from './client';

const tenant = randomUUID();
const otherTenant = randomUUID();
let staff: string;
let admin: string;

const BULK = '/api/bulk_enroll/v1/bulk_enroll/';
const GROUPS = '/api/v1/enterprise-group';
const course = () => `course-v1:Compat+${randomUUID().slice(0, 8)}+2026`;

async function putLearner(t: string, email: string) {
  const uuid = randomUUID();
  const res = await api('PUT', `/api/v1/enterprise-customer/${t}/learners/${uuid}/`, { token: staff, body: { email } });
  expect(res.status, res.text).toBe(201);
  return uuid;
}

/** A form POST as a browser or Django's test client sends it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response fields
async function postForm(path: string, form: URLSearchParams | FormData): Promise<{ status: number; json: any }> {
  const response = await fetch(new URL(path, apiUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${staff}` },
    body: form,
  });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  staff = await tokenFor({ roles: ['staff'] });
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
});

describe('bulk_enroll with a form body (Open edX accepts forms and JSON)', () => {
  it('answers a urlencoded and a multipart form exactly as the same request in JSON', async () => {
    const email = `form-${randomUUID()}@example.com`;
    await putLearner(tenant, email);
    const unknown = `nobody-${randomUUID()}@example.com`;
    const fields = (c: string) => ({
      action: 'enroll',
      courses: c,
      identifiers: `${email},\n${unknown}`,
      auto_enroll: 'true',
      email_students: 'False',
      enterprise_customer_uuid: tenant,
    });
    const [viaJson, viaForm, viaMultipart] = [course(), course(), course()];
    const json = await api('POST', BULK, { token: staff, body: fields(viaJson) });
    expect(json.status, json.text).toBe(200);
    const form = await postForm(BULK, new URLSearchParams(fields(viaForm)));
    expect(form.status).toBe(200);
    const multipart = new FormData();
    for (const [name, value] of Object.entries(fields(viaMultipart))) multipart.append(name, value);
    const parts = await postForm(BULK, multipart);
    expect(parts.status).toBe(200);
    const answerOf = (c: string) => ({ ...json.json, courses: { [c]: json.json.courses[viaJson] } });
    expect(form.json).toEqual(answerOf(viaForm));
    expect(parts.json).toEqual(answerOf(viaMultipart));
    expect(json.json.auto_enroll).toBe(true);
    expect(json.json.courses[viaJson].results.map((r: { identifier: string }) => r.identifier)).toEqual([
      email,
      unknown,
    ]);
  });

  it('refuses a form that misses a field, naming it, and a form on a JSON-only route as malformed JSON', async () => {
    const refused = await postForm(
      BULK,
      new URLSearchParams({ action: 'enroll', courses: course(), identifiers: 'a' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.json.details).toEqual([expect.objectContaining({ path: 'body.enterprise_customer_uuid' })]);
    const elsewhere = await postForm(
      `${GROUPS}/`,
      new URLSearchParams({ name: 'x', enterprise_customer_uuid: tenant }),
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.code).toBe('malformed_json');
  });
});

describe('enterprise groups as Open edX clients read them', () => {
  it("answers remove_learners in one shape with Open edX's records_deleted, remove_all included", async () => {
    const group = (
      await api('POST', `${GROUPS}/`, {
        token: admin,
        body: { name: `Compat ${randomUUID()}`, enterprise_customer_uuid: tenant },
      })
    ).json;
    const emails = [0, 1, 2].map((i) => `member${i}-${randomUUID()}@example.com`);
    await api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
      token: admin,
      body: { learner_emails: emails },
    });

    const members = await api('GET', `${GROUPS}/${group.group_uuid}/learners/`, { token: admin });
    // Open edX's member_details of a pending member: its e-mail alone.
    expect(members.json.results.map((m: { member_details: unknown }) => m.member_details)).toEqual(
      expect.arrayContaining(emails.map((user_email) => ({ user_email }))),
    );

    const named = await api(
      'GET',
      `${GROUPS}/${group.group_uuid}/learners/?learners=${emails[0]}&learners=${emails[1]}&sort_by=status`,
      { token: admin },
    );
    expect(named.status, named.text).toBe(200);
    expect(named.json.results.map((m: { pending_learner_email: string }) => m.pending_learner_email).sort()).toEqual(
      emails.slice(0, 2).sort(),
    );

    const one = await api('POST', `${GROUPS}/${group.group_uuid}/remove_learners`, {
      token: admin,
      body: { learner_emails: [emails[0]] },
    });
    expect(one.json).toMatchObject({ count: 1, records_deleted: 1, skipped: [], errors: [] });
    expect(one.json.results).toHaveLength(1);
    const all = await api('POST', `${GROUPS}/${group.group_uuid}/remove_learners`, {
      token: admin,
      body: { remove_all: true },
    });
    expect(all.status).toBe(200);
    expect(all.json).toEqual({ count: 2, records_deleted: 2, results: [], skipped: [], errors: [] });
  });

  it('answers staff and the tenant’s admins with no groups for an unknown learner_uuid, and refuses other tenants’ admins', async () => {
    const unknown = randomUUID();
    for (const token of [staff, admin]) {
      const listed = await api('GET', `${GROUPS}/?enterprise_uuid=${tenant}&learner_uuid=${unknown}`, { token });
      expect(listed.status).toBe(200);
      expect(listed.json).toMatchObject({ count: 0, results: [] });
    }
    const outsider = await tokenFor({ roles: ['enterprise_admin'], enterprises: [otherTenant] });
    const refused = await api('GET', `${GROUPS}/?enterprise_uuid=${tenant}&learner_uuid=${unknown}`, {
      token: outsider,
    });
    expect(refused.status).toBe(403);
  });
});

describe("a course's enrollments", () => {
  it('are listed across tenants for staff without enterprise_customer_uuid; admins must name theirs', async () => {
    const c = course();
    for (const t of [tenant, otherTenant]) {
      const enrolled = await api('POST', BULK, {
        token: staff,
        body: {
          action: 'enroll',
          courses: c,
          identifiers: `x-${randomUUID()}@example.com`,
          enterprise_customer_uuid: t,
        },
      });
      expect(enrolled.status).toBe(200);
    }
    const path = `/api/v1/courses/${encodeURIComponent(c)}/enrollments/`;
    const tenants: string[] = [];
    let next: string | null = `${path}?page_size=1`;
    while (next !== null) {
      const page = await api('GET', next, { token: staff });
      expect(page.status, page.text).toBe(200);
      expect(page.json.count).toBe(2);
      tenants.push(...page.json.results.map((e: { enterprise_customer_uuid: string }) => e.enterprise_customer_uuid));
      next = page.json.next;
    }
    expect(tenants.sort()).toEqual([tenant, otherTenant].sort());

    const refused = await api('GET', path, { token: admin });
    expect(refused.status).toBe(400);
    expect(refused.json.details).toEqual([expect.objectContaining({ path: 'query.enterprise_customer_uuid' })]);
    const own = await api('GET', `${path}?enterprise_customer_uuid=${tenant}`, { token: admin });
    expect(own.json.count).toBe(1);
  });
});
