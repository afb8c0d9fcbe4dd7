import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomIds, systemClock } from '#shared/clock';
import { makeApplyBatchParticipants } from '#shared/enrollments/apply-batch-participants';
import { makeApplyBulkEnrollment } from '#shared/enrollments/apply-bulk-enrollment';
import { makeBatchRepository } from '#shared/enrollments/batch-repository';
import { makeCreateBatch } from '#shared/enrollments/create-batch';
import {
  identifierRows,
  makeApplyParticipantRows,
  makeChangeParticipantsOrQueue,
} from '#shared/enrollments/enrollment-jobs';
import { makeEnrollmentRepository } from '#shared/enrollments/enrollment-repository';
import { makeFulfillAllowedEnrollments } from '#shared/enrollments/fulfill-allowed-enrollments';
import { makeListBatchParticipants, makeListCourseEnrollments } from '#shared/enrollments/list-enrollments';
import { resolveEnrollIdentifiers } from '#shared/enrollments/resolve-enroll-identifiers';
import { resolveParticipants } from '#shared/enrollments/resolve-participants';
import { makeUsernameDirectory } from '#shared/enrollments/username-directory';
import type { Learner } from '#shared/learners/learner';
import { chunkRows } from '#shared/jobs/chunk-rows';
import { newJob } from '#shared/jobs/start-job';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import type { Notification } from '#shared/notifications/notification';
import { makeSentNotificationRepository } from '#shared/notifications/sent-notification-repository';
import { adminOf, staff } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';

let db: DynamoDBDocumentClient;
let table: string;
let repos: {
  learners: ReturnType<typeof makeLearnerRepository>;
  memberships: ReturnType<typeof makeMembershipRepository>;
  enrollments: ReturnType<typeof makeEnrollmentRepository>;
  batches: ReturnType<typeof makeBatchRepository>;
  usernames: ReturnType<typeof makeUsernameDirectory>;
};
const tenant = randomUUID();
const otherTenant = randomUUID();
const sent: Notification[] = [];

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('enrollments');
  repos = {
    learners: makeLearnerRepository(db, table),
    memberships: makeMembershipRepository(db, table),
    enrollments: makeEnrollmentRepository(db, table),
    batches: makeBatchRepository(db, table),
    usernames: makeUsernameDirectory(db, table),
  };
});

const fulfill = () =>
  makeFulfillAllowedEnrollments({ enrollments: repos.enrollments, clock: systemClock, ids: randomIds });
const putLearner = () =>
  makePutLearner({
    ...repos,
    clock: systemClock,
    onLearnerWritten: (learner, context) => fulfill()(learner, context),
  });
const applyBulk = () =>
  makeApplyBulkEnrollment({ ...repos, notify: async (ns) => void sent.push(...ns), clock: systemClock });
const applyParticipants = () => makeApplyBatchParticipants({ ...repos, clock: systemClock });

/** The enrollment repository, counting the reads of its `getMany`. */
function countingReads() {
  const reads = { count: 0 };
  const enrollments = {
    ...repos.enrollments,
    getMany: (...args: Parameters<typeof repos.enrollments.getMany>) => {
      reads.count++;
      return repos.enrollments.getMany(...args);
    },
  };
  return { enrollments, reads };
}

/** participants/add|remove as the API runs them, synchronously up to 1000 identifiers. */
const changeParticipants = () => {
  const run = makeChangeParticipantsOrQueue({
    batches: repos.batches,
    apply: applyParticipants(),
    ids: randomIds,
    startJob: () => Promise.reject(new Error('up to 1000 identifiers start no job')),
  });
  return async (...args: Parameters<typeof run>) => (await run(...args)).sync!;
};

