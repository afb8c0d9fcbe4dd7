import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '#functions/catalog';
import { CatalogFunction } from '#infra/constructs/catalog-function';
import { esbuildOptionsOf, lambdaBundling, UNREACHED_CREDENTIAL_PROVIDERS } from '#infra/constructs/lambda-bundling';
import { OperatorAlerts } from '#infra/constructs/operator-alerts';
import { MessageQueues } from '#infra/constructs/queues';
import { repoRoot } from '#infra/repo-root';

const dir = mkdtempSync(join(tmpdir(), 'lms-groups-bundling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lambda bundling', () => {
  it('builds with esbuild, from the shared options, byte for byte the bundle CDK builds', async () => {
    const definition = catalog.find((f) => f.name === 'GetGroup')!;
    const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context?: object };
    const app = new App({ outdir: join(dir, 'cdk.out'), context: cdkJson.context });
    const stack = new Stack(app, 'Bundled');
    new CatalogFunction(stack, definition.name, {
      definition,
      table: new Table(stack, 'Table', { partitionKey: { name: 'PK', type: AttributeType.STRING } }),
      importsBucket: new Bucket(stack, 'Bucket'),
      queues: new MessageQueues(stack, 'Queues', { alerts: new OperatorAlerts(stack, 'Alerts') }),
      sourceRoot: repoRoot,
    });
    const outdir = app.synth().directory;
    const assets = readdirSync(outdir).filter((name) => name.startsWith('asset.'));
    expect(assets).toHaveLength(1);

    const outfile = join(dir, 'esbuild', 'index.mjs');
    await build(esbuildOptionsOf(lambdaBundling(repoRoot), join(repoRoot, definition.entry), outfile));

    expect(readFileSync(outfile, 'utf8')).toBe(readFileSync(join(outdir, assets[0]!, 'index.mjs'), 'utf8'));
  });

  it('bundles the environment credential provider, and leaves the rest of the chain to the runtime', async () => {
    const definition = catalog.find((f) => f.name === 'GetGroup')!;
    const outfile = join(dir, 'credentials', 'index.mjs');
    const { metafile } = await build(
      esbuildOptionsOf(lambdaBundling(repoRoot), join(repoRoot, definition.entry), outfile),
    );
    const bundled = new Set(
      Object.keys(metafile!.inputs).map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1]),
    );
    const code = readFileSync(outfile, 'utf8');

    expect(bundled).toContain('@aws-sdk/credential-provider-env');
    expect(bundled).not.toContain('@aws-sdk/nested-clients');
    for (const provider of UNREACHED_CREDENTIAL_PROVIDERS) {
      expect(bundled).not.toContain(provider);
      expect(code).toContain(`import("${provider}")`);
    }
  });
});
