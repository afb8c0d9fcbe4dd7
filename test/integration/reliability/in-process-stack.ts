import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FunctionDefinition } from '#functions/catalog';
import { type QueueDefinition, type QueueName, queues } from '#functions/resources';
import { generateSigningKeys } from '#local/auth-keys';
import { createHandlerLoader, type LambdaHandler } from '#local/handler-loader';
import { inProcess } from '#local/invoker';
import type { LocalLog } from '#local/local-log';
import type { UploadGrant } from '#shared/imports/upload-grant';
import type { Learner } from '#shared/learners/learner';
import { type LocalStack, startLocalStack } from '#local/stack';
import { dynamodbEndpoint } from '#test/integration/dynamo';
import { type FaultInjector, installFaultInjector } from './fault-injector';

export interface StackOptions {
  /** Visibility timeout of every queue (seconds): how soon a failed delivery comes back. */
  visibilityTimeoutSeconds?: number;
  /** Extra environment for the handlers (read once, when they are first imported). */
  env?: Record<string, string>;
  log?: LocalLog;
  /** Stands in for a catalog entry's handler (a worker that crashes), given the real one. */
  wrapHandler?: (entry: string, handler: LambdaHandler) => LambdaHandler;
  /** The catalog the invocations run as (a copy with a grant removed); default functions/catalog.ts. */
  catalog?: readonly FunctionDefinition[];
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response fields
  json: any;
}

const silent: LocalLog = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The whole local stack in this test process — HTTP API, queue pollers, S3 watcher, the real
 * handlers — on the integration run's DynamoDB Local (a fresh table) and an in-process fauxqs. The
 * handlers' own DynamoDB client gets a fault injector below its retry middleware, so faults reach
 * the code exactly as DynamoDB's answers would. Shared modules are imported only after the stack
 * has set the environment they read once (shared/config.ts).
 */
