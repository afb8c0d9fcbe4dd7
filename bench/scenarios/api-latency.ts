import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import { tableDefinition } from '#local/table-definition';
import type { BenchRow, Scenario } from '../bench-row';
import { countsBetween } from '../capacity-meter';
import { type LoadResult, type LoadSpec, runLoad } from '../load-process';

export const SINGLE_READ_P99_TARGET_MS = 50;
const MEMBERS = 1000;
const PAGE = 100;

/**
 * Scenario 4: latency under a fixed concurrent load (closed loop, `--connections` callers for
 * `--latency-seconds`, loopback only, from a separate process) of GET group, GET a members page and
 * POST assign of 10 learners, against the raw engine under the same concurrency on the same
 * endpoint: GetItem of the group, Query of a page of its members, BatchWriteItem of 10 items.
 */
export const apiLatency: Scenario = async ({ args, target, fixtures }) => {
  const { tenant, uuids } = await fixtures.tenantWith(args.enrollSize);
  const group = await createGroup(target, tenant, 'read');
  const seeded = await target.call('POST', `/api/v1/enterprise-group/${group}/assign_learners`, {
    learner_uuids: uuids.slice(0, MEMBERS),
  });
  if (seeded.status !== 201) throw new Error(`assign ${MEMBERS}: ${seeded.status}`);
  const writeGroup = await createGroup(target, tenant, 'write');
  // Each request adds 10 learners not yet members (the pool wraps around only after every one was used).
  const pool = uuids.slice(MEMBERS);
  const bodies = Array.from({ length: Math.floor(pool.length / 10) }, (_, i) =>
    JSON.stringify({ learner_uuids: pool.slice(i * 10, i * 10 + 10) }),
  );
  /** The stack's DynamoDB calls per request of the last HTTP load (own stack only): where a request's work goes. */
  let perRequest: Record<string, number> | undefined;
  const load = async (spec: LoadSpec) => {
    const before = target.meter?.snapshot();
    const result = await runLoad({ spec, connections: args.connections, seconds: args.latencySeconds });
    if (spec.type === 'http' && before && target.meter && result.operations > 0)
      perRequest = Object.fromEntries(
        Object.entries(countsBetween(before, target.meter.snapshot())).map(([op, c]) => [
          op,
          Math.round((c.calls / result.operations) * 100) / 100,
        ]),
      );
    return result;
  };
  const http = (method: string, path: string, more: { bodies?: string[] } = {}): LoadSpec => ({
    type: 'http',
    method,
    url: `${target.apiUrl}${path}`,
    token: target.token,
    ...more,
  });
  const db = { endpoint: target.dynamodbEndpoint, table: target.tableName };

  const rows: BenchRow[] = [];
  const add = (label: string, api: LoadResult, raw: LoadResult, rawLabel: string, singleRead: boolean) => {
    const calls = perRequest;
    if (calls)
      console.log(
        `  ${label}: DynamoDB calls per request ${Object.entries(calls)
          .map(([op, n]) => `${op} ${n}`)
          .join(', ')}`,
      );
    for (const [p, key] of [
      ['p50', 'p50_ms'],
      ['p99', 'p99_ms'],
    ] as const) {
      rows.push({
        scenario: `${label} ${p} (c=${args.connections})`,
        measured: api[key],
        unit: 'ms',
        raw: raw[key],
        raw_label: `ms ${rawLabel}`,
        ratio: api[key] / raw[key],
        target: singleRead && p === 'p99' ? `≤ ${SINGLE_READ_P99_TARGET_MS} ms` : '',
        met: singleRead && p === 'p99' ? api[key] <= SINGLE_READ_P99_TARGET_MS && api.errors === 0 : null,
        details: { api, raw, dynamodb_calls_per_request: calls },
      });
    }
  };

  add(
    'GET group',
    await load(http('GET', `/api/v1/enterprise-group/${group}/`)),
    await load({ type: 'get-item', ...db, key: keys.group(group) }),
    'GetItem',
    true,
  );
  add(
    `GET members page of ${PAGE}`,
    await load(http('GET', `/api/v1/enterprise-group/${group}/learners/?page_size=${PAGE}`)),
    await load({
      type: 'query',
      ...db,
      keyCondition: 'PK = :pk AND begins_with(SK, :member)',
      values: { ':pk': keys.group(group).PK, ':member': 'MEMBER#' },
      limit: PAGE,
    }),
    `Query of ${PAGE}`,
    false,
  );
  const api = await load(http('POST', `/api/v1/enterprise-group/${writeGroup}/assign_learners`, { bodies }));
  const client = target.rawClient();
  const rawTable = `bench-latency-${randomUUID()}`;
  // Without a stream: DynamoDB Local takes seconds per BatchWriteItem on a fresh table with one (100×
  // the same writes without), which would make the reference measure the emulator's stream, not a write.
  await client.send(new CreateTableCommand(tableDefinition(rawTable, { stream: false })));
  try {
    const raw = await load({
      type: 'batch-write',
      endpoint: target.dynamodbEndpoint,
      table: rawTable,
      pk: 'GROUP#bench',
      per: 10,
    });
    add('POST assign 10 learners', api, raw, 'BatchWriteItem of 10', false);
    // The exact-write floor of the same call: what any assign that keeps the counter exact and never
    // overwrites a concurrent change must write (see rawTransactWrite), at the same concurrency.
    const counter = { PK: 'GROUP#bench-exact', SK: 'GROUP' };
    await client.send(new PutCommand({ TableName: rawTable, Item: { ...counter, member_count: 0 } }));
    const exact = await load({
      type: 'transact-write',
      endpoint: target.dynamodbEndpoint,
      table: rawTable,
      pk: counter.PK,
      per: 10,
      counter,
    });
    const exactFloor = { p50_ms: exact.p50_ms, p99_ms: exact.p99_ms, to_batch_write_p50: exact.p50_ms / raw.p50_ms };
    console.log(
      `  POST assign 10 learners: exact-write floor (TransactWriteItems of 10 conditional puts + counter) p50 ${exact.p50_ms.toFixed(1)} ms (${(exact.p50_ms / raw.p50_ms).toFixed(2)}× BatchWriteItem), p99 ${exact.p99_ms.toFixed(1)} ms; the assign is ${(api.p50_ms / exact.p50_ms).toFixed(2)}× it at p50`,
    );
    for (const r of rows.filter((r) => r.scenario.startsWith('POST assign')))
      Object.assign(r.details as object, { exact_write_floor: exactFloor });
  } finally {
    await client.send(new DeleteTableCommand({ TableName: rawTable }));
    client.destroy();
  }
  for (const r of rows.filter((r) => r.scenario.includes('p99'))) {
    const d = r.details as { api: LoadResult; raw: LoadResult };
    console.log(
      `  ${r.scenario}: ${d.api.requests} requests (${d.api.per_second.toFixed(0)}/s, ${d.api.errors} errors${d.api.first_error ? `: ${d.api.first_error}` : ''}); raw ${d.raw.requests} (${d.raw.per_second.toFixed(0)}/s)`,
    );
  }
  return rows;
};

async function createGroup(target: Parameters<Scenario>[0]['target'], tenant: string, kind: string): Promise<string> {
  const res = await target.call('POST', '/api/v1/enterprise-group/', {
    name: `bench latency ${kind} ${randomUUID()}`,
    enterprise_customer_uuid: tenant,
  });
  if (res.status !== 201) throw new Error(`create group: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.group_uuid as string;
}
