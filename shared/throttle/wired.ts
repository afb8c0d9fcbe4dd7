import { systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { db } from '#shared/db/client';
import { once } from '#shared/once';
import { rateLimits } from './rate-limits';
import { makeThrottle } from './throttle';
import { makeThrottleRepository } from './throttle-repository';

/** The per-caller and per-tenant rate limits of the expensive routes (shared/throttle/rate-limits.ts). */
export const throttle = /* @__PURE__ */ once(() =>
  makeThrottle(makeThrottleRepository(db, config.tableName), systemClock, rateLimits(config.bulkEnrollRatePerMinute)),
);
