import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';
import { jobEnded, jobOfSource } from './job-waits';
import { uploadCsv } from './upload-csv';

const tenant = randomUUID();
let admin: string;
const GROUPS = '/api/v1/enterprise-group';
const JOBS = '/api/v1/jobs';

/** 10 learners, for the imports. */
const learners = Array.from({ length: 10 }, (_, i) => ({
  learner_uuid: randomUUID() as string,
  email: `revert-${i}-${randomUUID()}@example.com`,
}));

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
  const bulk = await api('POST', `/api/v1/enterprise-customer/${tenant}/learners/bulk`, {
    token: admin,
    body: { learners },
  });
  expect(bulk.status, bulk.text).toBeLessThan(300);
});

async function newGroup(extra: Record<string, unknown> = {}) {
  const created = await api('POST', `${GROUPS}/`, {
    token: admin,
    body: { name: `Revert ${randomUUID()}`, enterprise_customer_uuid: tenant, ...extra },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.group_uuid as string;
}

const finished = (jobId: string, timeoutMs = 120_000) => jobEnded(admin, jobId, timeoutMs);
const revert = (jobId: string, token = admin) => api('POST', `${JOBS}/${jobId}/revert`, { token });

async function members(groupUuid: string) {
  const page = await api('GET', `${GROUPS}/${groupUuid}/learners/?page_size=1000`, { token: admin });
  expect(page.status, page.text).toBe(200);
  return page.json.results as { learner_uuid: string | null; pending_learner_email: string | null }[];
}

const memberCount = async (groupUuid: string) =>
  (await api('GET', `${GROUPS}/${groupUuid}/`, { token: admin })).json.member_count as number;

describe('undoing a job over HTTP', () => {
  it('reverts a 5,000-row assign job: exactly its rows removed, a member added by hand kept, a row touched since skipped', async () => {
    const group = await newGroup();
    // 5,000 invitations: over the synchronous limit (1,000), so the assign is a job; no learner needed.
    const ROWS = 5_000;
    /** A 5,000-row job took some 45 s on two cores at a load of 14. */
    const BIG_JOB_MS = 300_000;
    const emails = Array.from({ length: ROWS }, (_, i) => `assigned-${i}-${randomUUID()}@example.com`);
    const assign = await api('POST', `${GROUPS}/${group}/assign_learners`, {
      token: admin,
      body: { learner_emails: emails },
    });
    expect(assign.status, assign.text).toBe(202);
    const job = await finished(assign.json.job_id, BIG_JOB_MS);
    expect(job.outcome_counts).toEqual({ invited: ROWS });

    // Meanwhile: a learner added by hand, one of the job's rows removed and added again by hand.
    const byHand = learners[0]!.learner_uuid;
    const touched = emails[7]!;
    for (const [path, body] of [
      ['assign_learners', { learner_uuids: [byHand] }],
      ['remove_learners', { learner_emails: [touched] }],
      ['assign_learners', { learner_emails: [touched] }],
    ] as const) {
      const answer = await api('POST', `${GROUPS}/${group}/${path}`, { token: admin, body });
      expect(answer.status, answer.text).toBeLessThan(300);
    }
    expect(await memberCount(group)).toBe(ROWS + 1);

    const outsider = await tokenFor({ roles: ['enterprise_admin'], enterprises: [randomUUID()] });
    expect((await revert(job.job_id, outsider)).status).toBe(404);

    const started = await revert(job.job_id);
    expect(started.status, started.text).toBe(202);
    expect(started.headers.location).toContain(`${JOBS}/${started.json.job_id}/`);
    expect(started.json).toMatchObject({ kind: 'revert', reverts: job.job_id, group_uuid: group, total: ROWS });
    const done = await finished(started.json.job_id, BIG_JOB_MS);
    expect(done).toMatchObject({
      status: 'succeeded',
      processed: ROWS,
      outcome_counts: { removed: ROWS - 1, changed_since: 1 },
    });
    const skipped = await api('GET', `${JOBS}/${done.job_id}/results/?outcome=changed_since`, { token: admin });
    expect(skipped.json.results.map((r: { identifier: string }) => r.identifier)).toEqual([touched]);
    expect((await finished(job.job_id)).reverted_by).toBe(done.job_id);

    const left = await members(group);
    expect(left.map((m) => m.learner_uuid ?? m.pending_learner_email).sort()).toEqual([byHand, touched].sort());
    expect(await memberCount(group)).toBe(2);

    const again = await revert(job.job_id);
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('job_already_reverted');

    // Reverting the revert redoes what it undid.
    const redo = await revert(done.job_id);
    expect(redo.status, redo.text).toBe(202);
    expect(await finished(redo.json.job_id, BIG_JOB_MS)).toMatchObject({
      status: 'succeeded',
      outcome_counts: { revived: ROWS - 1 },
    });
    expect(await memberCount(group)).toBe(ROWS + 1);
  }, 900_000);

  it('reverts a CSV import that removed members: revived with their home group and permissions', async () => {
    const group = await newGroup();
    const named = learners.slice(1, 6).map((l) => l.learner_uuid);
    const assigned = await api('POST', `${GROUPS}/${group}/assign_learners`, {
      token: admin,
      body: { learner_uuids: named, home_group: true, permissions: ['MARKER', 'INSTRUCTOR'] },
    });
    expect(assigned.status, assigned.text).toBe(201);
    const csv = 'group,identifier,action\n' + named.map((uuid) => `${group},${uuid},remove\n`).join('');
    const key = await uploadCsv(admin, tenant, 'group-members', csv, 'removals.csv');
    const removal = await finished((await jobOfSource(admin, tenant, key)).job_id);
    expect(removal.outcome_counts).toEqual({ removed: 5 });
    expect(await memberCount(group)).toBe(0);

    const started = await revert(removal.job_id);
    expect(started.status, started.text).toBe(202);
    const done = await finished(started.json.job_id);
    expect(done).toMatchObject({ status: 'succeeded', outcome_counts: { revived: 5 } });
    const back = (await members(group)) as unknown as {
      learner_uuid: string;
      home_group: boolean;
      permissions: string[];
    }[];
    expect(back.map((m) => m.learner_uuid).sort()).toEqual([...named].sort());
    for (const m of back) expect(m).toMatchObject({ home_group: true, permissions: ['MARKER', 'INSTRUCTOR'] });
  });

  it('reverts a bulk_enroll job: its allowances removed, one enrolled since left alone', async () => {
    const staff = await tokenFor({ roles: ['staff'], sub: 'revert-staff' });
    const course = `course-v1:edX+Revert+${randomUUID().slice(0, 6)}`;
    // Over the synchronous limit (1000 pairs), so bulk_enroll is a job: allowances, no learner needed.
    const emails = Array.from({ length: 1001 }, (_, i) => `enroll-${i}-${randomUUID()}@example.com`);
    const body = { action: 'enroll', courses: [course], identifiers: emails, auto_enroll: false };
    const accepted = await api('POST', '/api/bulk_enroll/v1/bulk_enroll/', {
      token: staff,
      body: { ...body, enterprise_customer_uuid: tenant },
    });
    expect(accepted.status, accepted.text).toBe(202);
    const job = await finished(accepted.json.job_id);
    expect(job.outcome_counts).toEqual({ allowed: 1001 });
    // Since: one allowance given auto_enroll by another call.
    const since = await api('POST', '/api/bulk_enroll/v1/bulk_enroll/', {
      token: staff,
      body: { ...body, identifiers: [emails[3]], auto_enroll: true, enterprise_customer_uuid: tenant },
    });
    expect(since.status, since.text).toBe(200);

    const started = await revert(job.job_id);
    expect(started.status, started.text).toBe(202);
    expect(started.json).toMatchObject({ kind: 'revert', reverts: job.job_id, total: 1001 });
    const done = await finished(started.json.job_id);
    expect(done).toMatchObject({
      status: 'succeeded',
      outcome_counts: { allowance_removed: 1000, changed_since: 1 },
    });
    expect((await revert(job.job_id)).status).toBe(409);
  });

  it('refuses to undo a job that changes no memberships', async () => {
    const group = await newGroup();
    const key = await uploadCsv(admin, tenant, 'learners', 'email\nnobody-' + randomUUID() + '@example.com\n', 'l.csv');
    const job = await finished((await jobOfSource(admin, tenant, key)).job_id);
    expect(job.kind).toBe('import_learners');
    const refused = await revert(job.job_id);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('job_not_revertible');
    expect(await memberCount(group)).toBe(0);
  });
});
