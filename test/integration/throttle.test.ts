import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '#shared/clock';
import { keys } from '#shared/db/keys';
import { RateLimitedError } from '#shared/errors';
import { RATE_LIMITS } from '#shared/throttle/rate-limits';
import { makeThrottle } from '#shared/throttle/throttle';
import { makeThrottleRepository } from '#shared/throttle/throttle-repository';
import { adminOf, staff } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';

let db: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable('throttle');
});

const at = (ms: number): Clock => ({ now: () => new Date(ms).toISOString() });
const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const limits = (capacity: number, refillPerSecond: number) => ({ capacity, refillPerSecond });

describe('throttle buckets against DynamoDB Local', () => {
  it('lets exactly `capacity` of many racing calls through', async () => {
    const buckets = makeThrottleRepository(db, table);
    const subject = randomUUID();
    const spend = () => buckets.spend('test', subject, T0, limits(10, 0.0001));
    const settled = await Promise.all(Array.from({ length: 25 }, spend));
    const passed = settled.filter((s) => s.ok).length;
    expect(passed).toBeLessThanOrEqual(10);
    // Lost races are refused, not let through; the rest of the bucket is still there for the next calls.
    const more = await Promise.all(Array.from({ length: 10 }, spend));
    expect(passed + more.filter((s) => s.ok).length).toBe(10);
    expect(settled.find((s) => !s.ok)).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
  });

  it('refills an idle bucket whole, never beyond capacity, and refuses with the seconds to wait', async () => {
    const buckets = makeThrottleRepository(db, table);
    const subject = randomUUID();
    const per = limits(2, 2 / 60); // a token every 30 s
    expect(await buckets.spend('test', subject, T0, per)).toEqual({ ok: true });
    expect(await buckets.spend('test', subject, T0, per)).toEqual({ ok: true });
    expect(await buckets.spend('test', subject, T0, per)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(await buckets.spend('test', subject, T0 + 10_000, per)).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(await buckets.spend('test', subject, T0 + 30_000, per)).toEqual({ ok: true });
    // A day later: full again (two calls), not a day's worth of tokens.
    const later = T0 + 86_400_000;
    const day = await Promise.all([0, 1, 2].map(() => buckets.spend('test', subject, later, per)));
    expect(day.filter((s) => s.ok)).toHaveLength(2);
  });

  it('stores one item per bucket that expires once the bucket is full again, and refusals write nothing', async () => {
    const buckets = makeThrottleRepository(db, table);
    const subject = randomUUID();
    const per = limits(1, 1);
    await buckets.spend('test', subject, T0, per);
    const read = async () =>
      (await db.send(new GetCommand({ TableName: table, Key: keys.throttle('test', subject) }))).Item;
    const before = await read();
    expect(before).toMatchObject({ entity: 'throttle', tat: T0 + 1000, expires_at: Math.ceil((T0 + 2000) / 1000) });
    expect(await buckets.spend('test', subject, T0, per)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await read()).toEqual(before);
  });

  it('answers 429 for the tenant once its callers together spent its allowance', async () => {
    const tenant = randomUUID();
    const table429 = { ...RATE_LIMITS, recalculate: { caller: limits(5, 0.001), tenant: limits(3, 0.001) } };
    const throttle = makeThrottle(makeThrottleRepository(db, table), at(T0), table429);
    for (const sub of ['a', 'b', 'c']) await throttle('recalculate', { ...adminOf(tenant), sub }, tenant);
    const refused = await throttle('recalculate', { ...adminOf(tenant), sub: 'd' }, tenant).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({ details: [{ path: 'rate_limit.tenant' }] });
    await throttle('recalculate', staff, randomUUID());
  });
});
