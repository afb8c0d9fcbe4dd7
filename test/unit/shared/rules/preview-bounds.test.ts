import { describe, expect, it } from 'vitest';
import { makePreviewRuleset } from '#shared/rules/read-rules';
import { adminOf, TENANT } from '../fakes';
import { anAutomaticGroup } from './fake-rule-groups';

const uuid = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A tenant of `size` learners in e-mail order, every even one matching the ruleset. */
function preview(size: number, maxLearners: number) {
  const all = Array.from({ length: size }, (_, i) => uuid(i));
  const evaluatedUuids: string[] = [];
  const run = makePreviewRuleset({
    groups: { get: async () => undefined },
    // As the repository: stops once past `max`, so it may hand back more than `max`.
    learners: { tenantUuids: async () => all, tenantCount: async () => all.length },
    memberships: { getMany: async () => new Map(), list: async () => ({ items: [], next: null, previous: null }) },
    evaluate: async (_tenant, _ruleset, batch) => {
      evaluatedUuids.push(...batch);
      return new Map(batch.map((u) => [u, { evaluation: { matches: Number(u.slice(-12)) % 2 === 0 } }] as never));
    },
    maxLearners,
  });
  return {
    evaluatedUuids,
    answer: run(adminOf(TENANT), {
      enterprise_customer_uuid: TENANT,
      ruleset: anAutomaticGroup().ruleset!,
      sample_size: 3,
    }),
  };
}

describe('preview bounds', () => {
  it('evaluates at most the bound, and says the answer is of a sample of the tenant', async () => {
    const { answer, evaluatedUuids } = preview(25, 10);
    expect(await answer).toMatchObject({
      sampled: true,
      evaluated: 10,
      total_learners: 25,
      learners_evaluated: 10,
      matching_count: 5,
    });
    expect(evaluatedUuids).toEqual(Array.from({ length: 10 }, (_, i) => uuid(i)));
  });

  it('answers exactly for a tenant within the bound', async () => {
    const { answer } = preview(10, 10);
    expect(await answer).toMatchObject({ sampled: false, evaluated: 10, total_learners: 10, matching_count: 5 });
  });
});
