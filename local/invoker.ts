import { randomUUID } from 'node:crypto';
import { type FunctionDefinition, type FunctionLimits, limitsOf } from '#functions/catalog';
import { createHandlerLoader, type HandlerLoader } from '#local/handler-loader';
import { runAsFunction } from '#local/invocation-context';
import { createLambdaContext } from '#local/lambda-context';
import type { LocalLog } from '#local/local-log';
import { applyStackEnv, type StackEnvironment } from '#local/stack-env';

/**
 * Lambda's limit on a synchronous invocation's response (the handler's result as JSON): a bigger
 * one fails the invocation (Function.ResponseSizeTooLarge), which API Gateway answers with a 500.
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

export interface InvokeOptions {
  /** The invocation's id (the context's awsRequestId); the HTTP API passes its own request id. */
  requestId?: string;
}

/** Runs one invocation of a catalog function and resolves to its result, as Lambda's Invoke does. */
export type Invoke = (definition: FunctionDefinition, event: unknown, options?: InvokeOptions) => Promise<unknown>;

/** How the local stack runs its functions: the seam between triggers (HTTP, pollers, timers) and handlers. */
export interface Invoker {
  invoke: Invoke;
  /** Ends every execution environment; invocations still running are failed. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Builds the stack's invoker once the stack knows its resources (table, queues, endpoints).
 * `timeoutScale` stretches every function's timeout (see localLimits).
 */
export type InvokerFactory = (stack: StackEnvironment, log: LocalLog, timeoutScale?: number) => Invoker;

/**
 * A function's limits as the local stack enforces them: its memory, and its timeout times
 * `timeoutScale` (default 1: as deployed). DynamoDB Local on a shared laptop core is several times
 * slower than DynamoDB, so a suite that loads it hard (the e2e run) may stretch every timeout alike.
 */
export function localLimits(definition: FunctionDefinition, timeoutScale = 1): FunctionLimits {
  if (!(timeoutScale >= 1)) throw new RangeError(`a timeout scale is at least 1, got ${timeoutScale}`);
  const limits = limitsOf(definition);
  return { ...limits, timeoutSeconds: limits.timeoutSeconds * timeoutScale };
}

/** An invocation that failed the way Lambda reports it (the error type Lambda's Invoke returns). */
export class FunctionInvocationError extends Error {
  override readonly name: string = 'FunctionInvocationError';
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

/** The function ran past its timeout; Lambda stops it and discards its execution environment. */
export class FunctionTimeoutError extends FunctionInvocationError {
  override readonly name = 'FunctionTimeoutError';
  constructor(functionName: string, timeoutSeconds: number) {
    super('Sandbox.Timedout', `${functionName}: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`);
  }
}

/** The function needed more memory than it is given; Lambda kills its execution environment. */
export class FunctionOutOfMemoryError extends FunctionInvocationError {
  override readonly name = 'FunctionOutOfMemoryError';
  constructor(functionName: string, memoryMb: number) {
    super('Runtime.OutOfMemory', `${functionName}: Runtime exited with error: out of memory (${memoryMb} MB)`);
  }
}

/** The result is larger than Lambda returns from a synchronous invocation. */
export class ResponseTooLargeError extends FunctionInvocationError {
  override readonly name = 'ResponseTooLargeError';
  constructor(functionName: string, bytes: number) {
    super(
      'Function.ResponseSizeTooLarge',
      `${functionName}: response payload size (${bytes} bytes) exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes)`,
    );
  }
}

/**
 * A result (serialized to JSON by the function's runtime) as Lambda returns it to its caller: JSON (so `undefined` fields vanish and
 * dates become strings), and refused over MAX_RESPONSE_BYTES.
 */
export function returnedPayload(functionName: string, payload: string): unknown {
  const bytes = Buffer.byteLength(payload);
  if (bytes > MAX_RESPONSE_BYTES) throw new ResponseTooLargeError(functionName, bytes);
  return JSON.parse(payload);
}

/** One line per invocation: how long it took and how much the heap grew. */
export function logInvocation(
  log: LocalLog,
  name: string,
  { durationMs, heapGrowthBytes, coldStart }: { durationMs: number; heapGrowthBytes?: number; coldStart?: boolean },
): void {
  const heap =
    heapGrowthBytes === undefined ? '' : `, heap ${heapGrowthBytes >= 0 ? '+' : ''}${mb(heapGrowthBytes)} MB`;
  log.info(`${name}: invocation ${durationMs.toFixed(0)} ms${heap}${coldStart ? ' (cold start)' : ''}`);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export interface InProcessOptions {
  /** Resolves entries to handlers (default: import each once); tests wrap it to inject a crashing worker. */
  load?: HandlerLoader;
}

/**
 * Every function in this process, sharing its environment (applyStackEnv puts every function's
 * variables in process.env) and its module state. For tests that inject SDK faults into the
 * handlers' own clients (aws-sdk-client-mock works only in the same process) and for the bench's
 * meters. The timeout fails the invocation but cannot stop it; memory is not limited.
 */
export const inProcess =
  (options: InProcessOptions = {}): InvokerFactory =>
  (stack, log, timeoutScale) => {
    applyStackEnv(stack);
    const load = options.load ?? createHandlerLoader();
    return {
      async invoke(definition, event, { requestId = randomUUID() } = {}) {
        const limits = localLimits(definition, timeoutScale);
        const handler = await load(definition.entry);
        const started = performance.now();
        const heapBefore = process.memoryUsage().heapUsed;
        try {
          const context = createLambdaContext({ name: definition.name, ...limits }, requestId);
          const result = await withTimeout(
            runAsFunction(definition, () => handler(event, context)),
            limits.timeoutSeconds * 1000,
            () => new FunctionTimeoutError(definition.name, limits.timeoutSeconds),
          );
          return returnedPayload(definition.name, JSON.stringify(result ?? null));
        } finally {
          const heapGrowthBytes = process.memoryUsage().heapUsed - heapBefore;
          logInvocation(log, definition.name, { durationMs: performance.now() - started, heapGrowthBytes });
        }
      },
      stop: async () => {},
    };
  };

function withTimeout<T>(promise: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
