import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/auth/caller';
import { ForbiddenError, ValidationError } from '#shared/errors';
import { type ListGroupsInput, makeListGroups } from '#shared/groups/list-groups';
import type { Membership } from '#shared/memberships/membership';
import { adminOf, aGroup, aLearner, OTHER_TENANT, staff, TENANT } from '#test/unit/shared/fakes';

const ME = '33333333-3333-4333-8333-333333333333';
const learner: Caller = {
  issuer: 'https://idp.test',
  sub: ME,
  roles: new Set(['learner']),
  enterprises: new Set([TENANT]),
};
const small = aGroup({ group_uuid: 'a', name: 'A', external_id: 'SECRET-EXT-42', member_count: 1 });
const big = aGroup({ group_uuid: 'b', name: 'B', member_count: 9 });

const listGroups = makeListGroups(
  {
    list: async () => ({ items: [], next: null, previous: null, count: 0 }),
    listAll: async () => [],
    findByUnique: async () => undefined,
    getMany: async (uuids) =>
      new Map([small, big].filter((g) => uuids.includes(g.group_uuid)).map((g) => [g.group_uuid, g])),
  },
  {
    listByMember: async (_, ref) =>
      'learnerUuid' in ref && ref.learnerUuid === ME
        ? [small, big].map((g) => ({ group_uuid: g.group_uuid, status: 'active' }) as Membership)
        : [],
  },
  { get: async (_, uuid) => (uuid === ME ? aLearner({ learner_uuid: ME }) : undefined) },
);
const listing: ListGroupsInput = { sortBy: 'name', sortDir: 'asc', pageSize: 10 };
const refusal = (input: ListGroupsInput) =>
  listGroups(learner, input).then(
    () => undefined,
    (error: ValidationError) => error.details,
  );

describe('listGroups for a learner', () => {
  it('refuses a filter or a sort on a field the learner projection hides, naming the parameter', async () => {
    expect(await refusal({ ...listing, externalId: 'SECRET-EXT-42' })).toEqual([
      { path: 'query.external_id', message: 'not available to learners' },
    ]);
    for (const sortBy of ['member_count', 'created', 'modified'] as const)
      expect(await refusal({ ...listing, sortBy })).toEqual([
        { path: 'query.sort_by', message: 'not available to learners' },
      ]);
  });

  it('sorts by name and filters on the projection', async () => {
    const page = await listGroups(learner, { ...listing, sortDir: 'desc' });
    expect(page.items.map((g) => g.group_uuid)).toEqual(['b', 'a']);
    expect(page.items[1]).not.toHaveProperty('external_id');
    expect((await listGroups(learner, { ...listing, search: 'a' })).items.map((g) => g.group_uuid)).toEqual(['a']);
  });

  it('lets an admin sort the learner’s groups by member count', async () => {
    const page = await listGroups(adminOf(TENANT), {
      ...listing,
      learnerUuid: ME,
      sortBy: 'member_count',
      sortDir: 'desc',
    });
    expect(page.items.map((g) => g.group_uuid)).toEqual(['b', 'a']);
  });
});

describe('listGroups of a learner uuid that is no learner of the tenant', () => {
  const UNKNOWN = '44444444-4444-4444-8444-444444444444';
  const of = { ...listing, learnerUuid: UNKNOWN, enterpriseUuid: TENANT };

  it('answers staff and the tenant’s admins with no groups, as Open edX does', async () => {
    for (const caller of [staff, adminOf(TENANT)])
      expect(await listGroups(caller, of)).toMatchObject({ count: 0, items: [] });
  });

  it('refuses an admin of another tenant and a learner asking for someone else', async () => {
    await expect(listGroups(adminOf(OTHER_TENANT), of)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listGroups(learner, of)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
