import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateSigningKeys } from '#local/auth-keys';
import { repoRoot } from '#local/paths';
import { E2E_MAX_IMPORT_BYTES, E2E_MAX_SYNC_EXPORT, E2E_WEBHOOK_RETRY_CAP_SECONDS } from './stack-settings';

/** The vitest project whose stack reads its change stream (vitest.config.ts). */
export const CHANGE_STREAM_PROJECT = 'e2e-stream';

/** What local/start.ts reports over IPC once the stack is up. */
interface ReadyMessage {
  type: 'ready';
  apiUrl: string;
  endpoints: { dynamodb: string; sqs: string; s3: string };
  tableName: string;
  bucket: string;
  queueUrls: Record<string, string>;
  dlqUrls: Record<string, string>;
}

/**
 * Runs `npm start`'s entry point in a child process on random ports with a fresh key pair, the way
 * a developer runs it. A separate process keeps the stack's environment (TABLE_NAME, endpoints)
 * out of the test workers of other projects.
 */
export default async function setup(project: TestProject) {
  // The Lambda runtime is Node 24; the SDK's notice about dropping Node 20 is noise in test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const keys = await generateSigningKeys();
  const keysDir = mkdtempSync(join(tmpdir(), 'lms-groups-e2e-keys-'));
  writeFileSync(join(keysDir, 'signing-key.jwk.json'), JSON.stringify(keys.privateJwk), { mode: 0o600 });
  const outboxFile = join(keysDir, 'outbox.jsonl'); // the stack's outbox, which e2e tests read
  // The stack's settings go to its process only: this process's environment is inherited by the
  // workers of every project (integration tests would otherwise run with the e2e import limit).
  const env = {
    ...process.env,
    NOTIFICATION_OUTBOX_FILE: outboxFile,
    // The stack's structured INFO lines (one per chunk and request) would drown the test report.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
    // Proves the over-the-limit import path without uploading 100 MB (production keeps the default).
    MAX_IMPORT_BYTES: String(E2E_MAX_IMPORT_BYTES),
    // Proves export jobs and their reuse on a group of six members instead of 10,001.
    MAX_SYNC_EXPORT: String(E2E_MAX_SYNC_EXPORT),
    // A receiver that was down is retried within seconds of its return (deployed: up to 15 minutes).
    WEBHOOK_RETRY_CAP_SECONDS: String(E2E_WEBHOOK_RETRY_CAP_SECONDS),
    // Every timeout 5× as deployed: the suite's files run at once against one DynamoDB Local on two
    // shared cores, where a 1,000-row bulk upsert took 15-25 s alone and over 30 s under the whole suite
    // (BulkUpsertLearners has 10 s), and five 1,000-row chunks of one group 90-115 s each (ApplyJobChunk
    // has 150 s). The limits themselves are proven at scale 1 (test/integration/function-isolation.test.ts).
    LOCAL_TIMEOUT_SCALE: process.env.LOCAL_TIMEOUT_SCALE ?? '5',
  };

  const child = fork(
    join(repoRoot, 'local/start.ts'),
    [
      ...['--port', '0', '--dynamodb-port', '0', '--messaging-port', '0', '--keys-dir', keysDir, '--quiet'],
      // Every write becomes an event transaction on the same DynamoDB Local: only the project that proves
      // the change stream reads it, so the other suites' bulk writes leave no backlog competing with later files.
      ...['--change-stream', project.name === CHANGE_STREAM_PROJECT ? 'on' : 'off'],
    ],
    { cwd: repoRoot, env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const ready = await waitForReady(child, 150_000).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });

  project.provide('apiUrl', ready.apiUrl);
  project.provide('signingJwk', keys.privateJwk);
  project.provide('outboxFile', outboxFile);
  project.provide('localStack', {
    endpoints: ready.endpoints,
    tableName: ready.tableName,
    bucket: ready.bucket,
    queueUrls: ready.queueUrls,
    dlqUrls: ready.dlqUrls,
  });

  return async function teardown() {
    await stopChild(child);
    rmSync(keysDir, { recursive: true, force: true });
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<ReadyMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local stack not ready within ${timeoutMs / 1000}s`)), timeoutMs);
    child.on('message', (message: ReadyMessage) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`local stack exited during startup (${signal ?? `code ${code}`}); see its stderr above`));
    });
  });
}

/** SIGTERM lets the stack stop java itself; SIGKILL only if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
