import { type FunctionDefinition, httpFunctions, streamFunctions } from '#functions/catalog';
import { type QueueDefinition, type QueueName, type ScheduleName, table } from '#functions/resources';
import { loadOrCreateSigningKeys, type SigningKeys } from '#local/auth-keys';
import { catalogConsumers } from '#local/catalog-consumers';
import { consoleHandler } from '#local/console-server';
import { type DynamoDbLocal, dynamoDbClient, ensureTable, startDynamoDbLocal } from '#local/dynamodb';
import { installSdkChecks } from '#local/grants';
import { type HttpServer, INTEGRATION_TIMEOUT_MS, startHttpServer } from '#local/http-server';
import type { Invoke, InvokerFactory } from '#local/invoker';
import { isolated } from '#local/isolated-invoker';
import { createJwtAuthorizer } from '#local/jwt-authorizer';
import { consoleLog, type LocalLog } from '#local/local-log';
import { type Messaging, startMessaging } from '#local/messaging';
import { type MintOptions, mintToken, type TokenClaims } from '#local/mint-token';
import { type Pollers, startPollers } from '#local/pollers';
import { startS3Watcher } from '#local/s3-watcher';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller';
import { defaultIntervals } from '#local/schedule-interval';
import { type Scheduler, startScheduler } from '#local/scheduler';
import { assertPortFree } from '#local/ports';
import { entryExists } from '#local/handler-loader';

export const DEFAULT_PORTS = { api: 3000, dynamodb: 8000, messaging: 4566 } as const;

export interface LocalStackOptions {
  /** HTTP API port (default 3000); 0 picks a free one. */
  port?: number;
  /** DynamoDB Local port (default 8000); 0 picks a free one. */
  dynamoPort?: number;
  /** SQS/S3 emulator port (default 4566); 0 picks a free one. */
  messagingPort?: number;
  /** Keep DynamoDB data under .local/dynamodb across restarts (default: in memory). */
  persist?: boolean;
  /** Signing keys for the JWT authorizer; default: the pair in `keysDir` (.local/keys), created on first use. */
  keys?: SigningKeys;
  keysDir?: string;
  /**
   * Interval (ms) of each schedule's local timer, null for none; unset ones run at the period of
   * their AWS default (`rate(1 day)` → 24h). See local/schedule-interval.ts (`RECALC_INTERVAL`).
   */
  schedules?: Partial<Record<ScheduleName, number | null>>;
  /** No per-request / per-batch log lines (warnings and errors still go to stderr). */
  quiet?: boolean;
  log?: LocalLog;
  /**
   * How functions run: by default each in its own worker threads with exactly its own environment
   * (local/isolated-invoker.ts `isolated()`); `inProcess()` (local/invoker.ts) runs them all in this
   * process, for tests that inject SDK faults into the handlers' clients and for the bench's meters.
   */
  invoker?: InvokerFactory;
  /**
   * Stretches every function's timeout and API Gateway's 30 s alike (default 1: as in AWS), for runs
   * that load DynamoDB Local far beyond what a deployed table feels (LOCAL_TIMEOUT_SCALE).
   */
  timeoutScale?: number;
  /**
   * Read the table's stream into the stream functions (default true, as the event source mapping does in
   * AWS). Off for test stacks that drive DynamoDB Local far beyond a deployment's load and need no
   * events: on one local engine every change would also cost an event transaction, and the two compete.
   */
  changeStream?: boolean;
  /**
   * An already running DynamoDB and the table to use (created if absent) instead of starting
   * DynamoDB Local: the integration tests run the stack in process on their own emulator.
   */
  dynamodb?: { endpoint: string; tableName: string };
  /** Queue definitions instead of resources.queues (tests shorten visibility timeouts). */
  queues?: Record<QueueName, QueueDefinition>;
  /**
   * The catalog whose entries the invocations run as, with their grants (default functions/catalog.ts):
   * tests remove a grant from a copy. Routes and triggers stay those of functions/catalog.ts.
   */
  catalog?: readonly FunctionDefinition[];
  /** The built admin console (or its build in progress), served at /console/; none without it. */
  consoleDir?: string | Promise<string>;
}

export interface LocalStack {
  apiUrl: string;
  endpoints: { dynamodb: string; sqs: string; s3: string };
  tableName: string;
  bucket: string;
  queueUrls: Record<QueueName, string>;
  dlqUrls: Record<QueueName, string>;
  keys: SigningKeys;
  /** A token the stack's authorizer accepts (the same as `npm run token` mints). */
  mintToken(claims: TokenClaims, options?: MintOptions): Promise<string>;
  pollers: Pollers;
  /** The stream-triggered functions' reader of the table's stream (a DynamoDB event source mapping in AWS). */
  /** Null when the stack was started without its change stream (`changeStream: false`). */
  streamPoller: StreamPoller | null;
  /** The schedule-triggered functions' timers (EventBridge in AWS). */
  scheduler: Scheduler;
  /** Stops HTTP, pollers, the functions' workers, the SQS/S3 emulator and DynamoDB Local (java included). Idempotent. */
  stop(): Promise<void>;
}

