import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FunctionDefinition } from '#functions/catalog';
import type { QueueName } from '#functions/resources';
import {
  FunctionInvocationError,
  FunctionOutOfMemoryError,
  FunctionTimeoutError,
  type Invoker,
  MAX_RESPONSE_BYTES,
  ResponseTooLargeError,
} from '#local/invoker';
import { type IsolationOptions, isolated } from '#local/isolated-invoker';
import type { LocalLog } from '#local/local-log';
import { functionEnvironment, type StackEnvironment } from '#local/stack-env';
import type { ProbeEvent } from './fixtures/isolation/probe';

/*
 * The local stack's execution environments (local/isolated-invoker.ts) against a probe function:
 * each function in its own worker threads with exactly its own variables and module state, warm
 * reuse, and Lambda's limits (timeout, memory, response size) ending invocations as Lambda does.
 */

const stack: StackEnvironment = {
  tableName: 'isolation-table',
  bucket: 'isolation-bucket',
  queueUrls: Object.fromEntries(
    ['groupCleanup', 'jobChunks', 'notifications', 'imports', 'recalculations', 'jobPlans'].map((q) => [
      q,
      `http://sqs.us-east-1.localhost:9/000000000000/${q}`,
    ]),
  ) as Record<QueueName, string>,
  dlqUrls: Object.fromEntries(
    ['groupCleanup', 'jobChunks', 'notifications', 'imports', 'recalculations', 'jobPlans'].map((q) => [
      q,
      `http://sqs.us-east-1.localhost:9/000000000000/${q}-dlq`,
    ]),
  ) as Record<QueueName, string>,
  dynamodbEndpoint: 'http://127.0.0.1:9',
  sqsClientEndpoint: 'http://sqs.us-east-1.localhost:9',
  sqsEndpoint: 'http://127.0.0.1:9',
  s3Endpoint: 'http://127.0.0.1:9',
};

const probe = (name: string, overrides: Partial<FunctionDefinition> = {}): FunctionDefinition => ({
  name,
  entry: 'test/integration/fixtures/isolation/probe.ts',
  trigger: { type: 'queue', queue: 'jobChunks', batchSize: 1 },
  access: { table: 'readwrite', sendsTo: ['jobChunks'] },
  ...overrides,
});

interface ProbeResult {
  invocations: number;
  variables: string[];
  queueUrl: string | null;
  held: number;
  padding?: string;
}

const lines = { info: [] as string[], error: [] as string[] };
const log: LocalLog = {
  info: (line) => void lines.info.push(line),
  warn: () => {},
  error: (line) => void lines.error.push(line),
};
let invoker: Invoker | undefined;

function start(options: IsolationOptions = {}): Invoker {
  invoker = isolated(options)(stack, log);
  return invoker;
}

const call = (fn: FunctionDefinition, event: ProbeEvent = {}) => invoker!.invoke(fn, event) as Promise<ProbeResult>;

afterEach(async () => {
  await invoker?.stop();
  invoker = undefined;
  lines.info.length = 0;
  lines.error.length = 0;
});

