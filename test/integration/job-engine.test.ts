import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomIds, systemClock } from '#shared/clock';
import { RefusedInputError } from '#shared/errors';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { exportSourceKey, makeExportGroupMembers, makeRenderMembersCsv } from '#shared/groups/export-group-members';
import { makeApplyExportRows } from '#shared/jobs/apply-export-rows';
import { makeApplyJobChunk } from '#shared/jobs/apply-job-chunk';
import { makeApplyMembershipRows } from '#shared/jobs/apply-membership-rows';
import { makeFinishJob } from '#shared/jobs/finish-job';
import type { JobKind } from '#shared/jobs/job';
import { makeJobRepository } from '#shared/jobs/job-repository';
import { makeStartJob, newJob } from '#shared/jobs/start-job';
import { makeStartMembershipJob } from '#shared/jobs/start-membership-job';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import {
  MAX_WRITES_PER_COMMIT,
  makeMembershipRepository,
  type MembershipRepository,
} from '#shared/memberships/membership-repository';
import { makeRemoveLearners } from '#shared/memberships/remove-learners';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient, dynamoClient } from './dynamo';
import { inlineJobQueue } from './fixtures/inline-job-queue';

const tenant = randomUUID();
const admin = adminOf(tenant);
let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('jobs');
});

/** The engine wired to DynamoDB Local; queued chunks are collected instead of sent, so tests deliver them. */
function engine(options: { memberships?: MembershipRepository; failingApplier?: boolean } = {}) {
  const groups = makeGroupRepository(db, table);
  const learners = makeLearnerRepository(db, table);
  const memberships = options.memberships ?? makeMembershipRepository(db, table);
  const jobs = makeJobRepository(db, table);
  const finish = makeFinishJob(jobs, async () => {}, systemClock);
  const deps = { groups, learners, memberships, clock: systemClock, ids: randomIds, branches: undefined as never };
  const membershipRows = makeApplyMembershipRows(makeAssignLearners(deps), makeRemoveLearners(deps));
  const broken = async () => {
    throw new Error('poison');
  };
  const applier = options.failingApplier ? broken : membershipRows;
  const appliers = Object.fromEntries(
    (
      ['assign_learners', 'remove_learners', 'upsert_learners', 'import_learners', 'import_group_members'] as JobKind[]
    ).map((k) => [k, applier]),
  );
  const { queued, startJob, applyChunk } = inlineJobQueue({ jobs, appliers, finish });
  return {
    groups,
    jobs,
    queued,
    putLearner: makePutLearner({ learners, memberships, clock: systemClock }),
    startMembershipJob: makeStartMembershipJob(groups, startJob),
    applyChunk,
    createGroup: makeCreateGroup(groups, systemClock, randomIds),
  };
}

async function setUp(e: ReturnType<typeof engine>, learnerCount: number) {
  const group = await e.createGroup(admin, tenant, { name: `Job ${randomUUID()}` });
  const uuids = await Promise.all(
    Array.from({ length: learnerCount }, async () => {
      const id = randomUUID();
      await e.putLearner(admin, tenant, id, { email: `${id}@example.com` });
      return id;
    }),
  );
  return { group, uuids };
}

