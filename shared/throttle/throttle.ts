import { createHash } from 'node:crypto';
import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { RateLimitedError } from '#shared/errors';
import type { LimitedRoute, RouteLimits } from './rate-limits';
import type { ThrottleRepository } from './throttle-repository';

/** Spends a call of `route` for this caller in this tenant, or throws RateLimitedError (429). */
export type Throttle = (route: LimitedRoute, caller: Caller, tenant: string) => Promise<void>;

/** A caller's bucket subject: its identity hashed, so no issuer or sub can shape another's key. */
const callerSubject = (caller: Caller) =>
  createHash('sha256').update(`${caller.issuer}\u0000${caller.sub}`).digest('hex').slice(0, 32);

/**
 * Per-caller and per-tenant token buckets of a route. The caller's bucket is spent first, so a
 * caller over its own limit never drains its tenant's; a call the tenant's bucket refuses has spent
 * the caller's token. Call it only after authorization: a tenant's bucket is spent only by callers
 * who act on that tenant, never by another tenant's requests for its resources.
 */
export const makeThrottle =
  (buckets: Pick<ThrottleRepository, 'spend'>, clock: Clock, limits: Record<LimitedRoute, RouteLimits>): Throttle =>
  async (route, caller, tenant) => {
    const nowMs = Date.parse(clock.now());
    const byCaller = await buckets.spend(`${route}#caller`, callerSubject(caller), nowMs, limits[route].caller);
    if (!byCaller.ok) throw new RateLimitedError(byCaller.retryAfterSeconds, route, 'caller');
    const byTenant = await buckets.spend(`${route}#tenant`, tenant, nowMs, limits[route].tenant);
    if (!byTenant.ok) throw new RateLimitedError(byTenant.retryAfterSeconds, route, 'tenant');
  };

/** A throttle that lets everything through (use cases wired without one, and their tests). */
export const unthrottled: Throttle = async () => {};
