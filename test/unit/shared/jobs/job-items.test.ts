import { describe, expect, it } from 'vitest';
import { keys } from '#shared/db/keys';
import type { Job } from '#shared/jobs/job';
import { counterUpdate, resultChunksQuery, resultPut, settledResultUpdate, tally } from '#shared/jobs/job-chunk-items';
import {
  approveUpdate,
  cancelUpdate,
  endUpdate,
  holdUpdate,
  finishError,
  finishUpdate,
  isComplete,
  markRunningUpdate,
  newJobPut,
  savePlanUpdate,
  toJob,
} from '#shared/jobs/job-items';
import { newJob } from '#shared/jobs/start-job';

const T = 'table';
const AT = '2026-12-06T00:00:00.000Z';
const job: Job = newJob(
  {
    tenant: 'e-1',
    kind: 'assign_learners',
    source: { type: 'api', route: 'assign_learners', caller: 'admin-1' },
    sourceKey: 'api:assign_learners:g-1',
    createdBy: 'admin-1',
  },
  'j-1',
  AT,
);
const running = (over: Partial<Job> = {}): Job => ({ ...job, status: 'running', chunks_total: 2, ...over });

describe('job items', () => {
  it('key a new job by id, in its tenant and its source listings, only where none is, and read it back', () => {
    const put = newJobPut(T, job);
    expect(put.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(put.Item).toMatchObject({ ...keys.job('j-1'), entity: 'job' });
    expect(put.Item).toMatchObject(keys.jobsOfTenant('e-1', AT, 'j-1'));
    expect(put.Item).toMatchObject(keys.jobsBySource('e-1', 'api:assign_learners:g-1', AT, 'j-1'));
    expect(toJob(put.Item!)).toEqual(job);
    const { started: _s, finished: _f, columns: _c, ...unstarted } = put.Item!;
    expect(toJob(unstarted)).toEqual(job);
    expect(Object.keys(toJob(unstarted))).toEqual(Object.keys(job));
    expect(() => toJob({ ...put.Item, total: '3' })).toThrow();
  });

  it('write a chunk’s results once and move the counters by their tally, outcome counts from zero', () => {
    const results = [
      { index: 0, identifier: 'a', outcome: 'added' },
      { index: 1, identifier: 'b', outcome: 'already_member' },
      { index: 2, identifier: 'c', outcome: 'added' },
    ];
    expect(resultPut(T, 'j-1', 3, results, true)).toMatchObject({
      Item: { ...keys.jobResult('j-1', 3), rows: results, failed_chunk: true },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
    expect(resultPut(T, 'j-1', 3, results, false).Item).not.toHaveProperty('failed_chunk');
    const t = tally(results);
    expect(t).toMatchObject({ processed: 3, outcomes: { added: 2, already_member: 1 } });
    const update = counterUpdate(T, 'j-1', t, { chunksDone: 1, chunksFailed: 0 });
    expect(update.ConditionExpression).toBe('attribute_exists(PK)');
    expect(update.UpdateExpression).toContain(
      'SET outcome_counts.#o0 = if_not_exists(outcome_counts.#o0, :zero) + :n0',
    );
    expect(update.ExpressionAttributeNames).toMatchObject({ '#o0': 'added', '#o1': 'already_member' });
    expect(update.ExpressionAttributeValues).toMatchObject({ ':n0': 2, ':n1': 1, ':done': 1, ':chunkFailed': 0 });
    expect(counterUpdate(T, 'j-1', tally([]), { chunksDone: 1, chunksFailed: 1 }).UpdateExpression).not.toContain(
      'SET',
    );
  });

  it('move a plan only from the one read, and run only a queued job', () => {
    const plan = savePlanUpdate(T, 'j-1', 4, { next_chunk: 5, total: 500, done: false });
    expect(plan.ConditionExpression).toContain('#plan.next_chunk = :from');
    expect(plan.ExpressionAttributeValues).toMatchObject({ ':from': 4, ':queued': 'queued' });
    expect(markRunningUpdate(T, 'j-1', 10, 2, AT)).toMatchObject({
      ConditionExpression: '#status = :queued',
      ExpressionAttributeValues: { ':total': 10, ':chunks': 2, ':at': AT },
    });
  });

  it('finish a complete job only at the counters read, with the reason failed chunks give', () => {
    expect(isComplete(running({ chunks_done: 1 }))).toBe(false);
    expect(isComplete(running({ chunks_done: 2 }))).toBe(true);
    expect(isComplete({ ...running({ chunks_done: 2 }), status: 'aborted' })).toBe(false);
    expect(finishError(running({ chunks_done: 2 }))).toBeNull();
    expect(finishError(running({ chunks_done: 2, chunks_failed: 1 }))).toMatch(/^1 of 2 chunks failed/);
    const update = finishUpdate(T, running({ chunks_done: 2, failed: 3 }), 'completed_with_errors', null, AT);
    expect(update.ConditionExpression).toContain('chunks_done = :done');
    expect(update.ExpressionAttributeValues).toMatchObject({
      ':done': 2,
      ':failed': 3,
      ':status': 'completed_with_errors',
    });
  });

  it('end only a job not ended yet, its total when given', () => {
    const update = endUpdate(T, 'j-1', 'aborted', 'by admin', AT);
    expect(update.ConditionExpression).toBe('NOT #status IN (:f0, :f1, :f2, :f3, :f4)');
    expect(update.UpdateExpression).not.toContain('#total');
    expect(endUpdate(T, 'j-1', 'failed', 'x', AT, 7).ExpressionAttributeValues).toMatchObject({ ':total': 7 });
  });

  it('read results from a chunk on, and no further than the results', () => {
    const query = resultChunksQuery(T, 'j-1', 2);
    expect(query.ExpressionAttributeValues).toEqual({
      ':pk': keys.job('j-1').PK,
      ':from': keys.jobResult('j-1', 2).SK,
      ':to': 'RESULT#~',
    });
  });

  it('hold only a running job, and approve or cancel only a held one', () => {
    const guard = { would_remove: 60, member_count: 100, percent: 60, max_percent: 20, min_removals: 50, sample: [] };
    const hold = holdUpdate(T, 'j-1', guard);
    expect(hold).toMatchObject({ Key: keys.job('j-1'), ConditionExpression: '#status = :running' });
    expect(hold.ExpressionAttributeValues).toMatchObject({ ':held': 'awaiting_approval', ':guard': guard });
    const approve = approveUpdate(T, 'j-1', 'admin-1', AT);
    expect(approve.ConditionExpression).toBe('#status = :held');
    expect(approve.ExpressionAttributeValues).toMatchObject({ ':running': 'running', ':by': 'admin-1', ':at': AT });
    const cancel = cancelUpdate(T, 'j-1', 'by admin', AT);
    expect(cancel.ConditionExpression).toBe('#status = :held');
    expect(cancel.ExpressionAttributeValues).toMatchObject({ ':cancelled': 'cancelled', ':reason': 'by admin' });
  });

  it('settle a chunk’s results once', () => {
    const update = settledResultUpdate(T, 'j-1', 3, [{ index: 0, identifier: 'l-1', outcome: 'removed' }]);
    expect(update.Key).toEqual(keys.jobResult('j-1', 3));
    expect(update.ConditionExpression).toBe('attribute_exists(PK) AND attribute_not_exists(settled)');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':settled': true });
  });
});
