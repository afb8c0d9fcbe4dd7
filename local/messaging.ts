import { type ListenOptions, Server } from 'node:net';
import { type FauxqsServer, interceptLocalhostDns, startFauxqs } from 'fauxqs';
import {
  queues as catalogQueues,
  importsBucket,
  localQueueName,
  type QueueDefinition,
  type QueueName,
} from '#functions/resources';
import { REGION } from '#local/aws-account';
import { portInUse } from '#local/ports';

export interface Messaging<Q extends string = QueueName> {
  /** SQS and S3 endpoint for any client on this machine (the AWS CLI, SDKs with path-style S3). */
  endpoint: string;
  /**
   * SQS endpoint for SDK clients in this process. fauxqs names queues
   * `http://sqs.<region>.localhost:<port>/…`, and the SDK sends to the queue URL's host unless the
   * client's endpoint has the same origin; `*.localhost` resolves to 127.0.0.1 while the stack runs.
   */
  sqsEndpoint: string;
  port: number;
  bucket: string;
  queueUrls: Record<Q, string>;
  queueArns: Record<Q, string>;
  dlqUrls: Record<Q, string>;
  dlqArns: Record<Q, string>;
  server: FauxqsServer;
  stop(): Promise<void>;
}

export interface MessagingOptions<Q extends string> {
  /** 0 lets the OS pick a free port. */
  port: number;
  /** Defaults to resources.queues; tests pass their own (short visibility timeouts). */
  queues?: Record<Q, QueueDefinition>;
}

const PORT_HINT = 'set MESSAGING_PORT or pass --messaging-port';

/** Starts the in-process SQS/S3 emulator with every queue of resources.queues, its DLQ and the imports bucket. */
export async function startMessaging<Q extends string = QueueName>(
  options: MessagingOptions<Q>,
): Promise<Messaging<Q>> {
  const { port } = options;
  const queues = options.queues ?? (catalogQueues as Record<string, QueueDefinition> as Record<Q, QueueDefinition>);
  const server = await onLoopback(() => startFauxqs({ port, logger: false, defaultRegion: REGION })).catch((error) => {
    throw error?.code === 'EADDRINUSE' ? portInUse(port, 'SQS/S3 emulator', PORT_HINT) : error;
  });
  if (new URL(server.address).hostname !== '127.0.0.1') {
    await server.stop();
    throw new Error(`The SQS/S3 emulator listens on ${server.address}, not on 127.0.0.1 only`);
  }
  const restoreDns = interceptLocalhostDns();
  const queueUrls = {} as Record<Q, string>;
  const queueArns = {} as Record<Q, string>;
  const dlqUrls = {} as Record<Q, string>;
  const dlqArns = {} as Record<Q, string>;
  for (const [name, definition] of Object.entries(queues) as [Q, QueueDefinition][]) {
    const fifo: Record<string, string> = definition.fifo ? { FifoQueue: 'true' } : {};
    const dlq = server.createQueue(localQueueName(definition, '-dlq'), {
      attributes: { MessageRetentionPeriod: String(14 * 24 * 3600), ...fifo },
    });
    const queue = server.createQueue(localQueueName(definition), {
      attributes: {
        ...fifo,
        VisibilityTimeout: String(definition.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlq.queueArn,
          maxReceiveCount: definition.maxReceiveCount,
        }),
      },
    });
    queueUrls[name] = queue.queueUrl;
    queueArns[name] = queue.queueArn;
    dlqUrls[name] = dlq.queueUrl;
    dlqArns[name] = dlq.queueArn;
  }
  server.createBucket(importsBucket.localName);

  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    sqsEndpoint: `http://sqs.${REGION}.localhost:${server.port}`,
    port: server.port,
    bucket: importsBucket.localName,
    queueUrls,
    queueArns,
    dlqUrls,
    dlqArns,
    server,
    stop: () => {
      stopped ??= server.stop().finally(restoreDns);
      return stopped;
    },
  };
}

const EVERY_INTERFACE = new Set([undefined, '', '0.0.0.0', '::']);

/**
 * Runs `start` with every listen on all interfaces turned into a listen on 127.0.0.1. fauxqs always
 * listens on 0.0.0.0 (its `host` option only names the host in queue URLs), and it serves every
 * tenant's imports, results and exports without authentication, so it must not be reachable from the
 * network. The caller checks the address it got, so a fauxqs that listens another way fails loudly.
 */
async function onLoopback<T>(start: () => Promise<T>): Promise<T> {
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    const [options] = args;
    if (options !== null && typeof options === 'object' && EVERY_INTERFACE.has((options as ListenOptions).host)) {
      args[0] = { ...options, host: '127.0.0.1' };
    }
    return listen.apply(this, args as Parameters<typeof listen>);
  } as typeof listen;
  try {
    return await start();
  } finally {
    Server.prototype.listen = listen;
  }
}
