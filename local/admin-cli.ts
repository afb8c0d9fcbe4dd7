#!/usr/bin/env -S npx tsx
/**
 * The admin CLI (`npm run cli -- …` or `npx groups-admin …`):
 *   import <file.csv> --kind <kind> --enterprise <uuid>   upload a CSV, follow its job with a progress bar
 *   job <job_id>                                           show one job
 * Against the local stack by default (endpoints from GET /health, a staff token minted with the
 * local key); against a deployed API with --api <url> --token <jwt> --bucket <name> (S3 credentials
 * from the usual AWS environment).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { loadOrCreateSigningKeys } from '#local/auth-keys';
import { mintToken } from '#local/mint-token';

// The Lambda runtime is Node 24; the SDK's "Node 20 support ends" notice is noise for a CLI.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const USAGE = `usage:
  npm run cli -- import <file.csv> --kind learners|group-members|enrollments|batch-participants --enterprise <uuid>
  npm run cli -- job <job_id>
options: --api <url> (default http://127.0.0.1:3000) --token <jwt> --bucket <name> --s3-endpoint <url>`;

interface Job {
  job_id: string;
  status: string;
  total: number;
  processed: number;
  succeeded: number;
  skipped: number;
  failed: number;
  error: string | null;
  outcome_counts: Record<string, number>;
  results_file: { bucket: string; key: string; download_url: string | null } | null;
}

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
      bucket: { type: 'string' },
      's3-endpoint': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, arg] = positionals;
  if (values.help || !command || !arg) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const api = values.api.replace(/\/$/, '');
  const health = await fetch(`${api}/health`).then(
    (r) => r.json() as Promise<{ local?: { s3_endpoint: string; imports_bucket: string } }>,
  );
  const token =
    values.token ??
    (health.local
      ? await mintToken(await loadOrCreateSigningKeys(), { roles: ['staff'], sub: 'groups-admin-cli' })
      : undefined);
  if (!token) throw new Error('--token is required against a deployed API');
  const get = async <T>(path: string) => {
    const res = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  if (command === 'job') {
    console.log(JSON.stringify(await get<Job>(`/api/v1/jobs/${arg}/`), null, 2));
    return 0;
  }
  if (command !== 'import' || !values.kind || !values.enterprise) {
    console.error(USAGE);
    return 2;
  }
  const bucket = values.bucket ?? health.local?.imports_bucket;
  if (!bucket) throw new Error('--bucket is required against a deployed API');
  const endpoint = values['s3-endpoint'] ?? health.local?.s3_endpoint;
  const s3 = new S3Client({
    ...(endpoint ? { endpoint, forcePathStyle: true, region: 'us-east-1' } : {}),
    ...(health.local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  const key = `imports/${values.enterprise}/${values.kind}/${basename(arg)}`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await readFile(arg), ContentType: 'text/csv' }));
  process.stderr.write(`uploaded s3://${bucket}/${key}\n`);

  let job: Job | undefined;
  for (let waited = 0; !job; waited += 500) {
    if (waited > 60_000) throw new Error('no job appeared for the file within 60 s');
    const list = await get<{ results: Job[] }>(
      `/api/v1/jobs/?enterprise_uuid=${values.enterprise}&source_key=${encodeURIComponent(key)}`,
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
    job = await get<Job>(`/api/v1/jobs/${job.job_id}/`);
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