/** Learners written straight through the repository (guards included), many at a time. */
async function someLearners(n: number, at = tenant, extra: (i: number) => Partial<Learner> = () => ({})) {
  const out: Learner[] = [];
  for (let i = 0; i < n; i += 50) {
    const slice = await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async (_, j) => {
        const id = randomUUID();
        const learner: Learner = {
          learner_uuid: id,
          enterprise_customer_uuid: at,
          email: `${id}@example.com`,
          username: null,
          first_name: null,
          last_name: null,
          employee_id: `E-${id}`,
          state_id: `S-${id}`,
          branch_id: null,
          attributes: {},
          status: 'active',
          created: systemClock.now(),
          modified: systemClock.now(),
          version: 1,
          ...extra(i + j),
        };
        await repos.learners.put(learner, undefined);
        return learner;
      }),
    );
    out.push(...slice);
  }
  return out;
}

const course = () => `course-v1:Org+${randomUUID().slice(0, 8)}+2026`;

describe('identifier resolution against DynamoDB Local', () => {
  it('resolves uuids, e-mails case-insensitively, usernames, and nothing across tenants (bulk_enroll)', async () => {
    const [ada] = await someLearners(1, tenant, () => ({ username: `ada-${randomUUID()}` }));
    const [stranger] = await someLearners(1, otherTenant);
    const resolved = await resolveEnrollIdentifiers(repos, tenant, [
      ada!.learner_uuid.toUpperCase(),
      `  ${ada!.email.toUpperCase()}`.trim(),
      ada!.username!,
      'Unknown@Example.com',
      stranger!.learner_uuid,
      stranger!.email,
      'not-a-username',
    ]);
    expect(
      resolved.map((r) => (r.kind === 'member' ? ('learnerUuid' in r.ref ? r.ref.learnerUuid : r.ref.email) : r.kind)),
    ).toEqual([
      ada!.learner_uuid,
      ada!.learner_uuid,
      ada!.learner_uuid,
      'unknown@example.com',
      'invalid',
      stranger!.email,
      'invalid',
    ]);
    expect(resolved[5]).toMatchObject({ isUser: false });
  });

  it('resolves participants by user id, e-mail, employee id and state id, and answers learners of other tenants as unknown, per row', async () => {
    const [a, b, c] = await someLearners(3);
    const [stranger] = await someLearners(1, otherTenant);
    const byType = async (type: 'user_id' | 'email' | 'employee_id' | 'state_id', values: string[]) =>
      resolveParticipants(repos.learners, tenant, type, values);
    // Another tenant's learner uuid answers exactly as an unknown uuid.
    const unknown = randomUUID();
    expect((await byType('user_id', [a!.learner_uuid, stranger!.learner_uuid, unknown])).rejected).toEqual(
      [stranger!.learner_uuid, unknown].map((identifier) => ({
        identifier,
        outcome: 'not_found',
        message: 'no learner with this user_id',
      })),
    );
    expect((await byType('email', [b!.email.toUpperCase(), stranger!.email])).targets).toEqual([
      { identifier: b!.email.toUpperCase(), learnerUuid: b!.learner_uuid },
    ]);
    expect((await byType('employee_id', [c!.employee_id!])).targets[0]?.learnerUuid).toBe(c!.learner_uuid);
    expect((await byType('state_id', [a!.state_id!, 'S-none'])).rejected).toEqual([
      expect.objectContaining({ identifier: 'S-none', outcome: 'not_found' }),
    ]);
  });
});

