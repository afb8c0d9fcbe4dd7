/**
 * The load generator of the latency scenario, in a process of its own so that it does not share
 * an event loop with the stack it measures. Forked by `runLoad`; gets one spec, answers one summary.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { runClosedLoop } from './load-loop';
import { type LatencySummary, summarize } from './stats';

export type LoadSpec =
  | { type: 'http'; method: string; url: string; token: string; bodies?: string[] }
  | { type: 'get-item'; endpoint: string; table: string; key: Record<string, string> }
  | {
      type: 'query';
      endpoint: string;
      table: string;
      keyCondition: string;
      values: Record<string, string>;
      limit: number;
    }
  /** `per` new items per request, each under a sort key no other request uses. */
  | { type: 'batch-write'; endpoint: string; table: string; pk: string; per: number }
  /**
   * The exact write of `per` new members: one TransactWriteItems of `per` membership-shaped puts (an
   * inverted-index entry each), each conditioned on its absence, and the update of a counter item that
   * must exist (`counter`, one for every caller, as one group's), sent again when a concurrent
   * transaction cancels it.
   */
  | {
      type: 'transact-write';
      endpoint: string;
      table: string;
      pk: string;
      per: number;
      counter: Record<string, string>;
    };

export interface LoadRequest {
  spec: LoadSpec;
  connections: number;
  seconds: number;
}

/** `operations`: every call made, the warm-up's included (the recorded ones are `requests`). */
export type LoadResult = LatencySummary & { operations: number; first_error?: string };

/** Runs one load in a fresh child process and returns its latency summary. */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: LoadResult) => {
      resolve(m);
      child.disconnect();
    });
    child.once('exit', (code) => reject(new Error(`load process exited (code ${code}) without a result`)));
    child.once('error', reject);
    child.send(request);
  });
}

function operation(spec: LoadSpec): (n: number) => Promise<void> {
  if (spec.type === 'http') {
    const headers = { authorization: `Bearer ${spec.token}`, 'content-type': 'application/json' };
    return async (n) => {
      const body = spec.bodies?.length ? spec.bodies[n % spec.bodies.length] : undefined;
      const res = await fetch(spec.url, { method: spec.method, headers, body });
      await res.arrayBuffer();
      if (res.status >= 300) throw new Error(`${spec.method} ${spec.url}: ${res.status}`);
    };
  }
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: spec.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  if (spec.type === 'get-item') {
    return async () => {
      await db.send(new GetCommand({ TableName: spec.table, Key: spec.key, ConsistentRead: true }));
    };
  }
  if (spec.type === 'query') {
    return async () => {
      await db.send(
        new QueryCommand({
          TableName: spec.table,
          KeyConditionExpression: spec.keyCondition,
          ExpressionAttributeValues: spec.values,
          Limit: spec.limit,
        }),
      );
    };
  }
  if (spec.type === 'transact-write') {
    const { table, pk, per, counter } = spec;
    return async (n) => {
      const at = new Date().toISOString();
      const TransactItems = [
        ...Array.from({ length: per }, (_, i) => {
          const learner = `${process.pid}-${n}-${i}`;
          return {
            Put: {
              TableName: table,
              Item: { PK: pk, SK: `MEMBER#L#${learner}`, GSI1PK: `MEMBERSHIPS#bench#L#${learner}`, GSI1SK: pk },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          };
        }),
        {
          Update: {
            TableName: table,
            Key: counter,
            UpdateExpression: 'ADD member_count :n SET modified = :at',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':n': per, ':at': at },
          },
        },
      ];
      for (let attempt = 0; ; attempt++) {
        try {
          await db.send(new TransactWriteCommand({ TransactItems }));
          return;
        } catch (error) {
          if ((error as Error).name !== 'TransactionCanceledException' || attempt === 20) throw error;
        }
      }
    };
  }
  return async (n) => {
    const items = Array.from({ length: spec.per }, (_, i) => ({
      PutRequest: { Item: { PK: spec.pk, SK: `ITEM#${process.pid}#${n}#${i}`, status: 'active' } },
    }));
    for (let pending = items; pending.length > 0;) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [spec.table]: pending } }));
      pending = (out.UnprocessedItems?.[spec.table] ?? []) as typeof items;
    }
  };
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.once('message', async ({ spec, connections, seconds }: LoadRequest) => {
    const run = await runClosedLoop(operation(spec), { connections, seconds });
    const result: LoadResult = {
      ...summarize(run.latenciesMs, run.errors, run.seconds),
      operations: run.operations,
      ...(run.firstError ? { first_error: run.firstError } : {}),
    };
    process.send!(result, () => process.exit(0));
  });
}
