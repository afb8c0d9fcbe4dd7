import { describe, expect, it } from 'vitest';
import { type BulkEnrollmentChunk, makeApplyBulkEnrollment } from '#shared/enrollments/apply-bulk-enrollment';
import { makeBulkEnrollOrQueue } from '#shared/enrollments/enrollment-jobs';
import { BulkEnrollBody } from '#shared/enrollments/schemas';
import { aLearner, fakeLearners, fixedClock, OTHER_TENANT, sequentialIds, staff, TENANT } from '../fakes';
import { fakeEnrollments, fakeOutbox } from './fake-enrollments';

const ada = aLearner();
const bo = aLearner({ learner_uuid: 'aaaaaaaa-0000-4000-8000-000000000002', email: 'bo@example.com', username: 'bo' });
const stranger = aLearner({
  learner_uuid: 'aaaaaaaa-0000-4000-8000-000000000009',
  email: 'x@other.org',
  enterprise_customer_uuid: OTHER_TENANT,
});
const C1 = 'course-v1:edX+Demo+123';
const C2 = 'course-v1:edX+Demo2+456';

function setup() {
  const enrollments = fakeEnrollments();
  const outbox = fakeOutbox();
  const apply = makeApplyBulkEnrollment({
    learners: fakeLearners([ada, bo, stranger]),
    usernames: {
      findByUsernames: async (_t: string, names: string[]) =>
        new Map(names.includes('bo') ? [['bo', { learner_uuid: bo.learner_uuid, email: bo.email }]] : []),
    },
    enrollments,
    notify: outbox.notify,
    clock: fixedClock('2026-03-01T10:00:00.000Z'),
  });
  return { enrollments, outbox, apply };
}

const chunk = (overrides: Partial<BulkEnrollmentChunk> = {}): BulkEnrollmentChunk => ({
  tenant: TENANT,
  action: 'enroll',
  courses: [
    { course_id: C1, cohort: 'cohortA' },
    { course_id: C2, cohort: 'cohortA' },
  ],
  identifiers: ['Ada@Example.com', 'new@example.com', 'bo'],
  autoEnroll: true,
  emailStudents: true,
  withCohorts: true,
  actor: 'staff-1',
  opId: 'op-1',
  ...overrides,
});

