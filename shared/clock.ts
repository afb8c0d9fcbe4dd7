import { randomUUID } from 'node:crypto';

/** Time and identity, injected into use cases so tests are deterministic. */
export interface Clock {
  now(): string;
}
export interface IdGenerator {
  uuid(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
export const randomIds: IdGenerator = { uuid: () => randomUUID() };
