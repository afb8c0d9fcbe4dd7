import { randomUUID } from 'node:crypto';
import { batchWriteAll } from '#shared/db/batch-write';
import { keys } from '#shared/db/keys';
import type { BenchRow, Scenario } from '../bench-row';
import type { BenchTarget } from '../bench-target';
import { rawQueryAll } from '../raw-engine';
import { percentile } from '../stats';

const MEMBERS = 10_000;
const HISTORY_ENTRIES = 50_000;
const PAGE = 100;
const RUNS = 5;

/**
 * Membership as of a moment: a group of 10,000 members (assigned through the API, 2,000 of them then
 * removed and 1,000 revived, so items carry several periods) whose history holds 50,000 entries (the
 * rest seeded straight into its history partition). A page of 100 members `as_of` an instant before
 * the churn (median of 5 sequential calls) against the raw engine reading the same: one Query of the
 * group's membership items, which is what the read costs in, and the Query of its 50,000 history
 * entries, which a read replaying the history would cost instead.
 */
export const membershipAsOf: Scenario = async ({ target, fixtures }) => {
  const { tenant, uuids } = await fixtures.tenantWith(MEMBERS);
  const created = await target.call('POST', '/api/v1/enterprise-group/', {
    name: `bench as_of ${randomUUID()}`,
    enterprise_customer_uuid: tenant,
  });
  if (created.status !== 201) throw new Error(`create group: ${created.status}`);
  const group = created.json.group_uuid as string;
  const assigned = await target.runJob('POST', `/api/v1/enterprise-group/${group}/assign_learners`, {
    learner_uuids: uuids.slice(0, MEMBERS),
  });
  if (assigned.job.status !== 'succeeded') throw new Error(`assign: ${assigned.job.status}`);
  await new Promise((r) => setTimeout(r, 20));
  const asOf = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  for (let i = 0; i < 2; i++) {
    const removed = await target.call('POST', `/api/v1/enterprise-group/${group}/remove_learners`, {
      learner_uuids: uuids.slice(i * 1000, (i + 1) * 1000),
    });
    if (removed.status !== 200) throw new Error(`remove: ${removed.status}`);
  }
  const revived = await target.call('POST', `/api/v1/enterprise-group/${group}/assign_learners`, {
    learner_uuids: uuids.slice(0, 1000),
  });
  if (revived.status !== 201) throw new Error(`revive: ${revived.status}`);
  const history = await seedHistory(target, group, tenant);

  const apiMs: number[] = [];
  let count = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const page = await target.call(
      'GET',
      `/api/v1/enterprise-group/${group}/learners/?page_size=${PAGE}&as_of=${encodeURIComponent(asOf)}`,
    );
    apiMs.push(performance.now() - started);
    if (page.status !== 200) throw new Error(`as_of: ${page.status} ${JSON.stringify(page.json)}`);
    count = page.json.count;
  }
  if (count !== MEMBERS) throw new Error(`as_of counted ${count} members, expected ${MEMBERS}`);
  const memberships = await rawQuery(target, keys.group(group).PK, keys.membersPrefix);
  const entries = await rawQuery(target, keys.groupHistoryPartition(group));
  if (entries.count < HISTORY_ENTRIES) throw new Error(`history holds ${entries.count} entries`);
  const measured = percentile(apiMs, 50);
  const row = (raw: { ms: number; count: number }, label: string): BenchRow => ({
    scenario: `GET members page of ${PAGE} as_of, ${MEMBERS} members, ${entries.count} history entries (p50 of ${RUNS})`,
    measured,
    unit: 'ms',
    raw: raw.ms,
    raw_label: `ms ${label} (${raw.count} items)`,
    ratio: measured / raw.ms,
    target: '',
    met: null,
    details: { api_ms: apiMs, history_seeded: history },
  });
  return [row(memberships, 'Query of its membership items'), row(entries, 'Query of its history entries')];
};

/** History entries up to HISTORY_ENTRIES, written straight into the group's history partition (not timed). */
async function seedHistory(target: BenchTarget, group: string, tenant: string): Promise<number> {
  const existing = await rawQuery(target, keys.groupHistoryPartition(group));
  const missing = Math.max(0, HISTORY_ENTRIES - existing.count);
  const client = target.rawClient();
  const base = Date.parse('2026-01-01T00:00:00Z');
  try {
    const items = Array.from({ length: missing }, (_, i) => {
      const at = new Date(base + i * 1000).toISOString();
      const id = randomUUID();
      return {
        ...keys.groupHistory(group, at, id),
        entity: 'history',
        entry_id: id,
        group_uuid: group,
        enterprise_customer_uuid: tenant,
        action: 'memberships_changed',
        actor: 'bench',
        at,
        member_count_delta: 0,
        members: [{ learner_uuid: randomUUID(), outcome: 'updated', before: null, after: null }],
      };
    });
    const requests = items.map((Item) => ({ PutRequest: { Item } }));
    const slice = Math.ceil(requests.length / 8);
    await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        batchWriteAll(client, target.tableName, requests.slice(k * slice, (k + 1) * slice)),
      ),
    );
  } finally {
    client.destroy();
  }
  return missing;
}

const rawQuery = (target: BenchTarget, pk: string, prefix?: string) =>
  rawQueryAll(target, {
    KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
    ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':prefix': prefix } : {}) },
  });
