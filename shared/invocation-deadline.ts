import { AsyncLocalStorage } from 'node:async_hooks';

const deadlines = new AsyncLocalStorage<number>();

/**
 * Runs `run` knowing when its invocation ends (Lambda's context counts down to the function's timeout),
 * so that work which waits and retries (a contended transaction) gives up in time to answer.
 */
export const withDeadline = <T>(context: { getRemainingTimeInMillis(): number }, run: () => Promise<T>): Promise<T> =>
  deadlines.run(Date.now() + context.getRemainingTimeInMillis(), run);

/** Milliseconds left in the current invocation; Infinity outside one (a test calling a use case). */
export function timeLeftMs(): number {
  const deadline = deadlines.getStore();
  return deadline === undefined ? Infinity : deadline - Date.now();
}
