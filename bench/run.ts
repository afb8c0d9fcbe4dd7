/**
 * `npm run bench [-- --only assign,enroll,recalc,latency,asof,isolation,bundles,events,webhooks] [--sizes 10000,100000] [--api <url> --token <jwt>]`:
 * every scenario against its raw reference measured in the same run on the same DynamoDB endpoint
 * (or, for bundles, an empty module). Prints a table and writes bench/results/latest.json.
 * Numbers, not assertions: see docs/performance.md.
 */
import { BENCH_USAGE, parseBenchArgs, type ScenarioName } from './bench-args';
import type { BenchRow, Scenario } from './bench-row';
import { openTarget } from './bench-target';
import { costModel, PRICES } from './cost-model';
import { machine, printTable, writeResults } from './report';
import { learnerFixtures } from './seed-learners';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Imported once the stack is open: a scenario that imports service modules (the logger) would
// otherwise parse shared/config before the in-process stack has put its variables in process.env.
const scenarios: Record<ScenarioName, () => Promise<Scenario>> = {
  assign: async () => (await import('./scenarios/bulk-assign')).bulkAssign,
  enroll: async () => (await import('./scenarios/enrollment-jobs')).enrollmentJobs,
  recalc: async () => (await import('./scenarios/recalculation')).recalculation,
  latency: async () => (await import('./scenarios/api-latency')).apiLatency,
  asof: async () => (await import('./scenarios/membership-as-of')).membershipAsOf,
  isolation: async () => (await import('./scenarios/isolation-cost')).isolationCost,
  bundles: async () => (await import('./scenarios/lambda-bundles')).lambdaBundles,
  events: async () => (await import('./scenarios/change-events')).changeEvents,
  webhooks: async () => (await import('./scenarios/webhooks')).webhookDeliveries,
};

async function main() {
  let args;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${BENCH_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const rows: BenchRow[] = [];
  const needsStack = args.only.some((s) => s !== 'bundles');
  const target = needsStack ? await openTarget(args) : undefined;
  const fixtures = learnerFixtures(target!);
  try {
    for (const name of args.only) {
      const t0 = performance.now();
      console.log(`\n[${name}]`);
      const scenario = await scenarios[name]();
      const out = await scenario({ args, target: target!, fixtures });
      for (const row of out) {
        console.log(`  ${row.scenario}: ${row.measured.toFixed(2)} ${row.unit}, ratio ${row.ratio?.toFixed(2) ?? '—'}`);
        const exact = row.details?.exact_reference as { label: string; per_second: number; ratio: number } | undefined;
        if (exact)
          console.log(
            `    vs the exact-write floor, ${exact.label}: ${exact.per_second.toFixed(0)} items/s, ratio ${exact.ratio.toFixed(2)}`,
          );
      }
      console.log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      rows.push(...out);
    }
  } finally {
    await target?.stop();
  }
  printTable(rows);
  const cost = costModel(rows);
  if (cost.length) {
    console.log(`\nper 1M items, AWS ${PRICES.region} list prices (${PRICES.as_of}):`);
    for (const c of cost) {
      const p = c.per_million_items;
      console.log(
        `  ${c.scenario}: ${(p.dynamodb_write_units / 1e6).toFixed(2)}M WRU, ${(p.dynamodb_read_units / 1e6).toFixed(2)}M RRU, ` +
          `${(p.sqs_requests / 1e3).toFixed(1)}k SQS requests, ${p.lambda_gb_seconds.toFixed(0)} GB-s → $${c.usd.total.toFixed(2)} ` +
          `(DynamoDB $${c.usd.dynamodb.toFixed(2)}, SQS $${c.usd.sqs.toFixed(3)}, Lambda $${c.usd.lambda.toFixed(2)})`,
      );
    }
  }
  const file = await writeResults({
    date: new Date().toISOString(),
    machine: machine(),
    args: { ...args, attach: args.attach ? { ...args.attach, token: '(redacted)' } : undefined },
    seconds: (performance.now() - started) / 1000,
    rows,
    cost_model: { prices: PRICES, per_scenario: cost },
  });
  console.log(`\nwrote ${file} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
