import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReliabilityStack, startReliabilityStack } from './in-process-stack';
import { allMemberships, expectGroupConsistent, expectJobHonest } from './invariants';

/**
 * A revert job applied by the real queue workers while admins assign and remove the same members by
 * hand: whatever the interleaving, the counters hold, the revert's rows are honest, and it never
 * overwrites a membership written since the job it undoes.
 */
let s: ReliabilityStack;

beforeAll(async () => {
  s = await startReliabilityStack();
});

afterAll(async () => {
  await s?.stop();
});

const GROUPS = '/api/v1/enterprise-group';

describe('a revert racing new assigns and removals', () => {
  it('undoes only what no one wrote since, and counts every row once', async () => {
    const tenant = randomUUID();
    const token = await s.adminToken(tenant);
    const created = await s.api('POST', `${GROUPS}/`, {
      token,
      body: { name: `Revert race ${randomUUID()}`, enterprise_customer_uuid: tenant },
    });
    const group = created.json.group_uuid as string;
    const emails = Array.from({ length: 1001 }, (_, i) => `race-${i}-${tenant}@example.com`);
    const assign = await s.api('POST', `${GROUPS}/${group}/assign_learners`, {
      token,
      body: { learner_emails: emails },
    });
    expect(assign.status, JSON.stringify(assign.json)).toBe(202);
    await s.idle(120_000);
    const original = await expectJobHonest(s.repositories.jobs, assign.json.job_id);
    expect(original.outcome_counts).toEqual({ invited: 1001 });

    const hand = (i: number) =>
      s.api('POST', `${GROUPS}/${group}/${i % 2 ? 'remove' : 'assign'}_learners`, {
        token,
        body: { learner_emails: emails.slice(i * 10, i * 10 + 10) },
      });
    const [revert] = await Promise.all([
      s.api('POST', `/api/v1/jobs/${original.job_id}/revert`, { token }),
      ...Array.from({ length: 20 }, (_, i) => hand(i)),
    ]);
    expect(revert.status, JSON.stringify(revert.json)).toBe(202);
    // More writes by hand while the revert's chunks run.
    await Promise.all(Array.from({ length: 20 }, (_, i) => hand(20 + i)));
    await s.idle(120_000);

    const undone = await expectJobHonest(s.repositories.jobs, revert.json.job_id);
    expect(undone.failed).toBe(0);
    // The race is real: the hand writes reached memberships before the revert's chunks did.
    expect(undone.outcome_counts.changed_since ?? 0).toBeGreaterThan(0);
    await expectGroupConsistent(s.repositories, group);
    const results = new Map<string, string>();
    for await (const chunk of s.repositories.jobs.resultChunks(undone.job_id))
      for (const r of chunk.rows) results.set(r.identifier, r.outcome);
    for (const m of await allMemberships(s.repositories, group)) {
      const outcome = results.get(m.pending_learner_email!);
      // Nothing the job wrote is left as it wrote it; whatever the revert skipped was written by hand.
      expect(m.last_op_id?.startsWith(`${original.job_id}#`) ?? false).toBe(false);
      if (outcome === 'changed_since') expect(m.last_op_id).toBeNull();
      if (m.last_op_id?.startsWith(`${undone.job_id}#`)) expect([outcome, m.status]).toEqual(['removed', 'removed']);
    }
  }, 240_000);
});