describe('bulk enrollment against DynamoDB Local', () => {
  it('applies a chunk once even when replayed, audits each change once, and lists the audit trail', async () => {
    const learners = await someLearners(120);
    const c1 = course();
    const c2 = course();
    const chunk = {
      tenant,
      action: 'enroll' as const,
      courses: [
        { course_id: c1, cohort: 'A' },
        { course_id: c2, cohort: 'B' },
      ],
      identifiers: [...learners.map((l) => l.email), 'pending@example.com'],
      autoEnroll: true,
      emailStudents: false,
      withCohorts: true,
      actor: 'staff-1',
      opId: randomUUID(),
    };
    const [first, again] = [await applyBulk()(chunk), await applyBulk()(chunk)];
    expect(again).toEqual(first);
    expect(first[c1]!.filter((r) => 'after' in r && r.after.enrollment)).toHaveLength(120);
    const listed = await repos.enrollments.listByCourse({ tenant, courseId: c1, pageSize: 50 });
    expect(listed.count).toBe(121);
    const enrolled = await repos.enrollments.listByCourse({
      tenant,
      courseId: c1,
      statuses: ['enrolled'],
      pageSize: 1000,
    });
    expect(enrolled.count).toBe(120);
    expect(enrolled.items.every((e) => e.cohort === 'A')).toBe(true);
    const audit = await repos.enrollments.listAudit({ tenant, courseId: c2, pageSize: 1000 });
    expect(audit.count).toBe(121);
    expect(audit.items.filter((a) => a.transition === 'from unenrolled to allowed to enroll')).toHaveLength(1);
    const ofLearner = await repos.enrollments.listByMember({
      tenant,
      ref: { learnerUuid: learners[0]!.learner_uuid },
      pageSize: 10,
    });
    expect(ofLearner.items.map((e) => e.course_id).sort()).toEqual([c1, c2].sort());
  });

  it('enrolls new members without reading their enrollments, and reads those the guess got wrong', async () => {
    const learners = await someLearners(150);
    const c = course();
    const { enrollments, reads } = countingReads();
    const counting = makeApplyBulkEnrollment({
      ...repos,
      enrollments,
      notify: async () => {},
      clock: systemClock,
    });
    const base = { tenant, courses: [{ course_id: c, cohort: null }], autoEnroll: false, emailStudents: false };
    const run = (action: 'enroll' | 'unenroll', from: number, to: number) =>
      counting({
        ...base,
        action,
        identifiers: learners.slice(from, to).map((l) => l.learner_uuid),
        withCohorts: false,
        actor: 'staff-1',
        opId: randomUUID(),
      });
    await run('enroll', 0, 50);
    expect(reads.count).toBe(0);
    await run('unenroll', 0, 20);
    reads.count = 0;
    // 20 unenrolled, 30 enrolled, 100 new: the guess fails on its first transaction.
    const mixed = await run('enroll', 0, 150);
    expect(reads.count).toBeGreaterThan(0);
    const moves = mixed[c]!.map((r) => ('after' in r ? `${r.before.enrollment}->${r.after.enrollment}` : 'error'));
    expect(moves.slice(0, 20)).toEqual(Array(20).fill('false->true'));
    expect(moves.slice(20, 50)).toEqual(Array(30).fill('true->true'));
    expect(moves.slice(50)).toEqual(Array(100).fill('false->true'));
    const enrolled = await repos.enrollments.listByCourse({
      tenant,
      courseId: c,
      statuses: ['enrolled'],
      pageSize: 1000,
    });
    expect(enrolled.count).toBe(150);
    const audit = await repos.enrollments.listAudit({ tenant, courseId: c, pageSize: 1000 });
    // 50 enrolled, 20 unenrolled, 20 re-enrolled, 100 enrolled: once each, nothing from the cancelled guess.
    expect(audit.count).toBe(190);
  });

  it('turns an allowed e-mail into an enrollment when the learner is created, once', async () => {
    const c1 = course();
    const email = `later-${randomUUID()}@example.com`;
    await applyBulk()({
      tenant,
      action: 'enroll',
      courses: [{ course_id: c1, cohort: null }],
      identifiers: [email.toUpperCase()],
      autoEnroll: true,
      emailStudents: false,
      withCohorts: false,
      actor: 'staff-1',
      opId: randomUUID(),
    });
    const learnerUuid = randomUUID();
    const put = putLearner();
    await put(adminOf(tenant), tenant, learnerUuid, { email });
    await put(adminOf(tenant), tenant, learnerUuid, { email, first_name: 'Again' });
    const rows = await repos.enrollments.listByCourse({ tenant, courseId: c1, pageSize: 10 });
    expect(rows.items).toEqual([
      expect.objectContaining({ learner_uuid: learnerUuid, pending_email: null, status: 'enrolled' }),
    ]);
    const audit = await repos.enrollments.listAudit({ tenant, courseId: c1, pageSize: 10 });
    expect(audit.items.map((a) => a.transition)).toEqual([
      'from unenrolled to allowed to enroll',
      'from allowed to enroll to enrolled',
    ]);
    expect(audit.items[1]).toMatchObject({ actor: 'admin-1', reason: 'learner_created', learner_uuid: learnerUuid });
  });
});