describe('applyBulkEnrollment', () => {
  it('enrolls learners, allows unknown e-mails and reports before/after per course and identifier', async () => {
    const { apply, enrollments } = setup();
    const results = await apply(chunk());
    expect(Object.keys(results)).toEqual([C1, C2]);
    const none = { user: true, enrollment: false, allowed: false, auto_enroll: false, cohort: null };
    expect(results[C1]).toEqual([
      { identifier: 'Ada@Example.com', before: none, after: { ...none, enrollment: true, cohort: 'cohortA' } },
      {
        identifier: 'new@example.com',
        before: { ...none, user: false },
        after: { user: false, enrollment: false, allowed: true, auto_enroll: true, cohort: 'cohortA' },
      },
      { identifier: 'bo', before: none, after: { ...none, enrollment: true, cohort: 'cohortA' } },
    ]);
    expect(enrollments.find(TENANT, C2, { email: 'new@example.com' })).toMatchObject({
      status: 'allowed',
      auto_enroll: true,
      cohort: 'cohortA',
    });
    expect(
      enrollments.audits.map((a) => `${a.course_id} ${a.learner_uuid ?? a.pending_email} ${a.transition}`),
    ).toEqual([
      `${C1} ${ada.learner_uuid} from unenrolled to enrolled`,
      `${C1} new@example.com from unenrolled to allowed to enroll`,
      `${C1} ${bo.learner_uuid} from unenrolled to enrolled`,
      `${C2} ${ada.learner_uuid} from unenrolled to enrolled`,
      `${C2} new@example.com from unenrolled to allowed to enroll`,
      `${C2} ${bo.learner_uuid} from unenrolled to enrolled`,
    ]);
    expect(enrollments.audits[0]).toMatchObject({ actor: 'staff-1', at: '2026-03-01T10:00:00.000Z', op_id: 'op-1' });
  });

  it('reports invalid identifiers (bad e-mails, unknown names, learners of other tenants) without writing', async () => {
    const { apply, enrollments } = setup();
    const results = await apply(
      chunk({
        courses: [{ course_id: C1, cohort: null }],
        withCohorts: false,
        identifiers: ['not@', 'nobody', stranger.learner_uuid],
      }),
    );
    expect(results[C1]).toEqual([
      { identifier: 'not@', invalidIdentifier: true },
      { identifier: 'nobody', invalidIdentifier: true },
      { identifier: stranger.learner_uuid, invalidIdentifier: true },
    ]);
    expect(enrollments.rows.size).toBe(0);
  });

  it('replays a chunk with the same op id: same results, nothing audited or written twice', async () => {
    const { apply, enrollments, outbox } = setup();
    const first = await apply(chunk());
    const versions = [...enrollments.rows.values()].map((e) => e.version);
    const again = await apply(chunk());
    expect(again).toEqual(first);
    expect(enrollments.audits).toHaveLength(6);
    expect([...enrollments.rows.values()].map((e) => e.version)).toEqual(versions);
    // Notifications are re-put with the same ids; the consumer delivers each id once.
    expect(new Set(outbox.sent.map((n) => n.notification_id)).size).toBe(6);
  });

  it('reports a second application (another op) as already enrolled, with nothing written', async () => {
    const { apply, enrollments } = setup();
    await apply(chunk());
    const second = await apply(chunk({ opId: 'op-2', emailStudents: false }));
    expect(second[C1]![0]).toMatchObject({ before: { enrollment: true }, after: { enrollment: true } });
    expect(enrollments.audits).toHaveLength(6);
  });

  it('answers a member named twice with the state the first name left', async () => {
    const { apply, enrollments } = setup();
    const results = await apply(
      chunk({
        courses: [{ course_id: C1, cohort: null }],
        withCohorts: false,
        identifiers: ['ada@example.com', ada.learner_uuid],
      }),
    );
    expect(results[C1]![1]).toMatchObject({ before: { enrollment: true }, after: { enrollment: true } });
    expect(enrollments.audits).toHaveLength(1);
  });

  it('never unenrolls a completion and says so', async () => {
    const { apply, enrollments } = setup();
    await apply(chunk({ identifiers: ['ada@example.com'] }));
    enrollments.put({ ...enrollments.find(TENANT, C1, { learnerUuid: ada.learner_uuid })!, status: 'completed' });
    const results = await apply(chunk({ action: 'unenroll', identifiers: ['ada@example.com'], opId: 'op-3' }));
    expect(results[C1]![0]).toMatchObject({
      after: { enrollment: true },
      message: 'completed learners are not unenrolled',
    });
    expect(results[C2]![0]).toMatchObject({ before: { enrollment: true }, after: { enrollment: false } });
  });

  it('puts one notification per change when email_students is set, none otherwise', async () => {
    const { apply, outbox } = setup();
    await apply(chunk({ emailStudents: false }));
    expect(outbox.sent).toHaveLength(0);
    await apply(
      chunk({ action: 'unenroll', opId: 'op-4', withCohorts: false, courses: [{ course_id: C1, cohort: null }] }),
    );
    expect(outbox.sent.map((n) => [n.template, n.to])).toEqual([
      ['enrollment_unenrolled', 'ada@example.com'],
      ['enrollment_allowance_removed', 'new@example.com'],
      ['enrollment_unenrolled', 'bo@example.com'],
    ]);
  });

  it('re-reads and re-plans when another writer changes an enrollment first', async () => {
    const { apply, enrollments } = setup();
    enrollments.interfereOnce(() =>
      enrollments.put({
        enterprise_customer_uuid: TENANT,
        course_id: C1,
        learner_uuid: ada.learner_uuid,
        pending_email: null,
        status: 'enrolled',
        auto_enroll: false,
        cohort: 'cohortB',
        batch_id: null,
        completed_at: null,
        created: 'x',
        modified: 'x',
        version: 1,
        last_op_id: 'other',
        last_op_before: null,
      }),
    );
    const results = await apply(chunk({ identifiers: ['ada@example.com'] }));
    expect(results[C1]![0]).toMatchObject({
      before: { enrollment: true, cohort: 'cohortB' },
      after: { enrollment: true, cohort: 'cohortA' },
    });
    expect(enrollments.find(TENANT, C1, { learnerUuid: ada.learner_uuid })?.version).toBe(2);
  });
});

describe('bulkEnroll', () => {
  const noJob = () => Promise.reject(new Error('a synchronous request starts no job'));
  const body = (identifiers: string) =>
    BulkEnrollBody.parse({ action: 'enroll', courses: 'c1,c2', identifiers, enterprise_customer_uuid: TENANT });

  it('answers in the Open edX shape', async () => {
    const { apply } = setup();
    const run = makeBulkEnrollOrQueue({ apply, throttle: async () => {}, ids: sequentialIds(), startJob: noJob });
    const out = (await run(staff, body('ada@example.com'))).sync!;
    expect(out).toMatchObject({
      action: 'enroll',
      auto_enroll: false,
      email_students: false,
      courses: {
        c1: { action: 'enroll', auto_enroll: false, results: [{ identifier: 'ada@example.com' }] },
        c2: { action: 'enroll', auto_enroll: false, results: [{ identifier: 'ada@example.com' }] },
      },
    });
    expect(out.courses.c1!.results[0]).not.toHaveProperty('before.cohort');
  });
});
