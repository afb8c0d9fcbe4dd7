import type { Caller } from '#shared/auth/caller';
import type { Clock, IdGenerator } from '#shared/clock';
import { DEFAULT_REMOVAL_GUARD, type Group } from '#shared/groups/group';
import type { Learner } from '#shared/learners/learner';

export const TENANT = '11111111-1111-4111-8111-111111111111';
export const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';

export const staff: Caller = {
  issuer: 'https://idp.test',
  sub: 'staff-1',
  roles: new Set(['staff']),
  enterprises: new Set(),
};
export const adminOf = (tenant: string): Caller => ({
  issuer: 'https://idp.test',
  sub: 'admin-1',
  roles: new Set(['enterprise_admin']),
  enterprises: new Set([tenant]),
});

export const fixedClock = (iso = '2026-01-01T00:00:00.000Z'): Clock => ({ now: () => iso });

/** Deterministic uuids: 00000000-0000-4000-8000-000000000001, …02, … */
export function sequentialIds(): IdGenerator {
  let n = 0;
  return { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}

export function aLearner(overrides: Partial<Learner> = {}): Learner {
  return {
    learner_uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
    enterprise_customer_uuid: TENANT,
    email: 'ada@example.com',
    username: null,
    first_name: 'Ada',
    last_name: 'Lovelace',
    employee_id: null,
    state_id: null,
    branch_id: null,
    attributes: {},
    status: 'active',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aGroup(overrides: Partial<Group> = {}): Group {
  return {
    group_uuid: 'gggggggg-0000-4000-8000-000000000001'.replaceAll('g', 'c'),
    name: 'Sales',
    enterprise_customer_uuid: TENANT,
    description: null,
    type: 'manual',
    status: 'active',
    external_id: null,
    legacy_id: null,
    user_limit: null,
    removal_guard: DEFAULT_REMOVAL_GUARD,
    member_count: 0,
    notification_emails: [],
    tags: [],
    learning_modules: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** An in-memory learner directory with the repository's lookup surface (learners keyed per tenant). */
export function fakeLearners(all: Learner[]) {
  return {
    getMany: async (tenant: string, uuids: string[]) =>
      new Map(
        all
          .filter((l) => l.enterprise_customer_uuid === tenant && uuids.includes(l.learner_uuid))
          .map((l) => [l.learner_uuid, l]),
      ),
    findUuids: async (tenant: string, _kind: string, values: string[]) =>
      new Map(
        all
          .filter((l) => l.enterprise_customer_uuid === tenant && values.includes(l.email))
          .map((l) => [l.email, l.learner_uuid]),
      ),
  };
}
