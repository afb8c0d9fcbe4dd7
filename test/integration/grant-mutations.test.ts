import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catalog, type FunctionDefinition } from '#functions/catalog';
import type { LocalLog } from '#local/local-log';
import { type ReliabilityStack, startReliabilityStack } from '#test/integration/reliability/in-process-stack';

/**
 * Proof that the local stack enforces the catalog's grants: with one grant removed from a copy of
 * the catalog, the call that needs it fails as it would in AWS (the SDK call is refused with
 * AccessDenied, which the handler answers as an unknown error: 500), and passes with the grant back.
 */
const copy: FunctionDefinition[] = catalog.map((definition) => ({ ...definition }));
const entry = (name: string) => copy.find((definition) => definition.name === name)!;
const GROUPS = '/api/v1/enterprise-group';
const tenant = randomUUID();
const refusals: string[] = [];
const log: LocalLog = {
  info: () => {},
  warn: (line) => {
    if (line.startsWith('grants: ')) refusals.push(line);
  },
  error: () => {},
};

let s: ReliabilityStack;
let admin: string;

beforeAll(async () => {
  // The handlers' own error lines (the refusal, as an unhandled error) are expected here.
  s = await startReliabilityStack({ catalog: copy, log, env: { LOG_LEVEL: 'SILENT' } });
  admin = await s.adminToken(tenant);
});

afterAll(async () => {
  await s?.stop();
});

beforeEach(() => {
  refusals.length = 0;
});

/** Runs `check` with `name`'s access replaced by `access`, then restores it. */
async function without(name: string, access: FunctionDefinition['access'], check: () => Promise<void>) {
  const definition = entry(name);
  const granted = definition.access;
  definition.access = access;
  try {
    await check();
  } finally {
    definition.access = granted;
  }
}

describe('a grant removed from the catalog', () => {
  it('fails a producer that may no longer send job chunks, and passes with the grant restored', async () => {
    const group = (
      await s.api('POST', `${GROUPS}/`, { token: admin, body: { name: 'Big', enterprise_customer_uuid: tenant } })
    ).json;
    // Over 1,000 identifiers: the request becomes a job whose chunks AssignLearners sends.
    const assign = () =>
      s.api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
        token: admin,
        body: { learner_uuids: Array.from({ length: 1001 }, () => randomUUID()) },
      });
    const { sendsTo, ...rest } = entry('AssignLearners').access;
    expect(sendsTo).toContain('jobChunks');

    await without('AssignLearners', { ...rest, sendsTo: sendsTo!.filter((q) => q !== 'jobChunks') }, async () => {
      const refused = await assign();
      expect(refused.status).toBe(500);
      expect(refused.json).toMatchObject({ code: 'internal_error' });
    });
    expect(refusals).toEqual([
      expect.stringMatching(/^grants: AssignLearners may not sqs:SendMessage on arn:aws:sqs:.*job-chunks-/),
    ]);

    refusals.length = 0;
    expect((await assign()).status).toBe(202);
    expect(refusals).toEqual([]);
  });

  it('fails a writer whose table access is reduced to read, and passes with it restored', async () => {
    const put = () =>
      s.api('PUT', `/api/v1/enterprise-customer/${tenant}/learners/${randomUUID()}`, {
        token: admin,
        body: { email: `w-${randomUUID()}@example.com` },
      });
    expect(entry('PutLearner').access.table).toBe('readwrite');

    await without('PutLearner', { ...entry('PutLearner').access, table: 'read' }, async () => {
      const refused = await put();
      expect(refused.status).toBe(500);
      expect(refused.json).toMatchObject({ code: 'internal_error' });
    });
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toMatch(
      /^grants: PutLearner may not dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem) on arn:aws:dynamodb:/,
    );

    refusals.length = 0;
    expect((await put()).status).toBeLessThan(300);
    expect(refusals).toEqual([]);
  });
});
