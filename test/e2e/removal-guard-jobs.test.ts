import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';
import { jobEnded, jobOfSource, noticesTo } from './job-waits';
import { uploadCsv } from './upload-csv';

const tenant = randomUUID();
let admin: string;
const GROUPS = '/api/v1/enterprise-group';
const JOBS = '/api/v1/jobs';

const learners = Array.from({ length: 200 }, (_, i) => ({
  learner_uuid: randomUUID() as string,
  email: `guard-job-${i}@example.com`,
}));
const uuids = learners.map((l) => l.learner_uuid);
/** E-mails of nobody: padding that makes a removal large enough to be a job, each `not_member`. */
const nobody = (n: number) => Array.from({ length: n }, () => `nobody-${randomUUID()}@example.com`);

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
  const bulk = await api('POST', `/api/v1/enterprise-customer/${tenant}/learners/bulk`, {
    token: admin,
    body: { learners },
  });
  expect(bulk.status, bulk.text).toBeLessThan(300);
});

/** A new manual group (the default guard, 20% and 50) of all 200 learners. */
async function groupOf200(owner = `owner-${randomUUID()}@example.com`) {
  const created = await api('POST', `${GROUPS}/`, {
    token: admin,
    body: { name: `Guarded jobs ${randomUUID()}`, enterprise_customer_uuid: tenant, notification_emails: [owner] },
  });
  expect(created.status, created.text).toBe(201);
  expect(created.json.removal_guard).toEqual({ max_percent: 20, min_removals: 50 });
  const groupUuid = created.json.group_uuid as string;
  const assigned = await api('POST', `${GROUPS}/${groupUuid}/assign_learners`, {
    token: admin,
    body: { learner_uuids: uuids },
  });
  expect(assigned.json.count, assigned.text).toBe(200);
  return groupUuid;
}

const memberCount = async (groupUuid: string) =>
  (await api('GET', `${GROUPS}/${groupUuid}/`, { token: admin })).json.member_count as number;
const job = async (jobId: string) => (await api('GET', `${JOBS}/${jobId}/`, { token: admin })).json;
/** The job once it no longer runs: ended, or waiting at the guard. */
const stopped = (jobId: string) => jobEnded(admin, jobId, 120_000);

/** remove_learners with the first `n` members and enough unknown e-mails to make it a job (over 1000 identifiers). */
async function removeJob(groupUuid: string, n: number) {
  const answer = await api('POST', `${GROUPS}/${groupUuid}/remove_learners`, {
    token: admin,
    body: { learner_uuids: uuids.slice(0, n), learner_emails: nobody(1001 - n) },
  });
  expect(answer.status, answer.text).toBe(202);
  return stopped(answer.json.job_id as string);
}

