import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { catalog, type FunctionDefinition } from '#functions/catalog';
import { CatalogFunction } from '#infra/constructs/catalog-function';
import { OperatorAlerts } from '#infra/constructs/operator-alerts';
import { MessageQueues } from '#infra/constructs/queues';
import { defineLmsGroups, type LmsGroupsOptions } from '#infra/lms-groups-app';
import { repoRoot } from '#infra/repo-root';

export const testConfig = {
  jwtIssuer: 'https://issuer.test.example/',
  jwtAudience: ['lms-groups-test', 'lms-groups-admin'],
  recalcSchedule: 'rate(12 hours)',
} as const;

/**
 * Builds the app as `cdk synth` does (the cdk.json context included) but with bundling skipped and
 * every catalog entry resolved against a throwaway tree of stub handlers, so the tests neither
 * run esbuild nor depend on the handler files. The stubs are removed once the app is synthesized.
 */
export function synthesizeApp(options: Partial<LmsGroupsOptions> = {}) {
  const sourceRoot = stubSourceRoot();
  const consoleDir = stubConsole(sourceRoot);
  try {
    const app = new App({ context: testContext() });
    const stacks = defineLmsGroups(app, {
      jwtIssuer: testConfig.jwtIssuer,
      jwtAudience: [...testConfig.jwtAudience],
      recalcSchedule: testConfig.recalcSchedule,
      sourceRoot,
      consoleDir,
      ...options,
    });
    app.synth();
    return { app, ...stacks };
  } finally {
    rmSync(sourceRoot, { recursive: true, force: true });
  }
}

/** The cdk.json context, plus what the tests need: no bundling, construct paths in the template. */
export function testContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context?: object };
  return { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], 'aws:cdk:enable-path-metadata': true };
}

/** A stand-in for the console build (an index.html and one asset), so synthesis needs no Vite build. */
function stubConsole(root: string): string {
  const dir = join(root, 'console-dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>\n');
  writeFileSync(join(dir, 'assets', 'index.js'), 'export {};\n');
  return dir;
}

/** A directory with one stub per catalog entry and the lock file NodejsFunction looks for. */
export function stubSourceRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'lms-groups-infra-'));
  for (const { entry } of catalog) {
    mkdirSync(dirname(join(root, entry)), { recursive: true });
    writeFileSync(join(root, entry), 'export const handler = async () => ({});\n');
  }
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  return root;
}

/**
 * One CatalogFunction for a made-up `definition`, alone in a stack with its own table, bucket and
 * queues, to exercise cases the catalog does not contain today. `definition.entry` must be a
 * catalog entry path (only those are stubbed).
 */
export function buildLoneFunction(definition: FunctionDefinition): CatalogFunction {
  const sourceRoot = stubSourceRoot();
  try {
    const stack = new Stack(new App({ context: testContext() }), 'Lone');
    return new CatalogFunction(stack, definition.name, {
      definition,
      table: new Table(stack, 'Table', {
        partitionKey: { name: 'PK', type: AttributeType.STRING },
        sortKey: { name: 'SK', type: AttributeType.STRING },
      }),
      importsBucket: new Bucket(stack, 'Bucket'),
      queues: new MessageQueues(stack, 'Queues', { alerts: new OperatorAlerts(stack, 'Alerts') }),
      eventBus: new EventBus(stack, 'Bus'),
      sourceRoot,
    });
  } finally {
    rmSync(sourceRoot, { recursive: true, force: true });
  }
}
