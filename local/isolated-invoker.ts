import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { FunctionDefinition, FunctionLimits } from '#functions/catalog';
import type { FunctionWorkerData, InvokeMessage, SerializedError, WorkerMessage } from '#local/function-runtime';
import {
  FunctionInvocationError,
  FunctionOutOfMemoryError,
  FunctionTimeoutError,
  type Invoker,
  type InvokerFactory,
  localLimits,
  logInvocation,
  returnedPayload,
} from '#local/invoker';
import { repoRoot } from '#local/paths';
import { functionEnvironment, type StackEnvironment } from '#local/stack-env';

/**
 * Execution environments of one function at most at once. Lambda scales much further; locally, past
 * this, invocations wait for a free one (the e2e suite and the pollers' 8 concurrent chunk batches
 * stay under it).
 */
export const MAX_ENVIRONMENTS_PER_FUNCTION = 8;

/** Starts of an environment whose worker exits silently during init, before its error is the invocation's. */
const INIT_ATTEMPTS = 3;

export interface IsolationOptions {
  maxEnvironmentsPerFunction?: number;
  /** The variables a function's isolate gets (default: functionEnvironment). Mutation tests take one away. */
  environment?: (
    definition: FunctionDefinition,
    stack: StackEnvironment,
    limits: FunctionLimits,
  ) => Record<string, string>;
  /** The directory catalog entries are relative to (default: the repository root). */
  root?: string;
}

/** One execution environment: a worker thread with the function's handler loaded. */
interface Environment {
  worker: Worker;
  invocations: number;
}

interface Pool {
  idle: Environment[];
  /** Environments alive or starting. */
  size: number;
  waiting: ((environment: Environment | Error) => void)[];
}

/**
 * Each function in its own execution environments, as Lambda runs it: a worker thread per
 * environment with exactly that function's environment variables (functionEnvironment) and its own
 * module state, its memory as the thread's heap limit. The first invocation starts one (a cold
 * start); later ones reuse an idle one (warm), one invocation at a time each; a function whose
 * environments are all busy gets another, up to maxEnvironmentsPerFunction, then invocations queue.
 * An invocation past the function's timeout, or out of memory, ends its environment, as Lambda
 * discards it.
 */