describe('the fan-out engine against DynamoDB Local', () => {
  it('counts a chunk delivered twice once and changes nothing the second time', async () => {
    const e = engine();
    const { group, uuids } = await setUp(e, 1200);
    const job = await e.startMembershipJob(admin, group.group_uuid, 'assign_learners', { learner_uuids: uuids });
    expect(e.queued).toHaveLength(3);
    expect(await e.applyChunk(job.job_id, 0, { lastAttempt: false })).toBe('applied');
    expect(await e.applyChunk(job.job_id, 0, { lastAttempt: false })).toBe('already_recorded');
    expect(await e.jobs.get(job.job_id)).toMatchObject({ status: 'running', processed: 500, chunks_done: 1 });
    for (const { jobId, chunk } of e.queued.slice(1)) {
      expect(await e.applyChunk(jobId, chunk, { lastAttempt: false })).toBe('applied');
    }
    expect(await e.applyChunk(job.job_id, 1, { lastAttempt: false })).toBe('job_ended');
    const done = await e.jobs.get(job.job_id);
    expect(done).toMatchObject({ status: 'succeeded', processed: 1200, succeeded: 1200, chunks_done: 3 });
    expect((await e.groups.get(group.group_uuid))?.member_count).toBe(1200);
  });

  it('completes exactly what a worker that died half way through a chunk left', async () => {
    const real = makeMembershipRepository(db, table);
    let commits = 0;
    let crash = true;
    // The worker dies after its second transaction of the chunk: some memberships are written, nothing is recorded.
    const dying: MembershipRepository = {
      ...real,
      commit: async (...args) => {
        const outcome = await real.commit(...args);
        if (crash && ++commits === 2) throw new Error('worker killed');
        return outcome;
      },
    };
    const e = engine({ memberships: dying });
    const { group, uuids } = await setUp(e, 400);
    const job = await e.startMembershipJob(admin, group.group_uuid, 'assign_learners', {
      learner_uuids: uuids,
      learner_emails: ['later@example.com'],
    });
    await expect(e.applyChunk(job.job_id, 0, { lastAttempt: false })).rejects.toThrow('worker killed');
    expect((await e.groups.get(group.group_uuid))?.member_count).toBe(2 * MAX_WRITES_PER_COMMIT);
    expect((await e.jobs.get(job.job_id))?.processed).toBe(0);
    crash = false;
    expect(await e.applyChunk(job.job_id, 0, { lastAttempt: false })).toBe('applied');
    const done = await e.jobs.get(job.job_id);
    expect(done).toMatchObject({
      status: 'succeeded',
      processed: 401,
      succeeded: 401,
      outcome_counts: { added: 400, invited: 1 },
    });
    expect((await e.groups.get(group.group_uuid))?.member_count).toBe(401);
  });

  it('records a poison chunk as failed on its last delivery and ends the job honestly', async () => {
    const e = engine({ failingApplier: true });
    const { group, uuids } = await setUp(e, 3);
    const job = await e.startMembershipJob(admin, group.group_uuid, 'assign_learners', { learner_uuids: uuids });
    await expect(e.applyChunk(job.job_id, 0, { lastAttempt: false })).rejects.toThrow('poison');
    expect((await e.jobs.get(job.job_id))?.status).toBe('running');
    await expect(e.applyChunk(job.job_id, 0, { lastAttempt: true })).rejects.toThrow('poison');
    const ended = await e.jobs.get(job.job_id);
    expect(ended).toMatchObject({ status: 'failed', failed: 3, chunks_failed: 1, outcome_counts: { failed: 3 } });
    expect(ended?.error).toMatch(/1 of 1 chunks failed/);
    const rows = await e.jobs.results(job.job_id, { pageSize: 10 });
    expect(rows.items.map((r) => r.code)).toEqual(['chunk_failed', 'chunk_failed', 'chunk_failed']);
    expect((await e.groups.get(group.group_uuid))?.member_count).toBe(0);
  });

  it('exports a group too big for a response through a job that writes the file', async () => {
    const e = engine();
    const { group, uuids } = await setUp(e, 3);
    const jobs = makeJobRepository(db, table);
    const memberships = makeMembershipRepository(db, table);
    const render = makeRenderMembersCsv(memberships, makeLearnerRepository(db, table));
    const files = new Map<string, string>();
    const objects = {
      put: async (bucket: string, key: string, body: string) => void files.set(`${bucket}/${key}`, body),
    };
    const queued: number[] = [];
    const startJob = makeStartJob(
      jobs,
      async (_, chunks) => void queued.push(...chunks),
      makeFinishJob(jobs, async () => {}, systemClock),
      systemClock,
      randomIds,
    );
    await makeAssignLearners({
      groups: e.groups,
      learners: makeLearnerRepository(db, table),
      memberships,
      clock: systemClock,
      ids: randomIds,
      branches: undefined as never,
    })(admin, group.group_uuid, { learner_uuids: uuids });
    const exportMembers = makeExportGroupMembers({
      groups: e.groups,
      render,
      startJob: (caller, tenantUuid, target) =>
        startJob(
          {
            tenant: tenantUuid,
            kind: 'export_members',
            target: { ...target, results_bucket: 'bucket' },
            source: { type: 'api', route: 'export_members', caller: caller.sub },
            sourceKey: exportSourceKey(target.group_uuid),
            createdBy: caller.sub,
          },
          [{ index: 0, input: { identifier: target.group_uuid } }],
        ),
      recentJobs: async () => [],
      clock: systemClock,
      maxSync: 1,
    });
    const { job } = await exportMembers(admin, group.group_uuid, {
      columns: ['learner_uuid'],
      includeHeader: true,
      delimiter: ',',
    });
    expect(job).toBeDefined();
    const apply = makeApplyJobChunk({
      jobs,
      finish: makeFinishJob(jobs, async () => {}, systemClock),
      appliers: { export_members: makeApplyExportRows(render, objects, jobs) } as never,
    });
    expect(await apply(job!.job_id, 0, { lastAttempt: false })).toBe('applied');
    const done = await jobs.get(job!.job_id);
    expect(done).toMatchObject({ status: 'succeeded', outcome_counts: { exported: 1 } });
    const file = files.get(`bucket/${done!.results_key}`)!;
    expect(file.trim().split('\n').sort()).toEqual(['learner_uuid', ...uuids].sort());
  });

  it('re-sends the items DynamoDB leaves unprocessed until every chunk is stored', async () => {
    const throttled = DynamoDBDocumentClient.from(dynamoClient());
    const mock = mockClient(throttled);
    let first = true;
    mock.on(BatchWriteCommand).callsFake(async (input) => {
      const requests = input.RequestItems[table];
      if (first) {
        first = false;
        // DynamoDB under throttling: half the batch written, the rest handed back.
        const half = Math.ceil(requests.length / 2);
        await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests.slice(0, half) } }));
        return { UnprocessedItems: { [table]: requests.slice(half) } };
      }
      return db.send(new BatchWriteCommand(input));
    });
    try {
      const jobs = makeJobRepository(throttled, table);
      const jobId = randomUUID();
      const rows = Array.from({ length: 20 }, (_, i) => [{ index: i, input: { identifier: `id-${i}` } }]);
      await jobs.putChunks(jobId, 0, rows);
      const stored = await Promise.all(rows.map((_, i) => makeJobRepository(db, table).getChunk(jobId, i)));
      expect(stored.every((chunk) => chunk?.length === 1)).toBe(true);
      expect(mock.commandCalls(BatchWriteCommand).length).toBeGreaterThan(1);
    } finally {
      mock.restore();
    }
  });

  it('ends a job whose rows the table refuses as they are failed, with the reason, instead of leaving it queued', async () => {
    const e = engine();
    const jobs = makeJobRepository(db, table);
    const huge = [[{ index: 0, input: { identifier: 'x'.repeat(450_000) } }]];
    await expect(jobs.putChunks(randomUUID(), 0, huge)).rejects.toBeInstanceOf(RefusedInputError);
    const start = makeStartJob(
      e.jobs,
      async () => {},
      async () => {},
      systemClock,
      randomIds,
    );
    const jobId = randomUUID();
    await expect(
      start(
        {
          tenant,
          kind: 'upsert_learners',
          source: { type: 'api', route: 'x', caller: 'a' },
          sourceKey: 'api:x',
          createdBy: 'a',
          jobId,
        },
        huge[0]!,
      ),
    ).rejects.toBeInstanceOf(RefusedInputError);
    const ended = await e.jobs.get(jobId);
    expect(ended).toMatchObject({ status: 'failed' });
    expect(ended?.error).toMatch(/rows could not be stored: .*size/i);
  });
});

describe('job results against DynamoDB Local', () => {
  it('pages results in row order across chunks with the cursors it hands out, and refuses others', async () => {
    const jobs = makeJobRepository(db, table);
    const job = newJob(
      {
        tenant: randomUUID(),
        kind: 'assign_learners',
        source: { type: 'api', route: 'assign_learners', caller: 'admin' },
        sourceKey: 'api:assign_learners:g',
        createdBy: 'admin',
      },
      randomUUID(),
      systemClock.now(),
    );
    await jobs.create(job);
    const row = (index: number, outcome: string) => ({ index, identifier: `id-${index}`, outcome });
    await jobs.recordChunk(job.job_id, 0, [row(0, 'added'), row(1, 'invalid'), row(2, 'added')]);
    await jobs.recordChunk(job.job_id, 1, [row(3, 'added'), row(4, 'added')]);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await jobs.results(job.job_id, { outcome: 'added', pageSize: 2, cursor });
      seen.push(...page.items.map((r) => r.index));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen).toEqual([0, 2, 3, 4]);
    await expect(jobs.results(job.job_id, { pageSize: 2, cursor: 'garbage' })).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
  });
});
