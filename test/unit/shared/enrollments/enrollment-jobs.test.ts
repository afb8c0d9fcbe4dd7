import { describe, expect, it } from 'vitest';
import { makeApplyBatchParticipants } from '#shared/enrollments/apply-batch-participants';
import { makeApplyBulkEnrollment } from '#shared/enrollments/apply-bulk-enrollment';
import type { Batch } from '#shared/enrollments/batch';
import {
  courseOutcome,
  makeApplyBulkEnrollRows,
  makeApplyParticipantRows,
  makeBulkEnrollOrQueue,
  makeChangeParticipantsOrQueue,
  rowOutcome,
} from '#shared/enrollments/enrollment-jobs';
import { BulkEnrollBody } from '#shared/enrollments/schemas';
import { ForbiddenError } from '#shared/errors';
import { makeApplyBatchParticipantCsvRows, makeApplyEnrollmentCsvRows } from '#shared/imports/apply-enrollment-rows';
import { classify, type Job, type JobRow } from '#shared/jobs/job';
import { newJob, type NewJob } from '#shared/jobs/start-job';
import { adminOf, fixedClock, OTHER_TENANT, sequentialIds, staff, TENANT } from '../fakes';
import { aBatch, directory, fakeBatches, fakeEnrollments, fakeOutbox, learnerN, noUsernames } from './fake-enrollments';

const learners = [1, 2, 3].map((n) => learnerN(n));
const foreign = learnerN(9, { enterprise_customer_uuid: OTHER_TENANT });

const batch = aBatch;
const foreignBatch: Batch = {
  ...batch,
  batch_id: 'bbbbbbbb-0000-4000-8000-000000000009',
  enterprise_customer_uuid: OTHER_TENANT,
};
const C1 = 'course-v1:edX+Demo+123';
const C2 = 'course-v1:edX+Demo2+456';

function setup() {
  const enrollments = fakeEnrollments([batch, foreignBatch]);
  const batches = fakeBatches(enrollments);
  const outbox = fakeOutbox();
  const dir = directory([...learners, foreign]);
  const applyBulk = makeApplyBulkEnrollment({
    learners: dir,
    usernames: noUsernames,
    enrollments,
    notify: outbox.notify,
    clock: fixedClock(),
  });
  const applyParticipants = makeApplyBatchParticipants({ batches, learners: dir, enrollments, clock: fixedClock() });
  const started: { spec: NewJob; rows: JobRow[] }[] = [];
  const startJob = async (spec: NewJob, rows: JobRow[]): Promise<Job> => {
    started.push({ spec, rows });
    return { ...newJob(spec, 'job-1', 'now'), status: 'running', total: rows.length };
  };
  return { enrollments, batches, applyBulk, applyParticipants, started, startJob };
}

const jobOf = (spec: NewJob): Job => newJob(spec, 'job-1', 'now');
const many = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);

