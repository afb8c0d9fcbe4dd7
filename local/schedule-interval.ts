import { type ScheduleName, schedules } from '#functions/resources';

/** Longest interval a Node timer can wait (setInterval overflows past 2^31 - 1 ms and fires at once). */
const MAX_MS = 2 ** 31 - 1;

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const RATE_UNIT_MS: Record<string, number> = {
  minute: UNIT_MS.m,
  minutes: UNIT_MS.m,
  hour: UNIT_MS.h,
  hours: UNIT_MS.h,
  day: UNIT_MS.d,
  days: UNIT_MS.d,
};

export class IntervalError extends Error {
  override readonly name = 'IntervalError';
}

/**
 * A local schedule's interval in milliseconds, or null for "never" (`off`). Accepts a duration
 * (`90s`, `15m`, `1h`, `24h`, `1d`; `ms` too) or the EventBridge form `rate(<n> minute(s)|hour(s)|day(s))`,
 * so the stack's `recalcSchedule` value works here unchanged. Cron expressions have no local timer.
 */
export function parseInterval(value: string, name: string): number | null {
  const text = value.trim().toLowerCase();
  if (text === 'off') return null;
  const duration = /^(\d+)\s*(ms|s|m|h|d)$/.exec(text);
  const rate = /^rate\(\s*(\d+)\s+([a-z]+)\s*\)$/.exec(text);
  const ms = duration
    ? Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS]
    : rate && RATE_UNIT_MS[rate[2]!]
      ? Number(rate[1]) * RATE_UNIT_MS[rate[2]!]!
      : undefined;
  if (ms === undefined)
    throw new IntervalError(
      `${name} must be a duration like 30s, 15m, 1h or 24h, an EventBridge rate(…) expression, or off; got "${value}"` +
        (text.startsWith('cron(') ? ' (cron expressions run only in AWS)' : ''),
    );
  if (ms < 1_000) throw new IntervalError(`${name} must be at least 1s; got "${value}"`);
  if (ms > MAX_MS) throw new IntervalError(`${name} must be at most 24 days locally; got "${value}"`);
  return ms;
}

/** The local interval of each schedule when nothing is set: the period of its AWS default expression. */
export function defaultIntervals(): Record<ScheduleName, number | null> {
  return Object.fromEntries(
    Object.entries(schedules).map(([name, s]) => [name, parseInterval(s.defaultExpression, name)]),
  ) as Record<ScheduleName, number | null>;
}

/** `86400000` → `24h`, `90000` → `90s`: the largest unit that divides the interval. */
export function formatInterval(ms: number): string {
  if (ms % UNIT_MS.h === 0) return `${ms / UNIT_MS.h}h`;
  if (ms % UNIT_MS.m === 0) return `${ms / UNIT_MS.m}m`;
  if (ms % UNIT_MS.s === 0) return `${ms / UNIT_MS.s}s`;
  return `${ms}ms`;
}