/** A new invite-only batch of the tenant in `courseId`, created by staff. */
const inviteOnlyBatch = (courseId: string, name: string) =>
  makeCreateBatch(repos.batches, systemClock, randomIds)(staff, courseId, {
    name,
    enrollment_type: 'invite_only',
    enterprise_customer_uuid: tenant,
  });

describe('batches against DynamoDB Local', () => {
  it('adds 1,000 participants of which 100 are present: 900 added, 100 skipped, participant_count exact', async () => {
    const c1 = course();
    const batch = await inviteOnlyBatch(c1, 'Invite only');
    const learners = await someLearners(1000);
    const change = changeParticipants();
    const present = learners.slice(0, 100).map((l) => l.state_id!);
    await change(staff, batch.batch_id, 'add', { identifiers: present, identifier_type: 'state_id' });
    const result = await change(staff, batch.batch_id, 'add', {
      identifiers: learners.map((l) => l.state_id!),
      identifier_type: 'state_id',
    });
    expect(result.count).toBe(900);
    expect(result.skipped).toHaveLength(100);
    expect(result.skipped.every((s) => s.outcome === 'already_present')).toBe(true);
    expect(result.participant_count).toBe(1000);
    const list = makeListBatchParticipants(repos.batches, repos.enrollments);
    const page = await list(staff, batch.batch_id, { pageSize: 400 });
    expect(page.count).toBe(1000);
    expect(page.items).toHaveLength(400);
    expect(page.next).not.toBeNull();
  });

  it('adds new participants without reading their enrollments', async () => {
    const c = course();
    const batch = await inviteOnlyBatch(c, 'Guess');
    const learners = await someLearners(40);
    const { enrollments, reads } = countingReads();
    const apply = makeApplyBatchParticipants({
      ...repos,
      enrollments,
      clock: systemClock,
    });
    const add = (from: number, to: number) =>
      apply({
        batchId: batch.batch_id,
        action: 'add',
        identifierType: 'user_id',
        identifiers: learners.slice(from, to).map((l) => l.learner_uuid),
        actor: 'staff-1',
        opId: randomUUID(),
      });
    expect((await add(0, 30)).map((r) => r.outcome)).toEqual(Array(30).fill('added'));
    expect(reads.count).toBe(0);
    const mixed = await add(20, 40);
    expect(mixed.map((r) => r.outcome)).toEqual([...Array(10).fill('already_present'), ...Array(10).fill('added')]);
    expect(reads.count).toBeGreaterThan(0);
    expect((await repos.batches.get(batch.batch_id))?.participant_count).toBe(40);
  });

  it('keeps participant_count exact under concurrent overlapping adds and removes', async () => {
    const c1 = course();
    const batch = await inviteOnlyBatch(c1, 'Race');
    const learners = await someLearners(200);
    const change = changeParticipants();
    const ids = learners.map((l) => l.learner_uuid);
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) =>
        change(staff, batch.batch_id, 'add', {
          identifiers: ids.slice(i * 30, i * 30 + 80),
          identifier_type: 'user_id',
        }),
      ),
      change(staff, batch.batch_id, 'remove', { identifiers: ids.slice(0, 20), identifier_type: 'user_id' }),
    ]);
    const stored = await repos.batches.get(batch.batch_id);
    const counted = await repos.enrollments.listByBatch({
      batchId: batch.batch_id,
      statuses: ['enrolled', 'completed'],
      pageSize: 1,
    });
    expect(stored!.participant_count).toBe(counted.count);
    expect(counted.count).toBeGreaterThanOrEqual(180);
  });
});

describe('notifications against DynamoDB Local', () => {
  it('marks a notification id as delivered once', async () => {
    const marks = makeSentNotificationRepository(db, table);
    const id = randomUUID();
    expect(await marks.wasSent(id)).toBe(false);
    await marks.markSent(id, systemClock.now());
    await marks.markSent(id, systemClock.now());
    expect(await marks.wasSent(id)).toBe(true);
  });
});

