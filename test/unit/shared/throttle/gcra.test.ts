import { describe, expect, it } from 'vitest';
import { admit } from '#shared/throttle/gcra';

const limits = { capacity: 3, refillPerSecond: 0.5 };

describe('admit (a token bucket kept as its arrival time)', () => {
  it('starts full and lets `capacity` calls through at once, then refuses', () => {
    let tat: number | undefined;
    for (let i = 0; i < 3; i++) {
      const call = admit(tat, 1_000, limits);
      expect(call.ok).toBe(true);
      if (call.ok) tat = call.tatMs;
    }
    expect(tat).toBe(1_000 + 3 * 2_000);
    expect(admit(tat, 1_000, limits)).toEqual({ ok: false, retryAfterSeconds: 2 });
  });

  it('refuses an empty bucket with the whole seconds until a token is back', () => {
    // A bucket whose next token is 0.2 s away.
    expect(admit(7_000, 2_800, limits)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(admit(1_000 + 2_000, 1_000, { capacity: 1, refillPerSecond: 0.5 })).toEqual({
      ok: false,
      retryAfterSeconds: 2,
    });
  });

  it('refills with elapsed time, never beyond the capacity', () => {
    const empty = 1_000 + 3 * 2_000;
    expect(admit(empty, 3_000, limits)).toEqual({ ok: true, tatMs: empty + 2_000 });
    // An hour later the bucket is full again: three calls, not more.
    let tat: number | undefined = empty;
    let passed = 0;
    for (let i = 0; i < 10; i++) {
      const call = admit(tat, 3_600_000, limits);
      if (!call.ok) break;
      tat = call.tatMs;
      passed++;
    }
    expect(passed).toBe(3);
  });

  it('refills nothing when the clock goes backwards', () => {
    expect(admit(1_000 + 3 * 2_000, 500, limits).ok).toBe(false);
  });
});