/**
 * Everything `npm start` runs, in this process: DynamoDB Local with the table, the SQS/S3 emulator
 * with the queues, DLQs and bucket, pollers for the catalog's queue workers, timers for its
 * scheduled functions, and the HTTP API for its routes. Built from functions/catalog.ts and functions/resources.ts only.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? consoleLog({ quiet: options.quiet });
  const port = options.port ?? DEFAULT_PORTS.api;
  if (port !== 0) await assertPortFree(port, 'HTTP API', 'set PORT or pass --port');
  const keys = options.keys ?? (await loadOrCreateSigningKeys(options.keysDir));

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error) => log.error('local stack: a component failed to stop:', error));
    }
  };
  try {
    const [dynamo, messaging] = await startEmulators(options, stops);
    const tableName = options.dynamodb?.tableName ?? table.localName;
    const client = dynamoDbClient(dynamo.endpoint);
    stops.push(async () => client.destroy());
    await ensureTable(client, tableName, { stream: options.changeStream !== false });

    const resources = {
      tableName,
      bucket: messaging.bucket,
      queueUrls: messaging.queueUrls,
      dlqUrls: messaging.dlqUrls,
      dynamodbEndpoint: dynamo.endpoint,
      sqsClientEndpoint: messaging.sqsEndpoint,
      sqsEndpoint: messaging.endpoint,
      s3Endpoint: messaging.endpoint,
    };
    // Every SDK call a function makes is refused unless its catalog entry's statements cover it, as IAM
    // does: here for functions run in process, and in each function's own worker (local/function-runtime.ts).
    installSdkChecks(resources, { log: (line) => log.warn(line) });
    // The stack's own process needs none of the functions' variables: its clients name their endpoints.
    const invoker = (options.invoker ?? isolated())(resources, log, options.timeoutScale);
    // A test's catalog copy (a grant removed) replaces the entries the invocations run as, by name.
    const runAs = new Map((options.catalog ?? []).map((d) => [d.name, d]));
    const invoke: Invoke = (definition, event, invokeOptions) =>
      invoker.invoke(runAs.get(definition.name) ?? definition, event, invokeOptions);
    const pollers = startPollers({
      endpoint: messaging.endpoint,
      consumers: catalogConsumers({
        queueUrls: messaging.queueUrls,
        queueArns: messaging.queueArns,
        dlqUrls: messaging.dlqUrls,
        dlqArns: messaging.dlqArns,
        log,
        invoke,
      }),
      log,
    });
    stops.push(() => pollers.stop());
    const streamPoller =
      options.changeStream === false
        ? null
        : startStreamPoller({
            endpoint: dynamo.endpoint,
            tableName,
            dynamodb: client,
            consumers: streamFunctions
              .filter((fn) => entryExists(fn.entry))
              .map((fn) => ({
                name: fn.name,
                batchSize: fn.trigger.batchSize,
                maxRetries: fn.trigger.maxRetries,
                handler: (event) => invoke(fn, event),
              })),
            log,
          });
    if (streamPoller) stops.push(() => streamPoller.stop());
    const watcher = startS3Watcher({
      endpoint: messaging.endpoint,
      bucket: messaging.bucket,
      queueUrls: messaging.queueUrls,
      log,
    });
    stops.push(() => watcher.stop());
    const scheduler = startScheduler({ intervals: { ...defaultIntervals(), ...options.schedules }, invoke, log });
    stops.push(() => scheduler.stop());

    const http: HttpServer = await startHttpServer({
      port,
      functions: httpFunctions,
      authorizer: createJwtAuthorizer(keys),
      log,
      invoke,
      integrationTimeoutMs: INTEGRATION_TIMEOUT_MS * (options.timeoutScale ?? 1),
      ...(options.consoleDir !== undefined && {
        console: consoleHandler({
          dir: options.consoleDir,
          keys,
          s3Endpoint: messaging.endpoint,
          bucket: messaging.bucket,
        }),
      }),
    });
    stops.push(() => http.stop());
    // Stopped first: ending the workers fails what they still run, so the pollers' and the gateway's
    // in-flight invocations end now instead of at their timeouts.
    stops.push(() => invoker.stop());

    let stopped: Promise<void> | undefined;
    return {
      apiUrl: http.url,
      endpoints: { dynamodb: dynamo.endpoint, sqs: messaging.endpoint, s3: messaging.endpoint },
      tableName,
      bucket: messaging.bucket,
      queueUrls: messaging.queueUrls,
      dlqUrls: messaging.dlqUrls,
      keys,
      mintToken: (claims, mintOptions) => mintToken(keys, claims, mintOptions),
      pollers,
      streamPoller,
      scheduler,
      stop: () => {
        stopped ??= stopAll();
        return stopped;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Both emulators in parallel; if one fails, the other is stopped and the first error wins. */
async function startEmulators(
  options: LocalStackOptions,
  stops: (() => Promise<void>)[],
): Promise<[Pick<DynamoDbLocal, 'endpoint' | 'stop'>, Messaging]> {
  const given = options.dynamodb;
  const [dynamo, messaging] = await Promise.allSettled([
    given
      ? Promise.resolve({ endpoint: given.endpoint, stop: async () => {} })
      : startDynamoDbLocal({ port: options.dynamoPort ?? DEFAULT_PORTS.dynamodb, persist: options.persist }),
    startMessaging({ port: options.messagingPort ?? DEFAULT_PORTS.messaging, queues: options.queues }),
  ]);
  if (dynamo.status === 'fulfilled') stops.push(() => dynamo.value.stop());
  if (messaging.status === 'fulfilled') stops.push(() => messaging.value.stop());
  if (dynamo.status === 'rejected') throw dynamo.reason;
  if (messaging.status === 'rejected') throw messaging.reason;
  return [dynamo.value, messaging.value];
}