describe('batch participants jobs against DynamoDB Local', () => {
  it('applies parallel chunks on one batch, replays one, and keeps participant_count exact', async () => {
    const batch = await inviteOnlyBatch(course(), 'Parallel chunks');
    const learners = await someLearners(1500);
    const present = learners.slice(0, 150).map((l) => l.employee_id!);
    await changeParticipants()(staff, batch.batch_id, 'add', { identifiers: present, identifier_type: 'employee_id' });
    const job = newJob(
      {
        tenant,
        kind: 'batch_participants',
        target: { batch_id: batch.batch_id, action: 'add', identifier_type: 'employee_id' },
        source: { type: 'api', route: 'batch_participants_add', caller: 'staff-1' },
        sourceKey: 'api:batch_participants_add',
        createdBy: 'staff-1',
      },
      randomUUID(),
      systemClock.now(),
    );
    const apply = makeApplyParticipantRows(applyParticipants());
    const chunks = chunkRows(identifierRows(learners.map((l) => l.employee_id!)));
    expect(chunks).toHaveLength(3);
    // Every chunk at once, the first one twice (a redelivery racing the original).
    const results = await Promise.all([
      ...chunks.map((rows, i) => apply(job, rows, `${job.job_id}#${i}`)),
      apply(job, chunks[0]!, `${job.job_id}#0`),
    ]);
    const outcomes = results.slice(0, 3).flat();
    expect(outcomes.filter((r) => r.outcome === 'added')).toHaveLength(1350);
    expect(outcomes.filter((r) => r.outcome === 'already_present')).toHaveLength(150);
    expect(results[3]).toEqual(results[0]);
    expect((await repos.batches.get(batch.batch_id))?.participant_count).toBe(1500);
  }, 120_000);
});

describe("a course's enrollments across tenants", () => {
  it('lets staff page forward and back through every tenant, counting them all; admins must name theirs', async () => {
    const c = course();
    const tenants = [randomUUID(), randomUUID(), randomUUID()];
    const sizes = [4, 0, 3];
    for (const [i, t] of tenants.entries()) {
      const identifiers = Array.from({ length: sizes[i]! }, (_, n) => `p${n}-${randomUUID()}@example.com`);
      if (identifiers.length === 0) continue;
      await applyBulk()({
        ...{ tenant: t, action: 'enroll', courses: [{ course_id: c, cohort: null }], identifiers },
        ...{ autoEnroll: true, emailStudents: false, withCohorts: false, actor: 'staff-1', opId: randomUUID() },
      });
    }
    const list = makeListCourseEnrollments(repos.enrollments);
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await list(staff, c, undefined, { pageSize: 3, cursor });
      expect(page.count).toBe(7);
      pages.push(page);
      cursor = page.next ?? undefined;
    } while (cursor);
    const forward = pages.flatMap((p) => p.items.map((e) => e.pending_email));
    expect(forward).toHaveLength(7);
    expect(new Set(forward).size).toBe(7);
    expect(new Set(pages.flatMap((p) => p.items.map((e) => e.enterprise_customer_uuid)))).toEqual(
      new Set([tenants[0], tenants[2]]),
    );

    const backward: (string | null)[] = [];
    let back: string | null = pages.at(-1)!.previous;
    while (back !== null) {
      const page = await list(staff, c, undefined, { pageSize: 3, cursor: back });
      backward.unshift(...page.items.map((e) => e.pending_email));
      back = page.previous;
    }
    expect(new Set([...backward, ...pages.at(-1)!.items.map((e) => e.pending_email)])).toEqual(new Set(forward));

    await expect(list(adminOf(tenants[0]!), c, undefined, { pageSize: 3 })).rejects.toMatchObject({
      details: [{ path: 'query.enterprise_customer_uuid' }],
    });
    expect((await list(adminOf(tenants[0]!), c, tenants[0], { pageSize: 10 })).count).toBe(4);
    await expect(list(staff, c, undefined, { pageSize: 3, cursor: 'bm9wZQ' })).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
  });
});