export async function startReliabilityStack(options: StackOptions = {}) {
  const saved = { ...process.env };
  const outboxDir = mkdtempSync(join(tmpdir(), 'lms-groups-reliability-'));
  Object.assign(process.env, {
    NOTIFICATION_OUTBOX_FILE: join(outboxDir, 'outbox.jsonl'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...options.env,
  });
  const visibility = options.visibilityTimeoutSeconds ?? 10;
  const queueDefinitions = Object.fromEntries(
    (Object.entries(queues) as [QueueName, QueueDefinition][]).map(([name, q]) => [
      name,
      { ...q, localName: `${q.localName}-${randomUUID().slice(0, 8)}`, visibilityTimeoutSeconds: visibility },
    ]),
  ) as Record<QueueName, QueueDefinition>;
  const keys = await generateSigningKeys();
  const load = createHandlerLoader();
  const { wrapHandler } = options;
  const stack: LocalStack = await startLocalStack({
    port: 0,
    messagingPort: 0,
    dynamodb: { endpoint: dynamodbEndpoint, tableName: `reliability-${randomUUID()}` },
    queues: queueDefinitions,
    keys,
    log: options.log ?? silent,
    catalog: options.catalog,
    // Injected conflicts are retried within shared/db/transactions.ts's budget; tripled, as for the e2e stack.
    timeoutScale: 3,
    // No change stream: these suites drive one DynamoDB Local far past a deployment's load, and an event
    // transaction per change would compete with the writes under test (the stream's own faults and
    // exactness: test/integration/change-events.test.ts).
    changeStream: false,
    // In process, so that the fault injector below reaches the handlers' own client.
    invoker: inProcess(wrapHandler ? { load: async (entry) => wrapHandler(entry, await load(entry)) } : { load }),
  });

  const { db } = await import('#shared/db/client');
  const faults: FaultInjector = installFaultInjector(db);
  const wired = await import('#shared/repositories');
  const repositories = {
    groups: wired.groups(),
    memberships: wired.memberships(),
    learners: wired.learners(),
    branches: wired.branches(),
    history: wired.history(),
    enrollments: wired.enrollments(),
    batches: wired.batches(),
    jobs: wired.jobs(),
  };
  const uploadGrants = wired.uploadGrants();
  const { parseImportKey } = await import('#shared/imports/csv-kinds');
  const { uploadMetadata, UPLOAD_TTL_SECONDS } = await import('#shared/imports/upload-grant');

  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const sqs = new SQSClient({ endpoint: stack.endpoints.sqs, region: 'us-east-1', credentials });
  const s3 = new S3Client({ endpoint: stack.endpoints.s3, region: 'us-east-1', credentials, forcePathStyle: true });

  async function api(
    method: string,
    path: string,
    { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer> {
    const response = await fetch(new URL(path, stack.apiUrl), {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      json: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
    };
  }

  return {
    stack,
    faults,
    /** The handlers' own repositories (the same document client, so faults reach them too). */
    repositories,
    api,
    sqs,
    s3,
    adminToken: (tenant: string, sub = 'admin-1') =>
      stack.mintToken({ sub, roles: ['enterprise_admin'], enterprise_uuids: [tenant] }),
    staffToken: () => stack.mintToken({ sub: 'staff-1', roles: ['staff'] }),

    /**
     * Writes learners straight through the repository (no rule evaluation, no activation): test
     * setup, not the system under test. Each gets `e-<uuid>@example.com` and the fields `fields` gives.
     */
    async seedLearners(
      tenant: string,
      count: number,
      fields: (index: number) => Partial<Pick<Learner, 'email' | 'attributes' | 'branch_id'>> = () => ({}),
    ) {
      const uuids = Array.from({ length: count }, () => randomUUID());
      const now = new Date().toISOString();
      const { learners } = repositories;
      for (let i = 0; i < uuids.length; i += 16) {
        await Promise.all(
          uuids.slice(i, i + 16).map((learner_uuid, j) =>
            learners.put(
              {
                learner_uuid,
                enterprise_customer_uuid: tenant,
                email: `e-${learner_uuid}@example.com`,
                username: null,
                first_name: null,
                last_name: null,
                employee_id: null,
                state_id: null,
                branch_id: null,
                attributes: {},
                status: 'active',
                created: now,
                modified: now,
                version: 1,
                ...fields(i + j),
              },
              undefined,
            ),
          ),
        );
      }
      return uuids;
    },

    /** Sends a raw message to one of the stack's queues (a duplicate delivery, a redrive). */
    send: (queue: QueueName, body: string) =>
      sqs.send(new SendMessageCommand({ QueueUrl: stack.queueUrls[queue], MessageBody: body })),

    /**
     * Drops a CSV at `key` as the upload route lets a client: a grant recorded for the key's tenant
     * and kind (uploader `admin-1` of the test issuer), then the object with the grant's metadata.
     * Test setup, not the system under test (test/e2e/import-uploads.test.ts goes through the route).
     */
    async dropCsv(key: string, body: string | Uint8Array) {
      const { tenant, kind } = parseImportKey(key)!;
      const now = new Date();
      const grant: UploadGrant = {
        upload_id: randomUUID(),
        enterprise_customer_uuid: tenant,
        kind,
        key,
        uploader_issuer: 'reliability-test',
        uploader_sub: 'admin-1',
        created: now.toISOString(),
        upload_expires: new Date(now.getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
      };
      await uploadGrants.put(grant);
      await s3.send(
        new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body, Metadata: uploadMetadata(grant) }),
      );
    },

    /** Up to 10 messages of a queue's DLQ; `peek` leaves them visible. */
    async receiveDlq(queue: QueueName, { waitSeconds = 0, peek = true } = {}) {
      const out = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: stack.dlqUrls[queue],
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: waitSeconds,
          VisibilityTimeout: peek ? 0 : 30,
        }),
      );
      return out.Messages ?? [];
    },

    /** Waits until every queue is drained and no worker runs. */
    idle: (timeoutMs = 60_000) => stack.pollers.idle({ timeoutMs }),

    async stop() {
      faults.uninstall();
      sqs.destroy();
      s3.destroy();
      await stack.stop();
      rmSync(outboxDir, { recursive: true, force: true });
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    },
  };
}

export type ReliabilityStack = Awaited<ReturnType<typeof startReliabilityStack>>;
