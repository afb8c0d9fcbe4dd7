/**
 * `npm run recalc -- [--api http://127.0.0.1:3000] [--enterprise <uuid>]`: runs the scheduled
 * recalculation now against a running `npm start`. It finds the stack's table and queues through
 * `GET /health` (its `local` block), then invokes the schedule's own function, isolated with exactly
 * its own environment as the stack runs it, with a Scheduled Event of this moment: one message per active automatic group (of every tenant, or of
 * `--enterprise`) goes on the stack's recalculations queue, whose worker in the stack starts the jobs.
 * Prints a one-line summary on stderr and the handler's result as JSON, the last line of stdout.
 */
import { parseArgs } from 'node:util';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { scheduleFunctions } from '#functions/catalog';
import { localQueueName, type QueueName, queues } from '#functions/resources';
import { REGION } from '#local/aws-account';
import { isolated } from '#local/isolated-invoker';
import { consoleLog } from '#local/local-log';
import { scheduledEvent } from '#local/scheduler';
import type { StackEnvironment } from '#local/stack-env';

const USAGE = 'usage: npm run recalc -- [--api http://127.0.0.1:3000] [--enterprise <uuid>]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The Lambda runtime is Node 24; the SDK's "Node 20 support ends" notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

interface LocalInfo {
  s3_endpoint: string;
  sqs_endpoint: string;
  dynamodb_endpoint: string;
  table: string;
  imports_bucket: string;
}

interface Summary {
  tick: string;
  queued: number;
  skipped: Record<string, number>;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      api: { type: 'string', default: process.env.API ?? 'http://127.0.0.1:3000' },
      enterprise: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.enterprise !== undefined && !UUID.test(values.enterprise)) {
    console.error(`error: --enterprise must be an enterprise uuid, got "${values.enterprise}" (${USAGE})`);
    return 2;
  }
  const api = values.api.replace(/\/$/, '');
  const health = await fetch(`${api}/health`)
    .then((r) => r.json() as Promise<{ local?: LocalInfo }>)
    .catch((error: unknown) => {
      throw new Error(`no stack answers at ${api} (${(error as Error).message}); start it with npm start`);
    });
  if (!health.local)
    throw new Error(`${api} is not a local stack; in AWS the schedule runs it (or invoke FanOutRecalculations)`);
  const stack = await stackOf(health.local);

  const fn = scheduleFunctions.find((f) => f.trigger.schedule === 'recalculation');
  if (!fn) throw new Error('the catalog has no function on the recalculation schedule');
  process.env.LOG_LEVEL ??= 'WARN';
  const invoker = isolated()(stack, consoleLog({ quiet: true }));
  const detail = values.enterprise ? { enterprise_customer_uuid: values.enterprise } : {};
  const summary = (await invoker
    .invoke(fn, scheduledEvent('recalculation', new Date(), detail))
    .finally(() => invoker.stop())) as Summary;
  const skipped = Object.entries(summary.skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${reason}`);
  process.stderr.write(
    `tick ${summary.tick}: queued ${summary.queued} recalculation(s)` +
      `${values.enterprise ? ` of enterprise ${values.enterprise}` : ''}` +
      `${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}\n`,
  );
  console.log(JSON.stringify(summary));
  return 0;
}

/** The running stack's resources and endpoints, from which its function's environment is derived. */
async function stackOf(local: LocalInfo): Promise<StackEnvironment> {
  const sqs = new SQSClient({
    endpoint: local.sqs_endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const queueUrls = {} as Record<QueueName, string>;
  const dlqUrls = {} as Record<QueueName, string>;
  for (const [name, definition] of Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]) {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: localQueueName(definition) }));
    const { QueueUrl: DlqUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: localQueueName(definition, '-dlq') }),
    );
    if (!QueueUrl || !DlqUrl) throw new Error(`the stack has no queue ${localQueueName(definition)} with its DLQ`);
    queueUrls[name] = QueueUrl;
    dlqUrls[name] = DlqUrl;
  }
  sqs.destroy();
  return {
    tableName: local.table,
    bucket: local.imports_bucket,
    queueUrls,
    dlqUrls,
    dynamodbEndpoint: local.dynamodb_endpoint,
    sqsClientEndpoint: new URL(queueUrls.recalculations).origin,
    sqsEndpoint: local.sqs_endpoint,
    s3Endpoint: local.s3_endpoint,
  };
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
