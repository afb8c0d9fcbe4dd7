import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { EventBus } from 'aws-cdk-lib/aws-events';
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
      eventBus: new EventBus(stack, 'Bus'),
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
    const { bundled, code } = await bundleOf('GetGroup');

    expect(bundled).toContain('@aws-sdk/credential-provider-env');
    expect(bundled).not.toContain('@aws-sdk/nested-clients');
    for (const provider of UNREACHED_CREDENTIAL_PROVIDERS) {
      expect(bundled).not.toContain(provider);
      expect(code).toContain(`import("${provider}")`);
    }
  });

  it("bundles only what a handler reaches: a group read carries no queue or bucket client, no other domain's use cases", async () => {
    const { bundled } = await bundleOf('GetGroup');

    expect(bundled).toContain('@aws-sdk/client-dynamodb');
    expect(bundled).toContain('shared/groups/read-group.ts');
    for (const absent of [
      '@aws-sdk/client-sqs',
      '@aws-sdk/client-s3',
      'shared/imports/s3-requests.ts',
      'csv-parse',
      'shared/queue/send-json.ts',
      'shared/imports/object-store.ts',
      'shared/rules/wired.ts',
      'shared/rules/evaluate-ruleset.ts',
      'shared/jobs/wired.ts',
      'shared/jobs/job-repository.ts',
      'shared/enrollments/enrollment-repository.ts',
      'shared/learners/put-learner.ts',
      'shared/memberships/assign-learners.ts',
    ])
      expect(bundled).not.toContain(absent);
  });

  it('keeps the S3 requests out of a function that starts jobs (only the file jobs’ worker and imports write files)', async () => {
    const { bundled } = await bundleOf('AssignLearners');

    expect(bundled).toContain('@aws-sdk/client-sqs');
    expect(bundled).toContain('shared/jobs/start-job.ts');
    expect(bundled).not.toContain('shared/imports/s3-requests.ts');
    expect(bundled).not.toContain('shared/imports/write-import-results.ts');
  });

  it('sends the workers’ S3 requests without the S3 SDK: the file jobs’ worker and the import carry none', async () => {
    for (const name of ['ApplyFileJobChunk', 'StartCsvImport']) {
      const { bundled } = await bundleOf(name);

      expect(bundled).toContain('shared/imports/s3-requests.ts');
      expect(bundled).not.toContain('@aws-sdk/client-s3');
    }
  });

  it('keeps S3 and the CSV writers out of the worker of the jobs without a file', async () => {
    const { bundled } = await bundleOf('ApplyJobChunk');

    expect(bundled).toContain('shared/jobs/apply-job-chunk.ts');
    for (const absent of ['shared/imports/s3-requests.ts', 'shared/imports/write-import-results.ts', 'csv-stringify'])
      expect(bundled).not.toContain(absent);
  });

  it('presigns links without the S3 client: a job read, an abort and an upload request carry none', async () => {
    for (const name of ['GetJob', 'AbortJob', 'CreateImportUpload']) {
      const { bundled } = await bundleOf(name);

      expect(bundled).toContain('shared/imports/presigned-links.ts');
      for (const absent of ['@aws-sdk/client-s3', 'shared/imports/object-store.ts'])
        expect(bundled).not.toContain(absent);
    }
  });
});

/**
 * A catalog function bundled as CDK bundles it: its code, and the packages and first-party files that
 * contribute to it (the metafile also lists inputs that tree-shaking dropped entirely).
 */
async function bundleOf(name: string) {
  const definition = catalog.find((f) => f.name === name)!;
  const outfile = join(dir, name, 'index.mjs');
  const { metafile } = await build(
    esbuildOptionsOf(lambdaBundling(repoRoot), join(repoRoot, definition.entry), outfile),
  );
  const bundled = new Set(
    Object.values(metafile!.outputs)
      .flatMap((output) => Object.entries(output.inputs))
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input),
  );
  return { bundled, code: readFileSync(outfile, 'utf8') };
}
