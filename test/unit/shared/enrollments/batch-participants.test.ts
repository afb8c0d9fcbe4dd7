import { describe, expect, it } from 'vitest';
import { makeApplyBatchParticipants } from '#shared/enrollments/apply-batch-participants';
import { makeChangeParticipantsOrQueue } from '#shared/enrollments/enrollment-jobs';
import { NotFoundError } from '#shared/errors';
import { adminOf, fixedClock, OTHER_TENANT, sequentialIds, staff, TENANT } from '../fakes';
import { aBatch, directory, fakeBatches, fakeEnrollments, learnerN } from './fake-enrollments';

const learners = [1, 2, 3, 4, 5].map((n) => learnerN(n));
const foreign = learnerN(9, { enterprise_customer_uuid: OTHER_TENANT });

const batch = aBatch;
const otherBatch = { ...batch, batch_id: 'bbbbbbbb-0000-4000-8000-000000000002' };

const noJob = () => Promise.reject(new Error('up to 1000 identifiers start no job'));

function setup() {
  const enrollments = fakeEnrollments([batch, otherBatch]);
  const batches = fakeBatches(enrollments);
  const apply = makeApplyBatchParticipants({
    batches,
    learners: directory([...learners, foreign]),
    enrollments,
    clock: fixedClock(),
  });
  const run = makeChangeParticipantsOrQueue({ batches, apply, ids: sequentialIds(), startJob: noJob });
  const change = async (...args: Parameters<typeof run>) => (await run(...args)).sync!;
  return { enrollments, apply, change };
}

const outcomes = (r: {
  results: { identifier: string; outcome: string }[];
  skipped: typeof r.results;
  errors: typeof r.results;
}) => Object.fromEntries([...r.results, ...r.skipped, ...r.errors].map((x) => [x.identifier, x.outcome]));

describe('batch participants', () => {
  it('adds learners by any identifier type, skips present ones and keeps participant_count exact', async () => {
    const { change, enrollments } = setup();
    const first = await change(staff, batch.batch_id, 'add', {
      identifiers: ['E1', 'E2'],
      identifier_type: 'employee_id',
    });
    expect(first).toMatchObject({ count: 2, participant_count: 2 });
    const second = await change(staff, batch.batch_id, 'add', {
      identifiers: ['S2', 'S3', 's3', ' S3 '],
      identifier_type: 'state_id',
    });
    expect(outcomes(second)).toEqual({
      S2: 'already_present',
      S3: 'added',
      s3: 'not_found',
      ' S3 ': 'duplicate_in_request',
    });
    expect(second.skipped.map((s) => s.outcome)).toEqual(['already_present', 'duplicate_in_request']);
    expect(second.participant_count).toBe(3);
    expect(enrollments.batchById.get(batch.batch_id)!.participant_count).toBe(3);
    expect(enrollments.audits.map((a) => a.transition)).toEqual(Array(3).fill('from unenrolled to enrolled'));
  });

  it("rejects, row by row, learners outside the batch's tenant and learners of another batch", async () => {
    const { change } = setup();
    await change(staff, otherBatch.batch_id, 'add', { identifiers: ['l4@example.com'], identifier_type: 'email' });
    const result = await change(staff, batch.batch_id, 'add', {
      identifiers: [learners[0]!.learner_uuid, foreign.learner_uuid, learners[3]!.learner_uuid, 'nope'],
      identifier_type: 'user_id',
    });
    expect(outcomes(result)).toEqual({
      [learners[0]!.learner_uuid]: 'added',
      [foreign.learner_uuid]: 'not_found',
      [learners[3]!.learner_uuid]: 'in_other_batch',
      nope: 'invalid',
    });
    expect(result.participant_count).toBe(1);
  });

  it('removes participants but never a learner who completed', async () => {
    const { change, enrollments } = setup();
    await change(staff, batch.batch_id, 'add', { identifiers: ['E1', 'E2'], identifier_type: 'employee_id' });
    const done = enrollments.find(TENANT, batch.course_id, { learnerUuid: learners[1]!.learner_uuid })!;
    enrollments.put({ ...done, status: 'completed' });
    const result = await change(staff, batch.batch_id, 'remove', {
      identifiers: ['E1', 'E2', 'E3'],
      identifier_type: 'employee_id',
    });
    expect(outcomes(result)).toEqual({ E1: 'removed', E2: 'already_completed', E3: 'not_present' });
    expect(result.participant_count).toBe(1);
    expect(enrollments.find(TENANT, batch.course_id, { learnerUuid: learners[0]!.learner_uuid })).toMatchObject({
      status: 'unenrolled',
      batch_id: batch.batch_id,
    });
  });

  it('replays a chunk with its op id without counting twice', async () => {
    const { apply, enrollments } = setup();
    const chunk = {
      batchId: batch.batch_id,
      action: 'add' as const,
      identifierType: 'email' as const,
      identifiers: ['l1@example.com', 'l2@example.com'],
      actor: 'job',
      opId: 'job-1#0',
    };
    const first = await apply(chunk);
    const again = await apply(chunk);
    expect(again).toEqual(first);
    expect(first.map((r) => r.outcome)).toEqual(['added', 'added']);
    expect(enrollments.batchById.get(batch.batch_id)!.participant_count).toBe(2);
    expect(enrollments.audits).toHaveLength(2);
  });

  it('hides batches of tenants the caller does not administer', async () => {
    const { change, enrollments } = setup();
    await expect(
      change(adminOf(OTHER_TENANT), batch.batch_id, 'add', { identifiers: ['E1'], identifier_type: 'employee_id' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(enrollments.rows.size).toBe(0);
  });
});
