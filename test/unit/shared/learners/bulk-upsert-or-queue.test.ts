import { describe, expect, it } from 'vitest';
import { ForbiddenError, RateLimitedError, ValidationError } from '#shared/errors';
import type { Job, JobRow } from '#shared/jobs/job';
import { newJob, type NewJob } from '#shared/jobs/start-job';
import { learnerRows, makeBulkUpsertOrQueue } from '#shared/learners/bulk-upsert-or-queue';
import type { Throttle } from '#shared/throttle/throttle';
import { adminOf, OTHER_TENANT, sequentialIds, TENANT } from '../fakes';

const row = (n: number, extra: Record<string, unknown> = {}) => ({ email: `l${n}@example.com`, ...extra });
const rows = (count: number) => Array.from({ length: count }, (_, i) => row(i));

/** A throttle with `calls` left in the whole tenant. */
function budget(calls: number) {
  const left = { calls };
  const throttle: Throttle = async (route) => {
    if (left.calls === 0) throw new RateLimitedError(1, route, 'tenant');
    left.calls -= 1;
  };
  return { left, throttle };
}

function setup(calls = 10) {
  const upserted: unknown[] = [];
  const started: { spec: NewJob; rows: JobRow[] }[] = [];
  const { left, throttle } = budget(calls);
  const run = makeBulkUpsertOrQueue({
    upsert: async (_caller, _tenant, given) => {
      upserted.push(...given);
      return { count: given.length };
    },
    throttle,
    startJob: async (spec, jobRows): Promise<Job> => {
      started.push({ spec, rows: jobRows });
      return { ...newJob(spec, 'job-1', 'now'), total: jobRows.length };
    },
    ids: sequentialIds(),
  });
  return { run, upserted, started, left };
}

describe('learnerRows', () => {
  it('gives each row a new uuid and refuses a row naming an earlier row’s learner or e-mail', () => {
    const out = learnerRows(
      [row(1), row(2, { learner_uuid: 'U-1' }), { email: ' L1@Example.com ' }, { learner_uuid: 'u-1' }, null],
      sequentialIds(),
    );
    expect(out.map((r) => r.rejected?.outcome ?? 'new')).toEqual([
      'new',
      'new',
      'duplicate_in_request',
      'duplicate_in_request',
      'new',
    ]);
    expect(new Set(out.map((r) => r.derived_id)).size).toBe(5);
    expect(out[4]).toMatchObject({ index: 4, input: {} });
  });
});

describe('bulkUpsertOrQueue', () => {
  it('upserts up to 1000 rows at once and queues an upsert_learners job beyond, spending one call each', async () => {
    const { run, upserted, started, left } = setup(2);
    expect(await run(adminOf(TENANT), TENANT, rows(1000))).toEqual({ sync: { count: 1000 } });
    const out = await run(adminOf(TENANT), TENANT, rows(1001));
    expect(out.job).toMatchObject({ kind: 'upsert_learners', total: 1001 });
    expect(started[0]!.spec).toMatchObject({ tenant: TENANT, sourceKey: 'api:learners_bulk' });
    expect(upserted).toHaveLength(1000);
    expect(left.calls).toBe(0);
    await expect(run(adminOf(TENANT), TENANT, rows(1))).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('refuses a large request with rows that are no learners, naming them, and queues nothing', async () => {
    const { run, started } = setup();
    const given = [...rows(1000), { email: 'not an e-mail' }, { email: 3 }];
    const error = await run(adminOf(TENANT), TENANT, given).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ message: expect.stringMatching(/^2 rows are not valid learners/) });
    expect((error as ValidationError).details?.[0]?.path).toMatch(/^body\.learners\.1000\./);
    expect(started).toHaveLength(0);
  });

  it('is for administrators of the tenant, who spend nothing when refused', async () => {
    const { run, left } = setup(1);
    await expect(run(adminOf(OTHER_TENANT), TENANT, rows(2000))).rejects.toBeInstanceOf(ForbiddenError);
    expect(left.calls).toBe(1);
  });
});
