import { describe, expect, it } from 'vitest';
import { pastRetryWindow, retryDelaySeconds } from '#shared/webhooks/retry-schedule';

describe('webhook retry schedule', () => {
  it('doubles the ceiling per failed attempt up to the cap (the largest draw)', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 10, 11, 20].map((n) => retryDelaySeconds(n, 900, () => 1));
    expect(ceilings).toEqual([2, 4, 8, 16, 32, 64, 900, 900, 900]);
  });

  it('draws uniformly below the ceiling (full jitter), never under a second', () => {
    expect(retryDelaySeconds(6, 900, () => 0.5)).toBe(32);
    expect(retryDelaySeconds(6, 900, () => 0)).toBe(1);
    const draws = Array.from({ length: 200 }, () => retryDelaySeconds(8, 900));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...draws)).toBeLessThanOrEqual(256);
    expect(new Set(draws).size).toBeGreaterThan(20);
  });

  it('ends the retries a day after the first attempt', () => {
    expect(pastRetryWindow('2026-12-01T00:00:00.000Z', '2026-12-01T23:59:59.999Z')).toBe(false);
    expect(pastRetryWindow('2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z')).toBe(true);
  });
});
