/**
 * A value built on its first use and kept for the life of the process. The wiring modules build every
 * repository and use case this way, so a function needs only the environment of what it calls.
 *
 * Where the result is exported, the call carries a `@__PURE__` annotation: esbuild then drops the
 * exports a function's bundle never uses, and with them everything only they import (a read handler
 * keeps no queue client, no CSV parser, no other domain's use cases). Without it the call counts as
 * a side effect and stays; esbuild honours `@__NO_SIDE_EFFECTS__` on a declaration only within its
 * own file, so the annotation goes on each call.
 */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
