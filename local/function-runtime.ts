/**
 * Runs inside one function's worker thread, its execution environment: imports the handler once
 * (the cold start), then takes one invocation at a time from the parent, each inside
 * runAsFunction, and answers with the result serialized as Lambda returns it.
 */
import dns from 'node:dns';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { FunctionDefinition, FunctionLimits } from '#functions/catalog';
import { installSdkChecks, type LocalResources } from '#local/grants';
import type { LambdaHandler } from '#local/handler-loader';
import { runAsFunction } from '#local/invocation-context';
import { createLambdaContext } from '#local/lambda-context';

export interface FunctionWorkerData {
  definition: FunctionDefinition;
  /** The stack's table, bucket and queues, which the function's grants name. */
  resources: LocalResources;
  limits: FunctionLimits;
  /** The repository root the entry is relative to. */
  root: string;
}

export interface InvokeMessage {
  type: 'invoke';
  event: unknown;
  requestId: string;
  /** Epoch ms at which the parent ends the invocation (getRemainingTimeInMillis counts down to it). */
  deadline: number;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: SerializedError }
  | { type: 'result'; payload: string; durationMs: number; heapGrowthBytes: number }
  | { type: 'error'; error: SerializedError; durationMs: number; heapGrowthBytes: number };

const { definition, resources, limits, root } = workerData as FunctionWorkerData;
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
const serialize = (error: unknown): SerializedError =>
  error instanceof Error
    ? { name: error.name, message: error.message, ...(error.stack && { stack: error.stack }) }
    : { name: 'Error', message: String(error) };

// fauxqs names queues `sqs.<region>.localhost`; the stack's process resolves `*.localhost` to the
// loopback (fauxqs interceptLocalhostDns), and so must this isolate, which has its own dns module.
const lookup = dns.lookup;
dns.lookup = ((hostname: string, options: unknown, callback: unknown) => {
  if (typeof hostname === 'string' && hostname.endsWith('.localhost')) {
    const cb = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    return all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4);
  }
  return (lookup as (...args: unknown[]) => void)(hostname, options, callback);
}) as typeof dns.lookup;

// Before the handler module loads: every SDK client this function creates refuses what its catalog
// entry does not grant, as IAM would (the refusal is logged on this worker's stderr).
installSdkChecks(resources);

let handler: LambdaHandler;
try {
  const module = (await import(pathToFileURL(resolve(root, definition.entry)).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`${definition.entry} does not export a handler function`);
  handler = module.handler as LambdaHandler;
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'init-error', error: serialize(error) });
  port.close();
}

port.on('message', async ({ event, requestId, deadline }: InvokeMessage) => {
  const context = createLambdaContext({ name: definition.name, ...limits }, requestId, deadline);
  const heapBefore = getHeapStatistics().used_heap_size;
  const started = performance.now();
  const measured = () => ({
    durationMs: performance.now() - started,
    heapGrowthBytes: getHeapStatistics().used_heap_size - heapBefore,
  });
  try {
    const result = await runAsFunction(definition, () => handler(event, context));
    // As Lambda returns it: JSON (the parent refuses it over Lambda's response limit).
    post({ type: 'result', payload: JSON.stringify(result ?? null), ...measured() });
  } catch (error) {
    post({ type: 'error', error: serialize(error), ...measured() });
  }
});
