import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleFunctions } from '#functions/catalog';
import type { Invoke } from '#local/invoker';
import type { LocalLog } from '#local/local-log';
import { defaultIntervals, formatInterval, IntervalError, parseInterval } from '#local/schedule-interval';
import { localTimers, scheduledEvent, startScheduler } from '#local/scheduler';
import { parseStartArgs } from '#local/start-args';
import { StartupError } from '#local/startup-error';

describe('local schedule intervals (RECALC_INTERVAL)', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['24h', 86_400_000],
    ['1d', 86_400_000],
    ['1500ms', 1_500],
    ['rate(1 day)', 86_400_000],
    ['rate(6 hours)', 21_600_000],
    ['rate(5 minutes)', 300_000],
    [' 2H ', 7_200_000],
  ])('reads %s as %i ms', (value, ms) => {
    expect(parseInterval(value, 'RECALC_INTERVAL')).toBe(ms);
  });

  it('reads off as no timer', () => {
    expect(parseInterval('off', 'RECALC_INTERVAL')).toBeNull();
  });

  it.each(['daily', '10', '-1h', '500ms', '30d', 'rate(1 week)'])('refuses %s, naming the variable', (value) => {
    expect(() => parseInterval(value, 'RECALC_INTERVAL')).toThrow(IntervalError);
    expect(() => parseInterval(value, 'RECALC_INTERVAL')).toThrow(/RECALC_INTERVAL/);
  });

  it('says that cron expressions run only in AWS', () => {
    expect(() => parseInterval('cron(0 3 * * ? *)', 'RECALC_INTERVAL')).toThrow(/only in AWS/);
  });

  it("defaults to the period of the schedule's AWS expression: daily", () => {
    expect(defaultIntervals()).toEqual({ recalculation: 86_400_000 });
    expect(formatInterval(86_400_000)).toBe('24h');
    expect(formatInterval(90_000)).toBe('90s');
    expect(formatInterval(1_500)).toBe('1500ms');
  });

  it('takes the interval from --recalc-interval or RECALC_INTERVAL, and reports a bad one at startup', () => {
    expect(parseStartArgs([], { RECALC_INTERVAL: '1h' })).toMatchObject({
      schedules: { recalculation: 3_600_000 },
    });
    expect(parseStartArgs(['--recalc-interval', 'off'], { RECALC_INTERVAL: '1h' })).toMatchObject({
      schedules: { recalculation: null },
    });
    expect(() => parseStartArgs([], { RECALC_INTERVAL: 'soon' })).toThrow(StartupError);
  });

  it('reads the change stream unless --change-stream or CHANGE_STREAM says off', () => {
    expect(parseStartArgs([], {})).not.toHaveProperty('changeStream');
    expect(parseStartArgs([], { CHANGE_STREAM: 'off' })).toMatchObject({ changeStream: false });
    expect(parseStartArgs(['--change-stream', 'on'], { CHANGE_STREAM: 'off' })).toMatchObject({ changeStream: true });
    expect(() => parseStartArgs(['--change-stream', 'no'], {})).toThrow(
      /--change-stream\/CHANGE_STREAM must be on or off/,
    );
  });
});

describe('local scheduler', () => {
  const silent: LocalLog = { info: () => {}, warn: () => {}, error: () => {} };
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-01T00:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has one timer per scheduled catalog function, none for a schedule that is off', () => {
    expect(localTimers({ recalculation: 60_000 })).toEqual(
      scheduleFunctions.map((f) => expect.objectContaining({ name: f.name, entry: f.entry, intervalMs: 60_000 })),
    );
    expect(localTimers({ recalculation: null })).toEqual([]);
  });

  it("invokes the function with a Scheduled Event of each tick's time", async () => {
    const events: { time: string; 'detail-type': string; source: string; detail: unknown }[] = [];
    const invoke: Invoke = async (_definition, event) => void events.push(event as never);
    const scheduler = startScheduler({ intervals: { recalculation: 60_000 }, invoke, log: silent });
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    await scheduler.stop();
    expect(events.map((e) => e.time)).toEqual(['2026-03-01T00:01:00.000Z', '2026-03-01T00:02:00.000Z']);
    expect(events[0]).toMatchObject({ 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(events).toHaveLength(2);
  });

  it('skips a tick while the previous one still runs, and says so', async () => {
    let release: () => void = () => {};
    let calls = 0;
    const warnings: string[] = [];
    const invoke: Invoke = async () => {
      calls++;
      await new Promise<void>((resolve) => (release = resolve));
    };
    const scheduler = startScheduler({
      intervals: { recalculation: 1_000 },
      invoke,
      log: { ...silent, warn: (line) => void warnings.push(line) },
    });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toBe(1);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/still running/);
    release();
    const stopped = scheduler.stop();
    await vi.advanceTimersByTimeAsync(0);
    await stopped;
  });

  it('logs a failed tick and keeps ticking', async () => {
    const errors: string[] = [];
    let calls = 0;
    const invoke: Invoke = async () => {
      calls++;
      throw new Error('table not reachable');
    };
    const scheduler = startScheduler({
      intervals: { recalculation: 1_000 },
      invoke,
      log: { ...silent, error: (line) => void errors.push(line) },
    });
    await vi.advanceTimersByTimeAsync(2_000);
    await scheduler.stop();
    expect(calls).toBe(2);
    expect(errors).toEqual([expect.stringMatching(/tick failed/), expect.stringMatching(/tick failed/)]);
  });

  it('names the rule of the schedule in the event, like EventBridge', () => {
    expect(scheduledEvent('recalculation', new Date('2026-03-01T00:00:00Z')).resources).toEqual([
      'arn:aws:events:us-east-1:000000000000:rule/RecalculationSchedule',
    ]);
  });
});
