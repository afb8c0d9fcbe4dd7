import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHandlerLoader } from '#local/handler-loader';
import { inProcess } from '#local/invoker';
import { startLocalStack } from '#local/stack';
import type { BenchArgs } from './bench-args';
import { type CapacityMeter, meterCapacity } from './capacity-meter';
import { type InvocationTimer, timeInvocations } from './invocation-timer';

export interface ApiResponse {
  status: number;
  json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface FinishedJob {
  job: ApiResponse['json'];
  /** From the start of the HTTP call to the job's `finished` time (or to the poll that saw it end). */
  seconds: number;
  /** Seconds from the start of the call: its answer, every row counted (polled every 100 ms), the job's end. */
  phases: { accepted_s: number; all_rows_processed_s: number; finished_s: number };
}

/** The system under test: the API, the DynamoDB endpoint behind it, and (own stack only) its meters. */
export interface BenchTarget {
  apiUrl: string;
  dynamodbEndpoint: string;
  tableName: string;
  call(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  /** Makes a call that answers 202 with a job and waits until the job ends. */
  runJob(method: string, path: string, body: unknown): Promise<FinishedJob>;
  /** Waits for a job started at `startedMs` (epoch ms) to end. */
  waitForJob(jobId: string, startedMs: number): Promise<FinishedJob>;
  /** A document client of its own on the same endpoint (raw references, seeding): not metered. */
  rawClient(): DynamoDBDocumentClient;
  /** The stack's own DynamoDB calls and handler durations; absent with `--api`. */
  meter?: CapacityMeter;
  invocations?: InvocationTimer;
  token: string;
  stop(): Promise<void>;
}

/** The bench's own local stack in this process (free ports), or the running one named by `--api`. */
export async function openTarget(args: BenchArgs): Promise<BenchTarget> {
  if (args.attach) {
    const { api, token, dynamodb, table } = args.attach;
    return target({ apiUrl: api, token, dynamodbEndpoint: dynamodb, tableName: table, stop: async () => {} });
  }
  // The stack's structured INFO lines (one per chunk and request) would drown the table.
  process.env.LOG_LEVEL ??= 'WARN';
  const invocations = timeInvocations(createHandlerLoader());
  const stack = await startLocalStack({
    port: 0,
    dynamoPort: 0,
    messagingPort: 0,
    quiet: true,
    // Without the change stream: DynamoDB Local slows every write to a table with a stream (by far more
    // than AWS, where a stream costs a write nothing), and the events and webhooks scenarios measure the
    // stream on tables of their own. With one, every figure here would time the emulator's stream.
    changeStream: false,
    // In process: the meters below read the handlers' own DynamoDB client.
    invoker: inProcess({ load: invocations.load }),
  });
  try {
    // Imported once the stack has set the endpoints: the process's one client, as the handlers use it.
    const { db } = await import('#shared/db/client');
    const meter = meterCapacity(db);
    const token = await stack.mintToken({ roles: ['staff'], sub: 'bench' }, { expiresIn: '2h' });
    return target({
      apiUrl: stack.apiUrl,
      token,
      dynamodbEndpoint: stack.endpoints.dynamodb,
      tableName: stack.tableName,
      meter,
      invocations,
      stop: () => stack.stop(),
    });
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

function target(
  base: Pick<BenchTarget, 'apiUrl' | 'token' | 'dynamodbEndpoint' | 'tableName' | 'meter' | 'invocations' | 'stop'>,
): BenchTarget {
  const call = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const res = await fetch(`${base.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${base.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : {} };
  };
  const waitForJob = async (jobId: string, startedMs: number): Promise<FinishedJob> => {
    const acceptedS = (Date.now() - startedMs) / 1000;
    let allProcessedS: number | null = null;
    for (;;) {
      const job = (await call('GET', `/api/v1/jobs/${jobId}/`)).json;
      if (allProcessedS === null && job.total > 0 && job.processed >= job.total)
        allProcessedS = (Date.now() - startedMs) / 1000;
      if (!['queued', 'running'].includes(job.status)) {
        const endMs = job.finished ? Math.min(Date.parse(job.finished), Date.now()) : Date.now();
        const seconds = (endMs - startedMs) / 1000;
        return {
          job,
          seconds,
          phases: { accepted_s: acceptedS, all_rows_processed_s: allProcessedS ?? seconds, finished_s: seconds },
        };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    ...base,
    call,
    async runJob(method, path, body) {
      const startedMs = Date.now();
      const accepted = await call(method, path, body);
      if (accepted.status !== 202)
        throw new Error(
          `${method} ${path}: expected 202, got ${accepted.status} ${JSON.stringify(accepted.json).slice(0, 300)}`,
        );
      return waitForJob(accepted.json.job_id, startedMs);
    },
    waitForJob,
    rawClient: () =>
      DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: base.dynamodbEndpoint,
          region: 'us-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          maxAttempts: 10,
        }),
        { marshallOptions: { removeUndefinedValues: true } },
      ),
  };
}
