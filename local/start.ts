/**
 * `npm start`: the whole service on this machine (see local/stack.ts). Prints where everything is
 * and a staff token, stays up until Ctrl-C / SIGTERM, then stops every emulator (java included).
 * When forked with an IPC channel (the e2e setup), it reports `{ type: 'ready', … }` and stops when
 * the parent goes away.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildConsole } from '#console/build';
import { ISSUER } from '#local/auth-keys';
import { persistedDynamoDir, repoRoot } from '#local/paths';
import { type LocalStack, startLocalStack } from '#local/stack';
import { formatInterval } from '#local/schedule-interval';
import { parseStartArgs, START_USAGE } from '#local/start-args';
import { StartupError } from '#local/startup-error';

// The Lambda runtime is Node 24; the SDK's "Node 20 support ends" notice is noise for the local stack.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

async function main(): Promise<void> {
  const options = parseStartArgs(process.argv.slice(2), process.env);
  if (options === 'help') {
    console.log(START_USAGE);
    return;
  }
  // Built per process into its own folder: two stacks (npm start beside a test run) never share files.
  const consoleDir = mkdtempSync(join(tmpdir(), 'lms-groups-console-'));
  process.on('exit', () => rmSync(consoleDir, { recursive: true, force: true }));
  const built = buildConsole(consoleDir);
  built.catch(() => {}); // reported below, once the stack is up
  const starting = startLocalStack({ ...options, consoleDir: built });
  // Before startup completes: Ctrl-C while java boots must still stop java.
  installShutdown(starting);
  const stack = await starting;
  try {
    await built;
  } catch (error) {
    await stack.stop();
    throw new StartupError(`the admin console failed to build: ${(error as Error).message}`);
  }
  const staffToken = await stack.mintToken({ roles: ['staff'] });
  if (process.send) {
    process.send({
      type: 'ready',
      apiUrl: stack.apiUrl,
      endpoints: stack.endpoints,
      tableName: stack.tableName,
      bucket: stack.bucket,
      queueUrls: stack.queueUrls,
      dlqUrls: stack.dlqUrls,
    });
  } else {
    printBanner(stack, staffToken, options.persist ?? false);
  }
}

function printBanner(stack: LocalStack, token: string, persist: boolean): void {
  const data = persist ? `persisted in ${relative(repoRoot, persistedDynamoDir)}` : 'in memory (--persist keeps it)';
  const workers = stack.pollers.names.length ? [...new Set(stack.pollers.names)].join(', ') : 'none yet';
  const queues = Object.values(stack.queueUrls).join('\n                 ');
  const timers = stack.scheduler.timers.map((t) => `${t.schedule} every ${formatInterval(t.intervalMs)}`).join(', ');
  console.log(`
lms-groups local stack is up

  API            ${stack.apiUrl}
  Console        ${stack.apiUrl}/console/   (sign in with a role and tenant)
  DynamoDB       ${stack.endpoints.dynamodb}   table ${stack.tableName}, ${data}
  S3 / SQS       ${stack.endpoints.s3}   bucket ${stack.bucket}
  queues         ${queues}
  queue workers  ${workers}
  schedules      ${timers || 'recalculation off'} (RECALC_INTERVAL, e.g. 1h, 24h or off); npm run recalc runs it now
  JWT issuer     ${ISSUER} (key in .local/keys)

Staff token (valid 12h); mint others with
  npm run token -- --role enterprise_admin --enterprise <uuid>      (roles: staff, enterprise_admin, learner)

  export API=${stack.apiUrl}
  export TOKEN=${token}

Try
  curl -s $API/health
  curl -s -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -X POST $API/api/v1/enterprise-group/ \\
    -d '{"name":"Sales","enterprise_customer_uuid":"4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10"}'
  curl -s -H "Authorization: Bearer $TOKEN" "$API/api/v1/enterprise-group/?enterprise_uuid=4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10"
  (any S3 client works against the bucket: aws s3 ls s3://${stack.bucket} --endpoint-url ${stack.endpoints.s3})
  More in README.md and docs/; the OpenAPI document is at $API/openapi.json

Ctrl-C stops everything.
`);
}

function installShutdown(starting: Promise<LocalStack>): void {
  let stoppingSince: number | undefined;
  const shutdown = (reason: string) => {
    if (stoppingSince !== undefined) {
      // tsx relays the terminal's SIGINT that we also received directly: ignore that echo, but a
      // deliberate second Ctrl-C exits at once (the stack's exit guard still kills java).
      if (Date.now() - stoppingSince < 1_000) return;
      console.error(`${reason} again: exiting without waiting`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    if (!process.send) console.log(`\n${reason}: stopping the local stack…`);
    starting
      .then((stack) => stack.stop())
      .then(
        () => process.exit(0),
        (error) => {
          // A failed startup has already reported itself and cleaned up.
          if (!(error instanceof StartupError)) {
            console.error(`error while stopping: ${error instanceof Error ? error.message : String(error)}`);
          }
          process.exit(1);
        },
      );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));
  process.on('disconnect', () => shutdown('parent disconnected'));
}

main().catch((error) => {
  if (error instanceof StartupError) console.error(`error: ${error.message}`);
  else console.error('error: the local stack failed to start:', error);
  process.exit(1);
});
