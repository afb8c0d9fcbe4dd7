import { randomUUID } from 'node:crypto';
import { batchWriteAll } from '#shared/db/batch-write';
import { newLearnerItems } from '#shared/learners/learner-repository';
import type { BenchTarget } from './bench-target';

export interface SeededTenant {
  tenant: string;
  uuids: string[];
}

/** The custom attribute rules of the recalculation scenario match on: every other learner has `cohort: match`. */
export const MATCH_ATTRIBUTE = { field: 'attributes.cohort', value: 'match' } as const;

/**
 * Tenants with a given number of learners, seeded once per run and shared by the scenarios (not
 * timed). The items are the learner repository's own (record, e-mail guard), written with
 * BatchWriteItem 8 calls at a time: a fresh tenant needs no conditions, and setup of 100k learners
 * then takes tens of seconds instead of many minutes through the API or per-learner transactions.
 */
export function learnerFixtures(target: BenchTarget) {
  const tenants = new Map<number, Promise<SeededTenant>>();
  return {
    tenantWith(count: number): Promise<SeededTenant> {
      let seeded = tenants.get(count);
      if (!seeded) {
        seeded = seed(target, count);
        tenants.set(count, seeded);
      }
      return seeded;
    },
  };
}

export type LearnerFixtures = ReturnType<typeof learnerFixtures>;

async function seed(target: BenchTarget, count: number): Promise<SeededTenant> {
  const tenant = randomUUID();
  const uuids = Array.from({ length: count }, () => randomUUID());
  const client = target.rawClient();
  const now = new Date().toISOString();
  const started = performance.now();
  const BATCH = 100;
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let b = next++; b * BATCH < uuids.length; b = next++) {
          const items = uuids.slice(b * BATCH, (b + 1) * BATCH).flatMap((learner_uuid, k) =>
            newLearnerItems({
              learner_uuid,
              enterprise_customer_uuid: tenant,
              email: `${learner_uuid}@bench.example`,
              username: null,
              first_name: null,
              last_name: null,
              employee_id: null,
              state_id: null,
              branch_id: null,
              attributes: { cohort: (b * BATCH + k) % 2 === 0 ? MATCH_ATTRIBUTE.value : 'other' },
              status: 'active',
              created: now,
              modified: now,
              version: 1,
            }),
          );
          await batchWriteAll(
            client,
            target.tableName,
            items.map((Item) => ({ PutRequest: { Item } })),
          );
        }
      }),
    );
  } finally {
    client.destroy();
  }
  console.log(`  seeded ${count} learners in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)`);
  return { tenant, uuids };
}
