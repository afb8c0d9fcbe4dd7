import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { dynamoDbClient } from '#local/dynamodb';
import { repoRoot } from '#local/paths';
import { keys } from '#shared/db/keys';
import { activeMembers, settled as settledAs } from './automatic-group-reads';
import { api, apiUrl, tokenFor } from './client';

const tenant = randomUUID();
let admin: string;
let staff: string;

const GROUPS = '/api/v1/enterprise-group';
const LEARNERS = `/api/v1/enterprise-customer/${tenant}/learners`;
const BRANCHES = `/api/v1/enterprise-customer/${tenant}/branches`;
const COURSE = `course-v1:Rules+Triggers+${randomUUID().slice(0, 6)}`;
const BRANCH_OF = ['paris', 'paris', 'lyon', 'tokyo', 'tokyo', null];

const learners = BRANCH_OF.map((branch_id, i) => ({
  learner_uuid: randomUUID() as string,
  email: `trigger-${i}-${tenant.slice(0, 8)}@example.com`,
  branch_id,
  attributes: { department: i % 2 === 0 ? 'sales' : 'hr' },
}));
const uuidsOf = (...indexes: number[]) => new Set(indexes.map((i) => learners[i]!.learner_uuid));

const local = inject('localStack');
const documents = DynamoDBDocumentClient.from(dynamoDbClient(local.endpoints.dynamodb));
afterAll(() => documents.destroy());

const settled = (groupUuid: string) => settledAs(admin, groupUuid);
const members = (groupUuid: string) => activeMembers(admin, groupUuid);

async function automaticGroup(rules: unknown[]) {
  const created = await api('POST', `${GROUPS}/`, {
    token: admin,
    body: {
      name: `Trigger ${randomUUID()}`,
      enterprise_customer_uuid: tenant,
      type: 'automatic',
      ruleset: { operator: 'AND', sets: [{ rules }] },
    },
  });
  expect(created.status, created.text).toBe(201);
  await settled(created.json.group_uuid);
  return created.json.group_uuid as string;
}

async function putBranch(branchId: string, body: { name: string; parent_id?: string | null }) {
  const res = await api('PUT', `${BRANCHES}/${branchId}/`, { token: admin, body });
  expect(res.status, res.text).toBeLessThan(300);
  return res.json;
}

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
  staff = await tokenFor({ roles: ['staff'] });
  await putBranch('emea', { name: 'EMEA' });
  await putBranch('apac', { name: 'APAC' });
  await putBranch('fr', { name: 'France', parent_id: 'apac' });
  await putBranch('paris', { name: 'Paris', parent_id: 'fr' });
  await putBranch('tokyo', { name: 'Tokyo', parent_id: 'apac' });
  const bulk = await api('POST', `${LEARNERS}/bulk`, { token: admin, body: { learners } });
  expect(bulk.status, bulk.text).toBeLessThan(300);
});

describe('what re-evaluates automatic groups besides learner writes, over HTTP', () => {
  it('moves learners in and out of a descendants rule when their branch moves or is created', async () => {
    const emea = await automaticGroup([
      { type: 'branch', payload: { branch_ids: ['emea'], include_descendants: true } },
    ]);
    expect(await members(emea)).toEqual(new Set());

    const moved = await putBranch('fr', { name: 'France', parent_id: 'emea' });
    expect(moved.recalculations).toEqual([{ group_uuid: emea, job_id: expect.any(String) }]);
    await settled(emea);
    expect(await members(emea)).toEqual(uuidsOf(0, 1));

    // Learner 2 already carries `lyon`, a branch that did not exist yet.
    const created = await api('PUT', `${BRANCHES}/lyon/`, { token: admin, body: { name: 'Lyon', parent_id: 'fr' } });
    expect(created.status).toBe(201);
    expect(created.json.recalculations).toHaveLength(1);
    await settled(emea);
    expect(await members(emea)).toEqual(uuidsOf(0, 1, 2));

    const renamed = await putBranch('fr', { name: 'France (FR)', parent_id: 'emea' });
    expect(renamed.recalculations).toEqual([]);

    await putBranch('fr', { name: 'France', parent_id: 'apac' });
    const group = await settled(emea);
    expect(await members(emea)).toEqual(new Set());
    expect(group).toMatchObject({ member_count: 0, rule_processing: { status: 'succeeded' } });
  });

  it('moves a learner into a completed group, and out of an enrolled one, when a completion is recorded', async () => {
    const [a, b] = [learners[0]!, learners[1]!];
    const enrolled = await automaticGroup([
      { type: 'enrollment_status', payload: { course_id: COURSE, status: 'enrolled' } },
    ]);
    const completed = await automaticGroup([
      { type: 'enrollment_status', payload: { course_id: COURSE, status: 'completed' } },
    ]);
    const enroll = await api('POST', '/api/bulk_enroll/v1/bulk_enroll/', {
      token: staff,
      body: { action: 'enroll', courses: COURSE, identifiers: [a.email, b.email], enterprise_customer_uuid: tenant },
    });
    expect(enroll.status, enroll.text).toBe(200);
    expect(await members(enrolled)).toEqual(uuidsOf(0, 1));
    expect(await members(completed)).toEqual(new Set());

    const done = await api('PATCH', `/api/v1/courses/${COURSE}/enrollments/${a.learner_uuid}/`, {
      token: admin,
      body: { status: 'completed', enterprise_customer_uuid: tenant },
    });
    expect(done.status, done.text).toBe(200);
    expect(await members(completed)).toEqual(uuidsOf(0));
    expect(await members(enrolled)).toEqual(uuidsOf(1));
    const explain = await api('GET', `${GROUPS}/${completed}/learners/${a.learner_uuid}/explain`, { token: admin });
    expect(explain.json).toMatchObject({ member: true, source: 'rule', matches: true });
  });

  it('fixes members that drifted when npm run recalc runs the scheduled recalculation now', async () => {
    const sales = await automaticGroup([
      { type: 'attribute', payload: { field: 'department', op: 'equals', value: 'sales' } },
    ]);
    expect(await members(sales)).toEqual(uuidsOf(0, 2, 4));
    // Learner 1 moves to sales behind the service's back (no incremental evaluation runs).
    await documents.send(
      new UpdateCommand({
        TableName: local.tableName,
        Key: keys.learner(tenant, learners[1]!.learner_uuid),
        UpdateExpression: 'SET attributes.department = :d',
        ExpressionAttributeValues: { ':d': 'sales' },
      }),
    );
    expect(await members(sales)).toEqual(uuidsOf(0, 2, 4));

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'local/recalc.ts', '--api', apiUrl, '--enterprise', tenant],
      { cwd: repoRoot, timeout: 60_000 },
    );
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ tenant, queued: expect.any(Number), skipped: { paused: 0, inactive: 0 } });
    expect(summary.queued).toBeGreaterThanOrEqual(1);

    const deadline = Date.now() + 60_000;
    let group = await settled(sales);
    while (group.rule_processing.scheduled_tick !== summary.tick && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      group = await settled(sales);
    }
    expect(group.rule_processing).toMatchObject({ status: 'succeeded', scheduled_tick: summary.tick });
    expect(await members(sales)).toEqual(uuidsOf(0, 1, 2, 4));
    expect(group.member_count).toBe(4);
    const jobs = await api('GET', `/api/v1/jobs/?enterprise_uuid=${tenant}&source_key=schedule:recalculate_group`, {
      token: admin,
    });
    expect(jobs.json.results.map((j: { group_uuid: string }) => j.group_uuid)).toContain(sales);
  });
});
