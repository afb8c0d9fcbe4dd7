import {
  type AttributeValue,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { streamFunctions } from '#functions/catalog';
import { currentFunction } from '#local/invocation-context';

/**
 * The stream consumer reads every change through the same client; the faults here are aimed at the
 * calls that make the changes, so its calls pass (its own faults: test/integration/change-events.test.ts).
 */
const UNTARGETED = new Set(streamFunctions.map((f) => f.name));

/** The middleware surface of an AWS SDK v3 client (the document client shares its client's stack). */
interface MiddlewareHost {
  middlewareStack: {
    add(middleware: unknown, options: { step: 'finalizeRequest'; priority: 'low'; name: string }): void;
    remove(name: string): boolean;
  };
}

/**
 * What a fault answers instead of DynamoDB: an error, or an output built from the request (the
 * request arrives marshalled; the output is returned as the SDK's deserializer would, in plain values).
 */
export type FaultAnswer = { error: () => Error } | { output: (input: Record<string, unknown>) => unknown };

export interface Fault {
  /** Command name, e.g. `TransactWriteItemsCommand`, `BatchGetItemCommand`. */
  command: string;
  /** Only requests whose serialized input contains this text (a group uuid, a job id). */
  touching?: string;
  /** Matching requests let through before the fault starts. */
  skip?: number;
  /** How many matching requests fail; `Infinity` until cleared. */
  times: number;
  answer: FaultAnswer;
}

export interface FaultHandle {
  /** Matching requests the fault answered so far. */
  readonly hits: number;
  clear(): void;
}

const NAME = 'reliability-fault-injector';

/**
 * Injects DynamoDB faults into a live SDK client, below its retry middleware: the SDK's own retry
 * strategy (throttling backoff, maxAttempts) and every caller above it see the fault exactly as they
 * would see DynamoDB's answer. Used only for faults DynamoDB Local does not produce on demand.
 */
export function installFaultInjector(client: MiddlewareHost) {
  const faults: { fault: Fault; seen: number; hits: number; cleared: boolean }[] = [];
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: { input: Record<string, unknown> }) => {
        const caller = currentFunction()?.name;
        for (const f of faults) {
          if (caller !== undefined && UNTARGETED.has(caller)) break;
          if (f.cleared || f.fault.command !== context.commandName) continue;
          if (f.fault.touching !== undefined && !JSON.stringify(args.input).includes(f.fault.touching)) continue;
          f.seen++;
          if (f.seen <= (f.fault.skip ?? 0) || f.hits >= f.fault.times) continue;
          f.hits++;
          const { answer } = f.fault;
          if ('error' in answer) throw answer.error();
          return { response: { statusCode: 200, headers: {} }, output: answer.output(args.input) };
        }
        return next(args);
      },
    { step: 'finalizeRequest', priority: 'low', name: NAME },
  );
  return {
    inject(fault: Fault): FaultHandle {
      const entry = { fault, seen: 0, hits: 0, cleared: false };
      faults.push(entry);
      return {
        get hits() {
          return entry.hits;
        },
        clear: () => {
          entry.cleared = true;
        },
      };
    },
    clearAll() {
      for (const f of faults) f.cleared = true;
    },
    uninstall() {
      client.middlewareStack.remove(NAME);
    },
  };
}

export type FaultInjector = ReturnType<typeof installFaultInjector>;

const metadata = { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 };

/** DynamoDB refusing a request for capacity (what the SDK retries with its throttling backoff). */
export const throughputExceeded = (): FaultAnswer => ({
  error: () =>
    new ProvisionedThroughputExceededException({
      message: 'injected: the level of configured provisioned throughput for the table was exceeded',
      $metadata: metadata,
    }),
});

/** The throttling answer of on-demand tables and the control plane. */
export const throttling = (): FaultAnswer => ({
  error: () =>
    Object.assign(new Error('injected: rate of requests exceeds the allowed throughput'), {
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: metadata,
    }),
});

/** A transaction cancelled because another transaction was writing one of its items at the same time. */
export const transactionConflict = (): FaultAnswer => ({
  error: () =>
    new TransactionCanceledException({
      message:
        'injected: Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
      $metadata: metadata,
      CancellationReasons: [
        { Code: 'None' },
        { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' },
      ],
    }),
});

/** A failure no retry fixes: a worker that fails the same way on every delivery (a poison message). */
export const poison = (): FaultAnswer => ({
  error: () => Object.assign(new Error('injected: poison'), { name: 'InjectedPoisonError' }),
});

/** A BatchGetItem answered with every key handed back unprocessed, as DynamoDB does under throttling. */
export const allKeysUnprocessed = (): FaultAnswer => ({
  output: (input) => {
    const requested = input.RequestItems as Record<string, { Keys: Record<string, AttributeValue>[] }>;
    const unprocessed = Object.fromEntries(
      Object.entries(requested).map(([table, r]) => [table, { ...r, Keys: r.Keys.map((k) => unmarshall(k)) }]),
    );
    return { Responses: {}, UnprocessedKeys: unprocessed, $metadata: {} };
  },
});
