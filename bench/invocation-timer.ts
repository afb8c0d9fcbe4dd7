import { catalog, DEFAULT_MEMORY_MB } from '#functions/catalog';
import type { HandlerLoader, LambdaHandler } from '#local/handler-loader';

export interface FunctionTime {
  invocations: number;
  /** Summed handler durations (each from call to settle), milliseconds. */
  ms: number;
  memory_mb: number;
}

export type FunctionTimes = Record<string, FunctionTime>;

/**
 * Wraps a handler loader so that every invocation of a catalog function is timed, the way Lambda
 * bills it: from the call to the handler's settle. Locally the handlers share one event loop (and two
 * cores with DynamoDB Local), so these durations are an upper bound of what Lambda would bill.
 */
export function timeInvocations(load: HandlerLoader) {
  const times: FunctionTimes = {};
  const byEntry = new Map(catalog.map((f) => [f.entry, f]));
  const wrapped: HandlerLoader = async (entry) => {
    const handler = await load(entry);
    const definition = byEntry.get(entry);
    const name = definition?.name ?? entry;
    const timed: LambdaHandler = async (event, context) => {
      const started = performance.now();
      try {
        return await handler(event, context);
      } finally {
        const t = (times[name] ??= { invocations: 0, ms: 0, memory_mb: definition?.memoryMb ?? DEFAULT_MEMORY_MB });
        t.invocations++;
        t.ms += performance.now() - started;
      }
    };
    return timed;
  };
  return { load: wrapped, snapshot: (): FunctionTimes => structuredClone(times) };
}

export type InvocationTimer = ReturnType<typeof timeInvocations>;

export function timesBetween(before: FunctionTimes, after: FunctionTimes): FunctionTimes {
  const out: FunctionTimes = {};
  for (const [name, a] of Object.entries(after)) {
    const b = before[name];
    const invocations = a.invocations - (b?.invocations ?? 0);
    if (invocations > 0) out[name] = { invocations, ms: a.ms - (b?.ms ?? 0), memory_mb: a.memory_mb };
  }
  return out;
}