describe('the mass-removal guard of bulk removals, remove_all and imports, over HTTP', () => {
  it('holds a remove job of 120 of 200 members; cancel keeps all 200', async () => {
    const owner = `owner-${randomUUID()}@example.com`;
    const groupUuid = await groupOf200(owner);
    const held = await removeJob(groupUuid, 120);
    expect(held).toMatchObject({
      status: 'awaiting_approval',
      guard: { group_uuid: groupUuid, would_remove: 120, member_count: 200, percent: 60, max_percent: 20 },
      outcome_counts: { removal_pending: 120, not_member: 881 },
    });
    expect(held.guard.sample).toHaveLength(10);
    expect(await memberCount(groupUuid)).toBe(200);
    expect(await noticesTo(owner)).toEqual([
      expect.objectContaining({
        template: 'removals_awaiting_approval',
        context: expect.objectContaining({ job_id: held.job_id, group_uuid: groupUuid, would_remove: 120 }),
      }),
    ]);

    const cancelled = await api('POST', `${JOBS}/${held.job_id}/cancel`, { token: admin });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json).toMatchObject({
      status: 'cancelled',
      outcome_counts: { removal_cancelled: 120, not_member: 881 },
    });
    expect(await memberCount(groupUuid)).toBe(200);
    const rows = await api('GET', `${JOBS}/${held.job_id}/results/?outcome=removal_cancelled&page_size=5`, {
      token: admin,
    });
    expect(rows.json.count).toBe(120);
    expect(rows.json.results.every((r: object) => !('pending_removal' in r))).toBe(true);
    const history = await api('GET', `${GROUPS}/${groupUuid}/history/?page_size=100`, { token: admin });
    const actions = history.json.results.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['removals_held', 'removals_cancelled']));
  });

  it('approved, removes the 120 and leaves 80', async () => {
    const groupUuid = await groupOf200();
    const held = await removeJob(groupUuid, 120);
    expect(held.status).toBe('awaiting_approval');
    const approved = await api('POST', `${JOBS}/${held.job_id}/approve`, { token: admin });
    expect(approved.status, approved.text).toBe(202);
    const done = await stopped(held.job_id);
    expect(done).toMatchObject({
      status: 'succeeded',
      succeeded: 120,
      skipped: 881,
      outcome_counts: { removed: 120, not_member: 881 },
    });
    expect(await memberCount(groupUuid)).toBe(80);
  });

  it('lets a small removal within the guard just remove', async () => {
    const groupUuid = await groupOf200();
    const done = await removeJob(groupUuid, 30);
    expect(done).toMatchObject({ status: 'succeeded', guard: null, outcome_counts: { removed: 30, not_member: 971 } });
    expect(await memberCount(groupUuid)).toBe(170);
  });

  it('makes remove_all of a guarded group a job that waits', async () => {
    const groupUuid = await groupOf200();
    const answer = await api('POST', `${GROUPS}/${groupUuid}/remove_learners`, {
      token: admin,
      body: { remove_all: true },
    });
    expect(answer.status, answer.text).toBe(202);
    const held = await stopped(answer.json.job_id);
    expect(held).toMatchObject({
      status: 'awaiting_approval',
      kind: 'remove_learners',
      guard: { would_remove: 200, member_count: 200, percent: 100 },
    });
    expect(await memberCount(groupUuid)).toBe(200);
    expect((await api('POST', `${JOBS}/${held.job_id}/approve`, { token: admin })).status).toBe(202);
    expect(await stopped(held.job_id)).toMatchObject({ status: 'succeeded', outcome_counts: { removed: 200 } });
    expect(await memberCount(groupUuid)).toBe(0);
  });

  it('holds a CSV import that removes past the guard while its adds proceed', async () => {
    const groupUuid = await groupOf200();
    const newcomers = nobody(3);
    const csv = [
      'group,identifier,action',
      ...uuids.slice(0, 120).map((u) => `${groupUuid},${u},remove`),
      ...newcomers.map((e) => `${groupUuid},${e},add`),
    ].join('\n');
    const key = await uploadCsv(admin, tenant, 'group-members', csv, 'guarded.csv');
    const held = await stopped((await jobOfSource(admin, tenant, key)).job_id);
    expect(held).toMatchObject({
      status: 'awaiting_approval',
      kind: 'import_group_members',
      guard: { group_uuid: groupUuid, would_remove: 120, member_count: 203 },
      outcome_counts: { removal_pending: 120, invited: 3 },
      results_file: null,
    });
    expect(await memberCount(groupUuid)).toBe(203);

    expect((await api('POST', `${JOBS}/${held.job_id}/approve`, { token: admin })).status).toBe(202);
    const done = await stopped(held.job_id);
    expect(done).toMatchObject({ status: 'succeeded', outcome_counts: { removed: 120, invited: 3 } });
    expect(done.results_file).toMatchObject({ key: key.replace(/^imports\//, 'results/') });
    expect(await memberCount(groupUuid)).toBe(83);
  });

  it('cancelled, an import keeps its adds, removes no one and still writes its results file', async () => {
    const groupUuid = await groupOf200();
    const newcomer = nobody(1)[0]!;
    const csv = [
      'group,identifier,action',
      ...uuids.slice(0, 60).map((u) => `${groupUuid},${u},remove`),
      `${groupUuid},${newcomer},add`,
    ].join('\n');
    const key = await uploadCsv(admin, tenant, 'group-members', csv, 'cancelled.csv');
    const held = await stopped((await jobOfSource(admin, tenant, key)).job_id);
    expect(held).toMatchObject({ status: 'awaiting_approval', guard: { would_remove: 60, member_count: 201 } });

    const cancelled = await api('POST', `${JOBS}/${held.job_id}/cancel`, { token: admin });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json.outcome_counts).toEqual({ removal_cancelled: 60, invited: 1 });
    expect(await memberCount(groupUuid)).toBe(201);
    const deadline = Date.now() + 30_000;
    let shown = cancelled.json;
    while (!shown.results_file && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      shown = await job(held.job_id);
    }
    expect(shown.results_file).toMatchObject({ key: key.replace(/^imports\//, 'results/') });
    const file = await (await fetch(shown.results_file.download_url)).text();
    const outcomes = file
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')[4]);
    expect(outcomes).toEqual([...Array<string>(60).fill('removal_cancelled'), 'invited']);
  });
});

describe('racing decisions on a held job, over HTTP', () => {
  /** A group of 3 members whose guard holds any removal, emptied by a remove_all that waits. */
  async function heldRemoveAll() {
    const created = await api('POST', `${GROUPS}/`, {
      token: admin,
      body: {
        name: `Raced ${randomUUID()}`,
        enterprise_customer_uuid: tenant,
        removal_guard: { max_percent: 0, min_removals: 1 },
      },
    });
    expect(created.status, created.text).toBe(201);
    const groupUuid = created.json.group_uuid as string;
    await api('POST', `${GROUPS}/${groupUuid}/assign_learners`, {
      token: admin,
      body: { learner_uuids: uuids.slice(0, 3) },
    });
    const removal = await api('POST', `${GROUPS}/${groupUuid}/remove_learners`, {
      token: admin,
      body: { remove_all: true },
    });
    expect(removal.status, removal.text).toBe(202);
    expect((await stopped(removal.json.job_id as string)).status).toBe('awaiting_approval');
    return { groupUuid, jobId: removal.json.job_id as string };
  }

  it.each([
    ['approve', 'cancel'],
    ['approve', 'abort'],
    ['cancel', 'abort'],
  ])('ends %s racing %s in one state that the members match', async (first, second) => {
    const { groupUuid, jobId } = await heldRemoveAll();
    const answers = await Promise.all(
      [first, second].map((action) => api('POST', `${JOBS}/${jobId}/${action}`, { token: admin })),
    );
    expect(
      answers.some((a) => a.status < 300),
      answers.map((a) => a.text).join('\n'),
    ).toBe(true);
    const ended = await stopped(jobId);
    const members = await memberCount(groupUuid);
    if (ended.status === 'succeeded') {
      expect(ended.outcome_counts).toEqual({ removed: 3 });
      expect(members).toBe(0);
    } else {
      expect(['cancelled', 'aborted']).toContain(ended.status);
      expect(ended.outcome_counts).toEqual({ removal_cancelled: 3 });
      expect(members).toBe(3);
    }
  });
});
