import { describe, expect, it } from 'vitest';
import type { Clock } from '#shared/clock';
import { RateLimitedError } from '#shared/errors';
import { RATE_LIMITS, rateLimits } from '#shared/throttle/rate-limits';
import { makeThrottle } from '#shared/throttle/throttle';
import { adminOf, OTHER_TENANT, staff, TENANT } from '../fakes';
import { fakeBuckets } from './fake-buckets';

function movableClock(iso = '2026-01-01T00:00:00.000Z') {
  let ms = Date.parse(iso);
  const clock: Clock = { now: () => new Date(ms).toISOString() };
  return { clock, advance: (seconds: number) => void (ms += seconds * 1000) };
}

const limits = {
  ...RATE_LIMITS,
  preview: {
    caller: { capacity: 2, refillPerSecond: 2 / 60 },
    tenant: { capacity: 3, refillPerSecond: 3 / 60 },
  },
};

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('throttle (per caller and per tenant)', () => {
  it('lets a caller through up to its capacity, then refuses with Retry-After seconds, per caller', async () => {
    const throttle = makeThrottle(fakeBuckets(), movableClock().clock, limits);
    await throttle('preview', staff, TENANT);
    await throttle('preview', staff, TENANT);
    const refused = await refusal(throttle('preview', staff, TENANT));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 30,
      details: [{ path: 'rate_limit.caller' }],
    });
    await throttle('preview', { ...staff, sub: 'someone-else' }, OTHER_TENANT);
  });

  it('refuses every caller of a tenant once the tenant spent its allowance, and no other tenant', async () => {
    const throttle = makeThrottle(fakeBuckets(), movableClock().clock, limits);
    const admin = (sub: string) => ({ ...adminOf(TENANT), sub });
    await throttle('preview', admin('a'), TENANT);
    await throttle('preview', admin('a'), TENANT);
    await throttle('preview', admin('b'), TENANT);
    const refused = await refusal(throttle('preview', admin('c'), TENANT));
    expect(refused).toMatchObject({ code: 'rate_limited', details: [{ path: 'rate_limit.tenant' }] });
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(20);
    await throttle('preview', { ...adminOf(OTHER_TENANT), sub: 'c' }, OTHER_TENANT);
  });

  it('does not spend the tenant’s allowance on calls its caller’s own limit refused', async () => {
    const throttle = makeThrottle(fakeBuckets(), movableClock().clock, limits);
    const noisy = { ...adminOf(TENANT), sub: 'noisy' };
    for (let i = 0; i < 2; i++) await throttle('preview', noisy, TENANT);
    for (let i = 0; i < 5; i++)
      expect(await refusal(throttle('preview', noisy, TENANT))).toBeInstanceOf(RateLimitedError);
    await throttle('preview', { ...adminOf(TENANT), sub: 'quiet' }, TENANT);
  });

  it('keeps each route’s buckets apart and refills them with the injected clock', async () => {
    const time = movableClock();
    const throttle = makeThrottle(fakeBuckets(), time.clock, limits);
    await throttle('preview', staff, TENANT);
    await throttle('preview', staff, TENANT);
    expect(await refusal(throttle('preview', staff, TENANT))).toBeInstanceOf(RateLimitedError);
    await throttle('export', staff, TENANT);
    time.advance(30);
    await throttle('preview', staff, TENANT);
    expect(await refusal(throttle('preview', staff, TENANT))).toBeInstanceOf(RateLimitedError);
  });

  it('sets bulk_enroll’s caller rate from the configuration and keeps the rest of the table', () => {
    const table = rateLimits(7);
    expect(table.bulk_enroll.caller).toEqual({ capacity: 7, refillPerSecond: 7 / 60 });
    expect(table.preview).toEqual(RATE_LIMITS.preview);
  });
});