describe('bulk_enroll over the synchronous limit', () => {
  const body = (identifiers: string[], extra: Record<string, unknown> = {}) =>
    BulkEnrollBody.parse({
      action: 'enroll',
      courses: [C1, C2],
      identifiers,
      enterprise_customer_uuid: TENANT,
      ...extra,
    });

  it('answers synchronously up to 1000 pairs and starts a bulk_enroll job beyond, writing nothing', async () => {
    const { applyBulk, startJob, started, enrollments } = setup();
    const run = makeBulkEnrollOrQueue({ apply: applyBulk, throttle: async () => {}, ids: sequentialIds(), startJob });
    const small = await run(staff, body(['l1@example.com']));
    expect(small.sync?.courses[C1]?.results).toHaveLength(1);
    const before = enrollments.rows.size;
    const big = await run(staff, body([...many(500), 'p0@example.com', 'l1@example.com'], { cohorts: 'a,b' }));
    expect(big.job).toMatchObject({ kind: 'bulk_enroll', total: 502 });
    expect(enrollments.rows.size).toBe(before);
    const [{ spec, rows }] = started as [(typeof started)[0]];
    expect(spec.target).toMatchObject({ action: 'enroll', with_cohorts: 'true', auto_enroll: 'false' });
    expect(JSON.parse(spec.target!.courses!)).toEqual([
      { course_id: C1, cohort: 'a' },
      { course_id: C2, cohort: 'b' },
    ]);
    expect(rows[500]).toMatchObject({ index: 500, rejected: { outcome: 'duplicate_in_request' } });
  });

  it('stays staff only', async () => {
    const { applyBulk, startJob } = setup();
    const run = makeBulkEnrollOrQueue({ apply: applyBulk, throttle: async () => {}, ids: sequentialIds(), startJob });
    await expect(run(adminOf(TENANT), body(many(600)))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('applies a chunk per identifier with per-course before/after, and a replay reports the same', async () => {
    const { applyBulk, enrollments } = setup();
    const job = jobOf({
      tenant: TENANT,
      kind: 'bulk_enroll',
      target: {
        action: 'enroll',
        courses: JSON.stringify([
          { course_id: C1, cohort: null },
          { course_id: C2, cohort: null },
        ]),
        auto_enroll: 'true',
        email_students: 'false',
        with_cohorts: 'false',
      },
      source: { type: 'api', route: 'bulk_enroll', caller: 'staff-1' },
      sourceKey: 'api:bulk_enroll',
      createdBy: 'staff-1',
    });
    const rows: JobRow[] = [
      { index: 0, input: { identifier: 'l1@example.com' } },
      { index: 1, input: { identifier: 'new@example.com' } },
      { index: 2, input: { identifier: foreign.learner_uuid } },
      {
        index: 3,
        input: { identifier: 'L1@example.com' },
        rejected: { outcome: 'duplicate_in_request', message: 'x' },
      },
    ];
    const apply = makeApplyBulkEnrollRows(applyBulk);
    const first = await apply(job, rows, 'job-1#0');
    expect(first.map((r) => r.outcome)).toEqual(['enrolled', 'allowed', 'invalid_identifier', 'duplicate_in_request']);
    expect(JSON.parse(first[0]!.message!)).toEqual({
      [C1]: {
        outcome: 'enrolled',
        before: { user: true, enrollment: false, allowed: false, auto_enroll: false },
        after: { user: true, enrollment: true, allowed: false, auto_enroll: false },
      },
      [C2]: {
        outcome: 'enrolled',
        before: { user: true, enrollment: false, allowed: false, auto_enroll: false },
        after: { user: true, enrollment: true, allowed: false, auto_enroll: false },
      },
    });
    const size = enrollments.rows.size;
    expect(await apply(job, rows, 'job-1#0')).toEqual(first);
    expect(enrollments.rows.size).toBe(size);
    expect((await apply(job, rows, 'job-1#1')).map((r) => r.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'invalid_identifier',
      'duplicate_in_request',
    ]);
  });

  it('names compact outcomes and counts them', () => {
    const s = (enrollment: boolean, allowed = false) => ({ user: true, enrollment, allowed, auto_enroll: false });
    expect(courseOutcome({ identifier: 'x', before: s(true), after: s(false) })).toBe('unenrolled');
    expect(courseOutcome({ identifier: 'x', before: s(false, true), after: s(false) })).toBe('allowance_removed');
    expect(courseOutcome({ identifier: 'x', error: true })).toBe('error');
    expect(rowOutcome(['enrolled', 'unchanged'])).toBe('changed');
    expect(rowOutcome(['unchanged', 'unchanged'])).toBe('unchanged');
    expect(['enrolled', 'allowed', 'unenrolled', 'changed'].map(classify)).toEqual(Array(4).fill('succeeded'));
    expect(['unchanged', 'already_present', 'not_present', 'already_completed'].map(classify)).toEqual(
      Array(4).fill('skipped'),
    );
    expect(['invalid_identifier', 'error', 'not_found'].map(classify)).toEqual(Array(3).fill('failed'));
  });
});

describe('batch participants over the synchronous limit', () => {
  it('starts a batch_participants job past 1000 identifiers, for administrators of the batch only', async () => {
    const { batches, applyParticipants, startJob, started } = setup();
    const run = makeChangeParticipantsOrQueue({ batches, apply: applyParticipants, ids: sequentialIds(), startJob });
    const ids = Array.from({ length: 10_000 }, (_, i) => `E${i}`);
    const out = await run(adminOf(TENANT), batch.batch_id, 'add', { identifiers: ids, identifier_type: 'employee_id' });
    expect(out.job).toMatchObject({ kind: 'batch_participants', total: 10_000 });
    expect(started[0]!.spec.target).toEqual({
      batch_id: batch.batch_id,
      action: 'add',
      identifier_type: 'employee_id',
    });
    await expect(
      run(adminOf(OTHER_TENANT), batch.batch_id, 'add', { identifiers: ids, identifier_type: 'employee_id' }),
    ).rejects.toMatchObject({ code: 'batch_not_found' });
    const small = await run(staff, batch.batch_id, 'add', { identifiers: ['E1'], identifier_type: 'employee_id' });
    expect(small.sync).toMatchObject({ count: 1, participant_count: 1 });
  });

  it('applies a chunk under its op id: replays count nothing twice', async () => {
    const { applyParticipants, batches } = setup();
    const job = jobOf({
      tenant: TENANT,
      kind: 'batch_participants',
      target: { batch_id: batch.batch_id, action: 'add', identifier_type: 'employee_id' },
      source: { type: 'api', route: 'batch_participants_add', caller: 'staff-1' },
      sourceKey: 'api:batch_participants_add',
      createdBy: 'staff-1',
    });
    const rows: JobRow[] = ['E1', 'E2', 'E404'].map((identifier, index) => ({ index, input: { identifier } }));
    const apply = makeApplyParticipantRows(applyParticipants);
    const first = await apply(job, rows, 'job-1#0');
    expect(first.map((r) => r.outcome)).toEqual(['added', 'added', 'not_found']);
    expect(await apply(job, rows, 'job-1#0')).toEqual(first);
    expect((await batches.get(batch.batch_id))?.participant_count).toBe(2);
    expect((await apply(job, rows, 'job-1#1')).map((r) => r.outcome)).toEqual([
      'already_present',
      'already_present',
      'not_found',
    ]);
  });
});

const csvJob = (kind: 'import_enrollments' | 'import_batch_participants') =>
  jobOf({
    tenant: TENANT,
    kind,
    source: { type: 's3', bucket: 'b', key: 'k', etag: 'e' },
    sourceKey: 'k',
    createdBy: 'staff-1',
  });
const csvRows = (records: Record<string, string>[]): JobRow[] => records.map((input, i) => ({ index: i + 2, input }));

describe('CSV kinds', () => {
  it('enrollments: enrolls, allows, unenrolls per row and fails bad rows alone', async () => {
    const { applyBulk, enrollments } = setup();
    const apply = makeApplyEnrollmentCsvRows(applyBulk);
    const rows = csvRows([
      { course_id: C1, identifier: 'l1@example.com', action: '', cohort: 'A' },
      { course_id: C1, identifier: 'someone@example.com', action: 'enroll', cohort: '' },
      { course_id: 'bad/course', identifier: 'l1@example.com', action: '', cohort: '' },
      { course_id: C1, identifier: 'l2@example.com', action: 'drop', cohort: '' },
      { course_id: C1, identifier: 'l2@example.com', action: 'unenroll', cohort: 'A' },
      { course_id: C2, identifier: learners[1]!.learner_uuid, action: 'enroll', cohort: '' },
    ]);
    const first = await apply(csvJob('import_enrollments'), rows, 'job-1#0');
    expect(first.map((r) => [r.index, r.outcome, r.code])).toEqual([
      [2, 'enrolled', 'enrolled'],
      [3, 'allowed', 'allowed'],
      [4, 'failed', 'validation_error'],
      [5, 'failed', 'validation_error'],
      [6, 'failed', 'validation_error'],
      [7, 'enrolled', 'enrolled'],
    ]);
    expect(JSON.parse(first[0]!.message!).after).toMatchObject({ enrollment: true, cohort: 'A' });
    expect(await apply(csvJob('import_enrollments'), rows, 'job-1#0')).toEqual(first);
    const size = enrollments.rows.size;
    const un = await apply(
      csvJob('import_enrollments'),
      csvRows([{ course_id: C1, identifier: 'l1@example.com', action: 'unenroll', cohort: '' }]),
      'job-2#0',
    );
    expect(un.map((r) => r.outcome)).toEqual(['unenrolled']);
    expect(enrollments.rows.size).toBe(size);
  });

  it('batch-participants: uuid, e-mail, employee id, then state id; other tenants’ batches are not found', async () => {
    const { applyParticipants, batches } = setup();
    const apply = makeApplyBatchParticipantCsvRows({ apply: applyParticipants, getBatch: (id) => batches.get(id) });
    const b = batch.batch_id;
    const rows = csvRows([
      { batch_id: b, identifier: learners[0]!.learner_uuid, action: '' },
      { batch_id: b, identifier: 'L2@example.com', action: 'add' },
      { batch_id: b, identifier: 'S3', action: 'add' },
      { batch_id: b, identifier: 'E1', action: 'add' },
      { batch_id: b, identifier: 'nobody', action: 'add' },
      { batch_id: foreignBatch.batch_id, identifier: 'E1', action: 'add' },
      { batch_id: b, identifier: 'E2', action: 'kick' },
      { batch_id: b, identifier: foreign.learner_uuid, action: 'add' },
    ]);
    const first = await apply(csvJob('import_batch_participants'), rows, 'job-1#0');
    expect(first.map((r) => [r.index, r.outcome, r.code])).toEqual([
      [2, 'added', 'added'],
      [3, 'added', 'added'],
      [4, 'added', 'added'],
      [5, 'already_present', 'already_present'],
      [6, 'not_found', 'not_found'],
      [7, 'failed', 'batch_not_found'],
      [8, 'failed', 'validation_error'],
      [9, 'not_found', 'not_found'],
    ]);
    expect(await apply(csvJob('import_batch_participants'), rows, 'job-1#0')).toEqual(first);
    expect((await batches.get(b))?.participant_count).toBe(3);
    const removed = await apply(
      csvJob('import_batch_participants'),
      csvRows([{ batch_id: b, identifier: 'S3', action: 'remove' }]),
      'job-2#0',
    );
    expect(removed.map((r) => r.outcome)).toEqual(['removed']);
    expect((await batches.get(b))?.participant_count).toBe(2);
  });
});
