import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '#shared/throttle/rate-limits';
import { api, tokenFor } from './client';

const PREVIEW = '/api/v1/enterprise-group/preview';
const ruleset = {
  operator: 'AND',
  sets: [{ rules: [{ type: 'attribute', payload: { field: 'department', op: 'equals', value: 'sales' } }] }],
};

/** Calls until the first 429 (at most `max` calls); the calls that passed and the refusal. */
async function untilLimited(token: string, tenant: string, max: number) {
  let passed = 0;
  for (let i = 0; i < max; i++) {
    const res = await api('POST', PREVIEW, { token, body: { enterprise_customer_uuid: tenant, ruleset } });
    if (res.status === 429) return { passed, limited: res };
    expect(res.status).toBe(200);
    passed++;
  }
  return { passed, limited: undefined };
}

describe('rate limits over HTTP', () => {
  const { caller: perCaller, tenant: perTenant } = RATE_LIMITS.preview;

  it('answers 429 rate_limited with Retry-After once a caller spent its preview allowance', async () => {
    const tenant = randomUUID();
    const admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: `busy-${randomUUID()}` });
    // Refills are seconds apart (60 / capacity), so at most a few of these calls can be refills.
    const { passed, limited } = await untilLimited(admin, tenant, perCaller.capacity * 2);
    expect(passed).toBeGreaterThanOrEqual(perCaller.capacity);
    expect(limited?.json).toMatchObject({ code: 'rate_limited', details: [{ path: 'rate_limit.caller' }] });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another caller of the same tenant is not affected.
    const other = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: `calm-${randomUUID()}` });
    expect((await untilLimited(other, tenant, 1)).passed).toBe(1);
  });

  it('answers 429 for every caller of a tenant once its callers together spent the tenant’s allowance', async () => {
    const tenant = randomUUID();
    const callers = Math.ceil((perTenant.capacity * 2) / (perCaller.capacity - 1));
    let total = 0;
    let limited: Awaited<ReturnType<typeof api>> | undefined;
    for (let i = 0; i < callers && !limited; i++) {
      const admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: `team-${randomUUID()}` });
      // Each caller stays below its own limit, so only the tenant's bucket can refuse.
      const run = await untilLimited(admin, tenant, perCaller.capacity - 1);
      total += run.passed;
      limited = run.limited;
    }
    expect(total).toBeGreaterThanOrEqual(perTenant.capacity);
    expect(limited?.status).toBe(429);
    expect(limited?.json).toMatchObject({ code: 'rate_limited', details: [{ path: 'rate_limit.tenant' }] });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another tenant is not affected.
    const elsewhere = randomUUID();
    const admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [elsewhere] });
    expect((await untilLimited(admin, elsewhere, 1)).passed).toBe(1);
  });
});
