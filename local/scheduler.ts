import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { type FunctionDefinition, scheduleFunctions, type Trigger } from '#functions/catalog';
import { type ScheduleName, schedules } from '#functions/resources';
import { ACCOUNT_ID, REGION } from '#local/aws-account';
import type { Invoke } from '#local/invoker';
import type { LocalLog } from '#local/local-log';

type ScheduledFunction = FunctionDefinition & { trigger: Extract<Trigger, { type: 'schedule' }> };

/** One local timer: a schedule-triggered catalog entry and how often it runs. */
export interface LocalTimer {
  name: string;
  entry: string;
  schedule: ScheduleName;
  intervalMs: number;
  timeoutSeconds?: number | undefined;
  memoryMb?: number | undefined;
}

/**
 * The timers the local stack runs, from the catalog: one per schedule-triggered entry whose
 * schedule has an interval (a schedule set to `off` has none). The parity test compares this
 * list with the EventBridge rules of the CDK template.
 */
export function localTimers(
  intervals: Record<ScheduleName, number | null>,
  functions: readonly ScheduledFunction[] = scheduleFunctions,
): LocalTimer[] {
  return functions.flatMap((f) => {
    const intervalMs = intervals[f.trigger.schedule];
    if (intervalMs === null) return [];
    const { name, entry, timeoutSeconds, memoryMb } = f;
    return [{ name, entry, schedule: f.trigger.schedule, intervalMs, timeoutSeconds, memoryMb }];
  });
}

/** The event EventBridge delivers for a tick of a scheduled rule; `detail` is `{}` there. */
export function scheduledEvent(
  schedule: ScheduleName,
  time: Date,
  detail: Record<string, unknown> = {},
): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: ACCOUNT_ID,
    time: time.toISOString(),
    region: REGION,
    resources: [`arn:aws:events:${REGION}:${ACCOUNT_ID}:rule/${schedules[schedule].id}`],
    detail,
  };
}

export interface Scheduler {
  timers: LocalTimer[];
  /** Clears the timers; resolves once a tick that is running has finished. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  intervals: Record<ScheduleName, number | null>;
  /** Runs the scheduled function (local/invoker.ts). */
  invoke: Invoke;
  log: LocalLog;
  functions?: readonly ScheduledFunction[];
}

/**
 * Local stand-in for EventBridge schedules: every interval, calls the entry's handler with a
 * Scheduled Event of that moment. A tick that comes while the previous one still runs is skipped
 * with a warning (EventBridge would overlap them; locally one at a time is enough).
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const functions = options.functions ?? scheduleFunctions;
  const timers = localTimers(options.intervals, functions);
  const running = new Map<string, Promise<void>>();
  const handles = timers.map((timer) =>
    setInterval(() => {
      if (running.has(timer.name)) {
        options.log.warn(`${timer.name}: the previous ${timer.schedule} tick is still running; this one is skipped`);
        return;
      }
      const definition = functions.find((f) => f.name === timer.name)!;
      const tick = runTick(timer, definition, options).finally(() => running.delete(timer.name));
      running.set(timer.name, tick);
    }, timer.intervalMs),
  );
  return {
    timers,
    stop: async () => {
      handles.forEach(clearInterval);
      await Promise.all(running.values());
    },
  };
}

async function runTick(timer: LocalTimer, definition: FunctionDefinition, { invoke, log }: SchedulerOptions) {
  try {
    const result = await invoke(definition, scheduledEvent(timer.schedule, new Date()));
    log.info(`${timer.name}: ${timer.schedule} tick ${JSON.stringify(result ?? null)}`);
  } catch (error) {
    log.error(`${timer.name}: the ${timer.schedule} tick failed`, error);
  }
}
