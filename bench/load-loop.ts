/**
 * A closed-loop load: `connections` callers each run `op` back to back for `seconds` (after a
 * warm-up that is not recorded), so the load is fixed by concurrency and bounded in time.
 */
export async function runClosedLoop(
  op: (n: number) => Promise<void>,
  { connections, seconds, warmupSeconds = 1 }: { connections: number; seconds: number; warmupSeconds?: number },
): Promise<{ latenciesMs: number[]; errors: number; seconds: number; operations: number; firstError?: string }> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let n = 0;
  const started = performance.now();
  const recordFrom = started + warmupSeconds * 1000;
  const endAt = recordFrom + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < endAt) {
        const t0 = performance.now();
        try {
          await op(n++);
          if (t0 >= recordFrom) latenciesMs.push(performance.now() - t0);
        } catch (error) {
          if (t0 >= recordFrom) errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return { latenciesMs, errors, seconds: (performance.now() - recordFrom) / 1000, operations: n, firstError };
}
