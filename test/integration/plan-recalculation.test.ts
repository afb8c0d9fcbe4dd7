import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomIds, systemClock } from '#shared/clock';
import { batchWriteAll } from '#shared/db/batch-write';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { groupCreatedEntry } from '#shared/history/history-entry';
import { makeFinishJob } from '#shared/jobs/finish-job';
import { makeJobRepository } from '#shared/jobs/job-repository';
import type { PlanListedJobDeps } from '#shared/jobs/plan-listed-job';
import { makeLearnerRepository, newLearnerItems } from '#shared/learners/learner-repository';
import { makePlanJob } from '#shared/jobs/plan-job';
import { makePlanRecalculation } from '#shared/rules/plan-recalculation';
import { makeStartRecalculation } from '#shared/rules/start-recalculation';
import { aLearner } from '#test/unit/shared/fakes';
import { anAutomaticGroup } from '#test/unit/shared/rules/fake-rule-groups';
import { createTestTable, documentClient } from './dynamo';

let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('plans');
});

/** A tenant with `n` learners and an automatic group (stored directly: the planner reads only these). */
async function tenantWithGroup(n: number) {
  const tenant = randomUUID();
  const uuids = Array.from({ length: n }, () => randomUUID());
  const items = uuids.flatMap((learner_uuid) =>
    newLearnerItems(aLearner({ learner_uuid, enterprise_customer_uuid: tenant, email: `${learner_uuid}@example.com` })),
  );
  await batchWriteAll(
    db,
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
  const groups = makeGroupRepository(db, table);
  const group = anAutomaticGroup({ group_uuid: randomUUID(), name: `Auto ${randomUUID()}` }, tenant);
  await groups.create(group, groupCreatedEntry(group, 'admin'));
  return { tenant, uuids, group: (await groups.get(group.group_uuid))! };
}

/** Start and planner over DynamoDB Local; plans and chunks are collected, and the test runs them. */
function system({ failEnqueueAt }: { failEnqueueAt?: number } = {}) {
  const groups = makeGroupRepository(db, table);
  const jobs = makeJobRepository(db, table);
  const learners = makeLearnerRepository(db, table);
  const plans: string[] = [];
  const queued: number[] = [];
  let failing = failEnqueueAt;
  const enqueue: PlanListedJobDeps['enqueue'] = async (_jobId, chunks) => {
    if (failing !== undefined && chunks.includes(failing)) {
      failing = undefined;
      throw new Error('the worker died here');
    }
    queued.push(...chunks);
  };
  const pages = { read: 0 };
  const planRecalculation = makePlanRecalculation({
    jobs,
    groups,
    learners: {
      tenantUuidPage: (...args) => {
        pages.read++;
        return learners.tenantUuidPage(...args);
      },
    },
    enqueue,
    finish: makeFinishJob(jobs, async () => {}, systemClock),
    clock: systemClock,
    chunkSize: 7,
  });
  // The PlanJob worker's dispatcher, as wired: it hands queued recalculation jobs to the planner.
  const plan = makePlanJob({ jobs, planners: { recalculate_group: planRecalculation } });
  const start = makeStartRecalculation({
    groups,
    jobs,
    enqueuePlan: async (jobId) => void plans.push(jobId),
    clock: systemClock,
    ids: randomIds,
  });
  return { groups, jobs, plans, queued, pages, plan, start };
}

async function plannedRows(jobs: ReturnType<typeof makeJobRepository>, jobId: string, chunks: number) {
  const rows = [];
  for (let chunk = 0; chunk < chunks; chunk++) rows.push(...((await jobs.getChunk(jobId, chunk)) ?? []));
  return rows;
}

describe('recalculation planning against DynamoDB Local', () => {
  it('answers the start without reading the tenant, then lists every learner once into chunks', async () => {
    const s = system();
    const { uuids, group } = await tenantWithGroup(30);
    const job = await s.start({ sub: 'admin' }, group);
    expect(job.status).toBe('queued');
    expect(s.pages.read).toBe(0);
    expect(s.plans).toEqual([job.job_id]);

    expect(await s.plan(job.job_id, { lastAttempt: false })).toBe('planned');
    const planned = (await s.jobs.get(job.job_id))!;
    expect(planned).toMatchObject({ status: 'running', total: 30, chunks_total: 5 });
    expect(s.queued).toEqual([0, 1, 2, 3, 4]);
    const rows = await plannedRows(s.jobs, job.job_id, 5);
    expect(rows.map((r) => r.index)).toEqual([...Array(30).keys()]);
    expect(rows.map((r) => r.input.learner_uuid).sort()).toEqual([...uuids].sort());
    // Planned again (a redelivered message): nothing is listed or queued a second time.
    expect(await s.plan(job.job_id, { lastAttempt: false })).toBe('already_planned');
    expect(s.queued).toHaveLength(5);
  });

  it('resumes after a worker died half way, at the chunk it had not saved, and lists nothing twice', async () => {
    const s = system({ failEnqueueAt: 2 });
    const { uuids, group } = await tenantWithGroup(30);
    const job = await s.start({ sub: 'admin' }, group);
    await expect(s.plan(job.job_id, { lastAttempt: false })).rejects.toThrow('the worker died here');
    expect(s.queued).toEqual([0, 1]);
    expect((await s.jobs.get(job.job_id))?.status).toBe('queued');

    expect(await s.plan(job.job_id, { lastAttempt: false })).toBe('planned');
    expect(s.queued).toEqual([0, 1, 2, 3, 4]);
    const rows = await plannedRows(s.jobs, job.job_id, 5);
    expect(rows.map((r) => r.input.learner_uuid).sort()).toEqual([...uuids].sort());
    expect(new Set(rows.map((r) => r.index)).size).toBe(30);
    expect(await s.jobs.get(job.job_id)).toMatchObject({ status: 'running', total: 30, chunks_total: 5 });
  });

  it('ends the job failed and says so on the group when the last attempt fails', async () => {
    const s = system({ failEnqueueAt: 0 });
    const { group } = await tenantWithGroup(3);
    const job = await s.start({ sub: 'admin' }, group);
    await expect(s.plan(job.job_id, { lastAttempt: true })).rejects.toThrow('the worker died here');
    expect(await s.jobs.get(job.job_id)).toMatchObject({ status: 'failed' });
    expect((await s.groups.get(group.group_uuid))?.rule_processing).toMatchObject({
      status: 'failed',
      error: 'the learners of the tenant could not be listed into chunks',
    });
  });

  it('aborts a run a newer one superseded before it was planned, without reading the tenant', async () => {
    const s = system();
    const { group } = await tenantWithGroup(10);
    const first = await s.start({ sub: 'admin' }, group);
    const second = await s.start({ sub: 'admin' }, (await s.groups.get(group.group_uuid))!);
    expect(await s.plan(first.job_id, { lastAttempt: false })).toBe('superseded');
    expect(s.pages.read).toBe(0);
    expect((await s.jobs.get(first.job_id))?.status).toBe('aborted');
    expect(await s.plan(second.job_id, { lastAttempt: false })).toBe('planned');
  });

  it('succeeds at once for a tenant without learners', async () => {
    const s = system();
    const { group } = await tenantWithGroup(0);
    const job = await s.start({ sub: 'admin' }, group);
    expect(await s.plan(job.job_id, { lastAttempt: false })).toBe('planned');
    expect(await s.jobs.get(job.job_id)).toMatchObject({ status: 'succeeded', total: 0, chunks_total: 0 });
    expect(s.queued).toEqual([]);
  });
});
