import { AsyncLocalStorage } from 'node:async_hooks';
import type { FunctionDefinition } from '#functions/catalog';

const invoking = new AsyncLocalStorage<FunctionDefinition>();

/**
 * The catalog function whose invocation the current code runs in (every await of a handler, and what
 * it starts, stays inside it), or undefined outside any local invocation, as in a test that calls a
 * use case directly. Local checks that AWS makes per function (its IAM grants) read it.
 */
export const currentFunction = (): FunctionDefinition | undefined => invoking.getStore();

/** Runs `invoke` as an invocation of `definition`. */
export const runAsFunction = <T>(definition: FunctionDefinition, invoke: () => Promise<T>): Promise<T> =>
  invoking.run(definition, invoke);