describe('each function in its own execution environment', () => {
  it('gives a function exactly the variables of its catalog entry, the SDK overrides and the local settings', async () => {
    start();
    const producer = probe('Producer');
    const reader = probe('Reader', { access: { table: 'read' } });

    const produced = await call(producer);
    const read = await call(reader);

    expect(produced.variables).toEqual(Object.keys(functionEnvironment(producer, stack, 512, process.env)).sort());
    expect(produced.queueUrl).toBe(stack.queueUrls.jobChunks);
    expect(produced.variables).not.toContain('QUEUE_URL_NOTIFICATIONS');
    expect(read.queueUrl).toBeNull();
    expect(read.variables).toContain('TABLE_NAME');
    // The test process's own variables (PATH, HOME, vitest's) reach no function.
    expect(read.variables).not.toContain('PATH');
  });

  it('keeps module state per environment: warm invocations share it, another function has its own', async () => {
    start();
    const a = probe('A');
    expect((await call(a)).invocations).toBe(1);
    expect((await call(a)).invocations).toBe(2);
    expect((await call(probe('B'))).invocations).toBe(1);
  });

  it('starts another environment when every one of the function is busy, and queues past the cap', async () => {
    start({ maxEnvironmentsPerFunction: 2 });
    const fn = probe('Busy');
    const counts = (await Promise.all([1, 2, 3].map(() => call(fn, { sleepMs: 300 })))).map((r) => r.invocations);
    // Two environments ran the first two; the third waited for one of them (its second invocation).
    expect(counts.sort()).toEqual([1, 1, 2]);
  });

  it('logs each invocation with its duration and heap growth, and its cold start', async () => {
    start();
    const fn = probe('Logged');
    await call(fn);
    await call(fn, { holdMb: 4 });
    expect(lines.info).toEqual([
      expect.stringMatching(/^Logged: invocation \d+ ms, heap [+-]\d+\.\d MB \(cold start\)$/),
      expect.stringMatching(/^Logged: invocation \d+ ms, heap [+-]\d+\.\d MB$/),
    ]);
  });

  it("rejects with the handler's error and keeps the environment", async () => {
    start();
    const fn = probe('Failing');
    await expect(call(fn, { fail: 'bad row' })).rejects.toMatchObject({ name: 'RangeError', message: 'bad row' });
    expect((await call(fn)).invocations).toBe(2);
  });

  it('drops an environment that dies between invocations, as a runtime exits on an unhandled rejection', async () => {
    start();
    const fn = probe('Leaky');
    expect((await call(fn, { rejectAfterMs: 50 })).invocations).toBe(1);
    await expect.poll(() => lines.error, { timeout: 5_000 }).toEqual([expect.stringMatching(/Leaky: .*left behind/)]);
    expect((await call(fn)).invocations).toBe(1);
  });

  it('fails an invocation whose module does not load, as an import error', async () => {
    start();
    const fn = probe('Broken', { entry: 'test/integration/fixtures/isolation/broken.ts' });
    const failure = call(fn);
    await expect(failure).rejects.toBeInstanceOf(FunctionInvocationError);
    await expect(failure).rejects.toMatchObject({ errorType: 'Runtime.ImportModuleError' });
  });
});

describe('an environment that dies during init', () => {
  it('is started again when it exits without a word, and then answers', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'exits-once-')), 'marker');
    start({
      environment: (definition, s, limits) => ({
        ...functionEnvironment(definition, s, limits.memoryMb),
        EXIT_ONCE_MARKER: marker,
      }),
    });
    const fn = probe('ExitsOnce', { entry: 'test/integration/fixtures/isolation/exits-once.ts' });
    expect(await call(fn)).toEqual({ started: true });
    expect(existsSync(marker)).toBe(true);
    expect(lines.error).toEqual([
      expect.stringMatching(/ExitsOnce: exited with code 1 during init; starting it again/),
    ]);
  });
});

describe("Lambda's limits", () => {
  it('ends an invocation at its timeout and discards its environment', async () => {
    start();
    const fn = probe('Slow', { timeoutSeconds: 1 });
    expect((await call(fn)).invocations).toBe(1);
    await expect(call(fn, { sleepMs: 60_000 })).rejects.toBeInstanceOf(FunctionTimeoutError);
    // A new environment: its module state starts again.
    expect((await call(fn)).invocations).toBe(1);
    expect(lines.error).toEqual([expect.stringMatching(/Slow: .*Task timed out after 1\.00 seconds/)]);
  });

  it('fails an invocation that needs more memory than the function is given, and logs it', async () => {
    start();
    const fn = probe('Hungry', { memoryMb: 128 });
    expect((await call(fn, { holdMb: 16 })).held).toBe(16);
    const failure = call(fn, { holdMb: 512 });
    await expect(failure).rejects.toBeInstanceOf(FunctionOutOfMemoryError);
    await expect(failure).rejects.toMatchObject({ errorType: 'Runtime.OutOfMemory' });
    expect(lines.error).toEqual([expect.stringMatching(/Hungry: .*out of memory \(128 MB\)/)]);
    expect((await call(fn)).invocations).toBe(1);
  });

  it('refuses a response over 6 MB, as Lambda refuses a synchronous response payload', async () => {
    start();
    const fn = probe('Large');
    expect((await call(fn, { responseBytes: MAX_RESPONSE_BYTES - 100_000 })).padding).toHaveLength(
      MAX_RESPONSE_BYTES - 100_000,
    );
    const failure = call(fn, { responseBytes: MAX_RESPONSE_BYTES });
    await expect(failure).rejects.toBeInstanceOf(ResponseTooLargeError);
    await expect(failure).rejects.toMatchObject({ errorType: 'Function.ResponseSizeTooLarge' });
  });
});
