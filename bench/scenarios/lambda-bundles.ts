import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { catalog } from '#functions/catalog';
import * as resources from '#functions/resources';
import { esbuildOptionsOf, lambdaBundling } from '#infra/constructs/lambda-bundling';
import { repoRoot } from '#local/paths';
import type { BenchRow, Scenario } from '../bench-row';
import { percentile } from '../stats';

export const BUNDLE_TARGET_KB = 500;
export const INIT_TARGET_MS = 100;
const INIT_RUNS = 3;

interface Bundle {
  name: string;
  kb: number;
  map_kb: number;
  init_ms: number;
  /** The biggest contributors to the bundle (package or first-party directory), KB of output. */
  top: { input: string; kb: number }[];
}

/**
 * Scenario 5: every catalog function bundled exactly as CDK bundles it (the same options, from
 * infra/constructs/lambda-bundling.ts), its size, and the time a fresh Node process takes to import
 * it (median of a few runs, with Lambda's NODE_OPTIONS and the environment CDK gives it) against an
 * empty module measured the same way.
 */
export const lambdaBundles: Scenario = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lms-bench-bundles-'));
  try {
    const empty = join(dir, 'empty.mjs');
    await writeFile(empty, '');
    const emptyMs = initTime(empty, {});
    const bundles: Bundle[] = [];
    for (const definition of catalog) {
      const outfile = join(dir, definition.name, 'index.mjs');
      const result = await build(esbuildOptionsOf(lambdaBundling(repoRoot), join(repoRoot, definition.entry), outfile));
      bundles.push({
        name: definition.name,
        kb: (await stat(outfile)).size / 1024,
        map_kb: (await stat(`${outfile}.map`)).size / 1024,
        init_ms: initTime(outfile, environmentOf(definition.access)),
        top: topInputs(result.metafile!),
      });
    }
    bundles.sort((a, b) => b.kb - a.kb);
    for (const b of bundles)
      console.log(
        `  ${b.name.padEnd(26)} ${b.kb.toFixed(0).padStart(5)} KB  init ${b.init_ms.toFixed(0).padStart(4)} ms  ${b.top
          .slice(0, 4)
          .map((t) => `${t.input} ${t.kb.toFixed(0)}`)
          .join(', ')}`,
      );
    const largest = bundles[0]!;
    const slowest = [...bundles].sort((a, b) => b.init_ms - a.init_ms)[0]!;
    const rows: BenchRow[] = [
      {
        scenario: `largest of ${bundles.length} bundles (${largest.name})`,
        measured: largest.kb,
        unit: 'KB',
        raw: null,
        raw_label: '',
        ratio: null,
        target: `≤ ${BUNDLE_TARGET_KB} KB each`,
        met: bundles.every((b) => b.kb <= BUNDLE_TARGET_KB),
        details: { bundles },
      },
      {
        scenario: `slowest bundle init (${slowest.name})`,
        measured: slowest.init_ms,
        unit: 'ms',
        raw: emptyMs,
        raw_label: 'ms (empty module)',
        ratio: slowest.init_ms / emptyMs,
        target: `≤ ${INIT_TARGET_MS} ms each`,
        met: bundles.every((b) => b.init_ms <= INIT_TARGET_MS),
      },
    ];
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** The variables CDK sets for a function with this access (names only matter; no call is made). */
function environmentOf(access: (typeof catalog)[number]['access']): Record<string, string> {
  const env: Record<string, string> = { POWERTOOLS_SERVICE_NAME: 'lms-groups', AWS_REGION: 'us-east-1' };
  if (access.table) env[resources.env.table] = 'bench-table';
  if (access.bucket) env[resources.env.bucket] = 'bench-bucket';
  if (access.eventBus) env[resources.env.eventBus] = 'bench-bus';
  for (const q of access.sendsTo ?? [])
    env[resources.env.queueUrl(q)] = `https://sqs.us-east-1.amazonaws.com/123456789012/${q}`;
  return env;
}

/** Median milliseconds a fresh `node` takes to import `file` (load, parse, evaluate), as Lambda's init does. */
function initTime(file: string, env: Record<string, string>): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const runs: number[] = [];
  for (let i = 0; i < INIT_RUNS; i++) {
    const out = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      encoding: 'utf8',
    });
    if (out.status !== 0) throw new Error(`importing ${file} failed: ${out.stderr}`);
    runs.push(Number(out.stdout));
  }
  return percentile(runs, 50);
}

/** Output bytes per package (node_modules/<pkg>) or first-party top directory, largest first. */
function topInputs(metafile: Metafile): { input: string; kb: number }[] {
  const byGroup = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const group = m ? m[1]! : input.split('/')[0]!;
      byGroup.set(group, (byGroup.get(group) ?? 0) + bytesInOutput);
    }
  }
  return [...byGroup]
    .map(([input, bytes]) => ({ input, kb: bytes / 1024 }))
    .sort((a, b) => b.kb - a.kb)
    .slice(0, 8);
}