export const isolated =
  (options: IsolationOptions = {}): InvokerFactory =>
  (stack, log, timeoutScale) => {
    const max = options.maxEnvironmentsPerFunction ?? MAX_ENVIRONMENTS_PER_FUNCTION;
    const environmentOf =
      options.environment ?? ((definition, s, limits) => functionEnvironment(definition, s, limits.memoryMb));
    const root = options.root ?? repoRoot;
    const pools = new Map<string, Pool>();
    const all = new Set<Environment>();
    let stopped = false;

    /**
     * A new environment of the function. A worker that exits during init without a word (no init
     * error, no exception: its TypeScript loader died, which a busy machine makes happen now and then)
     * is started again, up to INIT_ATTEMPTS in all, as Lambda retries a failed init on the next
     * invocation; an init that throws is the function's own error and is not retried.
     */
    async function start(definition: FunctionDefinition, limits: FunctionLimits): Promise<Environment> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await startOnce(definition, limits);
        } catch (error) {
          const silentExit = error instanceof FunctionInvocationError && error.errorType === 'Runtime.ExitError';
          if (!silentExit || attempt >= INIT_ATTEMPTS || stopped) throw error;
          log.error(
            `${definition.name}: ${error.message}; starting it again (attempt ${attempt + 1} of ${INIT_ATTEMPTS})`,
          );
        }
      }
    }

    function startOnce(definition: FunctionDefinition, limits: FunctionLimits): Promise<Environment> {
      const resources = {
        tableName: stack.tableName,
        bucket: stack.bucket,
        queueUrls: stack.queueUrls,
        dlqUrls: stack.dlqUrls,
      };
      const workerData: FunctionWorkerData = { definition, resources, limits, root };
      const worker = new Worker(new URL('./function-worker.mjs', import.meta.url), {
        workerData,
        env: environmentOf(definition, stack, limits),
        // tsx is registered by the worker's entry; the parent's loader flags are not for it.
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      });
      const environment: Environment = { worker, invocations: 0 };
      all.add(environment);
      // An environment may also die between invocations (a rejection its last invocation left behind,
      // as a Lambda runtime exits on one): it leaves its pool at once (its error comes before its exit,
      // and no invocation may be handed to it in between), and its error is logged, not thrown here.
      const retire = () => {
        all.delete(environment);
        const pool = pools.get(definition.name);
        const idle = pool?.idle.indexOf(environment) ?? -1;
        if (pool && idle >= 0) {
          pool.idle.splice(idle, 1);
          pool.size--;
        }
      };
      worker.on('error', (error) => {
        if (worker.listenerCount('error') === 1) {
          retire();
          log.error(`${definition.name}: an idle environment failed: ${error.message}`);
        }
      });
      worker.once('exit', retire);
      return new Promise((resolve, reject) => {
        const settle = (outcome: Error | undefined) => {
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          if (outcome) {
            void worker.terminate();
            reject(outcome);
          } else resolve(environment);
        };
        const onMessage = (message: WorkerMessage) => {
          if (message.type === 'ready') settle(undefined);
          else if (message.type === 'init-error') settle(initError(definition, message.error));
        };
        const onError = (error: Error) => settle(workerFailure(definition, limits, error));
        const onExit = (code: number) =>
          settle(
            new FunctionInvocationError(
              'Runtime.ExitError',
              `${definition.name}: exited with code ${code} during init`,
            ),
          );
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      });
    }

    async function acquire(definition: FunctionDefinition, limits: FunctionLimits): Promise<Environment> {
      let pool = pools.get(definition.name);
      if (!pool) pools.set(definition.name, (pool = { idle: [], size: 0, waiting: [] }));
      const idle = pool.idle.pop();
      if (idle) return idle;
      if (pool.size >= max) {
        const next = await new Promise<Environment | Error>((resolve) => pool.waiting.push(resolve));
        if (next instanceof Error) throw next;
        return next;
      }
      pool.size++;
      try {
        return await start(definition, limits);
      } catch (error) {
        pool.size--;
        throw error;
      }
    }

    /** Back to the pool, or gone (discarded after a timeout, a crash, an out-of-memory). */
    function release(definition: FunctionDefinition, limits: FunctionLimits, environment: Environment, alive: boolean) {
      const pool = pools.get(definition.name)!;
      if (alive && !stopped) {
        const waiter = pool.waiting.shift();
        if (waiter) waiter(environment);
        else pool.idle.push(environment);
        return;
      }
      pool.size--;
      void environment.worker.terminate();
      const waiter = pool.waiting.shift();
      if (!waiter) return;
      if (stopped) return waiter(new Error('the local stack is stopping'));
      pool.size++;
      start(definition, limits).then(waiter, (error: Error) => {
        pool.size--;
        waiter(error);
      });
    }

    function run(
      definition: FunctionDefinition,
      limits: FunctionLimits,
      { worker }: Environment,
      message: InvokeMessage,
    ): Promise<{ reply: Extract<WorkerMessage, { type: 'result' | 'error' }> } | { failure: Error }> {
      return new Promise((resolve) => {
        const settle = (
          outcome: { reply: Extract<WorkerMessage, { type: 'result' | 'error' }> } | { failure: Error },
        ) => {
          clearTimeout(timer);
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          resolve(outcome);
        };
        const onMessage = (reply: WorkerMessage) => {
          if (reply.type === 'result' || reply.type === 'error') settle({ reply });
        };
        const onError = (error: Error) => settle({ failure: workerFailure(definition, limits, error) });
        const onExit = (code: number) =>
          settle({
            failure: new FunctionInvocationError('Runtime.ExitError', `${definition.name}: exited with code ${code}`),
          });
        const timer = setTimeout(
          () => settle({ failure: new FunctionTimeoutError(definition.name, limits.timeoutSeconds) }),
          message.deadline - Date.now(),
        );
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        worker.postMessage(message);
      });
    }

    const invoker: Invoker = {
      async invoke(definition, event, { requestId = randomUUID() } = {}) {
        if (stopped) throw new Error('the local stack is stopping');
        const limits = localLimits(definition, timeoutScale);
        const started = performance.now();
        const environment = await acquire(definition, limits);
        const coldStart = environment.invocations++ === 0;
        const deadline = Date.now() + limits.timeoutSeconds * 1000;
        const outcome = await run(definition, limits, environment, { type: 'invoke', event, requestId, deadline });
        release(definition, limits, environment, !('failure' in outcome));
        if ('failure' in outcome) {
          const durationMs = performance.now() - started;
          log.error(
            `${definition.name}: invocation ended after ${durationMs.toFixed(0)} ms: ${outcome.failure.message}`,
          );
          throw outcome.failure;
        }
        const { reply } = outcome;
        logInvocation(log, definition.name, { ...reply, coldStart });
        if (reply.type === 'error') throw handlerError(reply.error);
        return returnedPayload(definition.name, reply.payload);
      },
      async stop() {
        stopped = true;
        for (const pool of pools.values())
          for (const waiter of pool.waiting.splice(0)) waiter(new Error('the local stack is stopping'));
        await Promise.all([...all].map((environment) => environment.worker.terminate()));
      },
    };
    return invoker;
  };

function workerFailure(definition: FunctionDefinition, limits: FunctionLimits, error: Error): Error {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new FunctionOutOfMemoryError(definition.name, limits.memoryMb);
  }
  // What escapes the handler's promise (an unhandled rejection, a throw in a callback) ends the runtime.
  return new FunctionInvocationError('Runtime.UnhandledError', `${definition.name}: ${error.name}: ${error.message}`);
}

function initError(definition: FunctionDefinition, error: SerializedError): Error {
  return new FunctionInvocationError(
    'Runtime.ImportModuleError',
    `${definition.name}: ${error.name}: ${error.message}`,
  );
}

/** The handler's own error, rebuilt in this thread with its name, message and stack. */
function handlerError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
