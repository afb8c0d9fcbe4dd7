import { randomUUID } from 'node:crypto';
import { generateSigningKeys } from '#local/auth-keys';
import { isolated } from '#local/isolated-invoker';
import { startLocalStack } from '#local/stack';
import type { BenchRow, Scenario } from '../bench-row';
import { percentile } from '../stats';

const CALLS = 200;

/**
 * What running each function in its own worker thread costs per request: the same warm GET group,
 * one call at a time, alternately against the bench's stack (every function in its process) and a
 * second stack with isolation on (as `npm start` runs) over the same table. The difference is the
 * hop to the worker and back (structured clone of the event, JSON of the result). Also the first
 * call of the isolated stack: a cold start (a worker, tsx, the handler's module graph).
 */
export const isolationCost: Scenario = async ({ target, fixtures }) => {
  const { tenant } = await fixtures.tenantWith(10);
  const created = await target.call('POST', '/api/v1/enterprise-group/', {
    name: `bench isolation ${randomUUID()}`,
    enterprise_customer_uuid: tenant,
  });
  if (created.status !== 201) throw new Error(`create group: ${created.status}`);
  const path = `/api/v1/enterprise-group/${created.json.group_uuid}/`;

  const stack = await startLocalStack({
    port: 0,
    messagingPort: 0,
    quiet: true,
    keys: await generateSigningKeys(),
    dynamodb: { endpoint: target.dynamodbEndpoint, tableName: target.tableName },
    invoker: isolated(),
  });
  try {
    const token = await stack.mintToken({ roles: ['staff'], sub: 'bench' });
    const timed = async (url: string, bearer: string) => {
      const started = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
      return performance.now() - started;
    };
    const coldMs = await timed(`${stack.apiUrl}${path}`, token);
    await timed(`${target.apiUrl}${path}`, target.token);
    const inProcess: number[] = [];
    const isolatedMs: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      inProcess.push(await timed(`${target.apiUrl}${path}`, target.token));
      isolatedMs.push(await timed(`${stack.apiUrl}${path}`, token));
    }
    const row = (p: 50 | 99): BenchRow => ({
      scenario: `warm GET group p${p}, isolated (c=1)`,
      measured: percentile(isolatedMs, p),
      unit: 'ms',
      raw: percentile(inProcess, p),
      raw_label: 'ms in process',
      ratio: percentile(isolatedMs, p) / percentile(inProcess, p),
      target: '',
      met: null,
    });
    console.log(
      `  cold start (first GET group of the isolated stack): ${coldMs.toFixed(0)} ms; ` +
        `median cost of isolation per warm request: ${(percentile(isolatedMs, 50) - percentile(inProcess, 50)).toFixed(1)} ms`,
    );
    return [
      row(50),
      row(99),
      {
        scenario: 'cold start, GET group, isolated',
        measured: coldMs,
        unit: 'ms',
        raw: null,
        raw_label: '',
        ratio: null,
        target: '',
        met: null,
      },
    ];
  } finally {
    await stack.stop();
  }
};
