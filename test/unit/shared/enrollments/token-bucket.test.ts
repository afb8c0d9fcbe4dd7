import { describe, expect, it } from 'vitest';
import { takeToken } from '#shared/enrollments/token-bucket';

const limits = { capacity: 3, refillPerSecond: 0.5 };

describe('takeToken', () => {
  it('starts full and spends one token per call', () => {
    const first = takeToken(undefined, 1_000, limits);
    expect(first).toEqual({ ok: true, next: { tokens: 2, updatedMs: 1_000 } });
  });

  it('refuses an empty bucket with the whole seconds until a token is back', () => {
    expect(takeToken({ tokens: 0.2, updatedMs: 1_000 }, 1_000, limits)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(takeToken({ tokens: 0, updatedMs: 1_000 }, 1_000, { capacity: 1, refillPerSecond: 10 })).toEqual({
      ok: false,
      retryAfterSeconds: 1,
    });
  });

  it('refills with elapsed time, never beyond the capacity', () => {
    const later = takeToken({ tokens: 0, updatedMs: 0 }, 4_000, limits);
    expect(later).toEqual({ ok: true, next: { tokens: 1, updatedMs: 4_000 } });
    const muchLater = takeToken({ tokens: 0, updatedMs: 0 }, 3_600_000, limits);
    expect(muchLater).toEqual({ ok: true, next: { tokens: 2, updatedMs: 3_600_000 } });
  });

  it('refills nothing when the clock goes backwards', () => {
    expect(takeToken({ tokens: 0, updatedMs: 5_000 }, 1_000, limits).ok).toBe(false);
  });
});
