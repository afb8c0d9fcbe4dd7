#!/usr/bin/env -S npx tsx
/**
 * The admin CLI (`npm run cli -- …` or `npx groups-admin …`):
 *   import <file.csv> --kind <kind> --enterprise <uuid>   upload a CSV, follow its job with a progress bar
 *   job <job_id>                                           show one job
 * The upload goes through the API like any client's: POST …/enterprise-customer/{uuid}/imports grants
 * it to the token's holder (an admin of the tenant, or staff) and answers a presigned PUT, which the
 * CLI sends with plain fetch; no AWS credentials are used. API calls go through the client typed by the
 * OpenAPI document (local/client), so a contract change that breaks this CLI fails the typecheck. Against the local stack by default (a staff
 * token minted with the local key); against a deployed API with --api <url> --token <jwt>.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOrCreateSigningKeys } from '#local/auth-keys';
import { mintToken } from '#local/mint-token';
import { answered, apiClient } from '#local/client/api-client';

const USAGE = `usage:
  npm run cli -- import <file.csv> --kind learners|group-members|enrollments|batch-participants --enterprise <uuid>
  npm run cli -- job <job_id>
options: --api <url> (default http://127.0.0.1:3000) --token <jwt> (an admin of the enterprise, or staff)`;

/** The kinds of CSV an import takes (the contract's ImportKind). */
const IMPORT_KINDS = ['learners', 'group-members', 'enrollments', 'batch-participants'] as const;
const isImportKind = (kind: string): kind is (typeof IMPORT_KINDS)[number] =>
  (IMPORT_KINDS as readonly string[]).includes(kind);

const FINAL = ['succeeded', 'completed_with_errors', 'failed', 'aborted'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      enterprise: { type: 'string' },
      api: { type: 'string', default: 'http://127.0.0.1:3000' },
      token: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, arg] = positionals;
  if (values.help || !command || !arg) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const api = values.api.replace(/\/$/, '');
  const health = await fetch(`${api}/health`).then((r) => r.json() as Promise<{ local?: unknown }>);
  const token =
    values.token ??
    (health.local
      ? await mintToken(await loadOrCreateSigningKeys(), { roles: ['staff'], sub: 'groups-admin-cli' })
      : undefined);
  if (!token) throw new Error('--token is required against a deployed API');
  const client = apiClient(api, token);
  const getJob = async (job_id: string) =>
    answered(`GET job ${job_id}`, await client.GET('/api/v1/jobs/{job_id}', { params: { path: { job_id } } }));

  if (command === 'job') {
    console.log(JSON.stringify(await getJob(arg), null, 2));
    return 0;
  }
  if (command !== 'import' || !values.kind || !isImportKind(values.kind) || !values.enterprise) {
    console.error(USAGE);
    return 2;
  }
  const enterprise_uuid = values.enterprise;
  const { upload, key } = answered(
    'POST imports',
    await client.POST('/api/v1/enterprise-customer/{enterprise_uuid}/imports', {
      params: { path: { enterprise_uuid } },
      body: { kind: values.kind, file_name: basename(arg) },
    }),
  );
  const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: await readFile(arg) });
  if (!put.ok) throw new Error(`upload → ${put.status} ${await put.text()}`);
  process.stderr.write(`uploaded ${key}\n`);

  let job: Awaited<ReturnType<typeof getJob>> | undefined;
  for (let waited = 0; !job; waited += 500) {
    if (waited > 60_000) throw new Error('no job appeared for the file within 60 s');
    const list = answered(
      'GET jobs',
      await client.GET('/api/v1/jobs', { params: { query: { enterprise_uuid, source_key: key } } }),
    );
    job = list.results[0];
    if (!job) await sleep(500);
  }
  // A terminal gets one bar redrawn in place; a log file or pipe gets a line only when progress moves.
  const tty = process.stderr.isTTY === true;
  let shown = '';
  while (!FINAL.includes(job.status)) {
    const share = job.total ? job.processed / job.total : 0;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    const line = `[${bar}] ${String(Math.round(share * 100)).padStart(3)}% ${job.processed}/${job.total || '?'} ${job.status}`;
    if (tty) process.stderr.write(`\r${line}   `);
    else if (line !== shown) process.stderr.write(`${line}\n`);
    shown = line;
    await sleep(500);
    job = await getJob(job.job_id);
  }
  if (tty) process.stderr.write('\n');
  console.log(`job ${job.job_id}: ${job.status}`);
  console.log(`  rows ${job.total}: ${job.succeeded} succeeded, ${job.skipped} skipped, ${job.failed} failed`);
  console.log(`  outcomes ${JSON.stringify(job.outcome_counts)}`);
  if (job.error) console.log(`  error: ${job.error}`);
  if (job.results_file) console.log(`  results: s3://${job.results_file.bucket}/${job.results_file.key}`);
  return job.status === 'succeeded' ? 0 : job.status === 'completed_with_errors' ? 3 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
