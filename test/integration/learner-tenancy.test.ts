import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '#shared/auth/caller';
import { makeBranchRepository } from '#shared/branches/branch-repository';
import { randomIds, systemClock } from '#shared/clock';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeListGroups } from '#shared/groups/list-groups';
import { makeGetGroup } from '#shared/groups/read-group';
import { makeDeleteLearner } from '#shared/learners/delete-learner';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeGetLearner } from '#shared/learners/read-learners';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { makeListGroupLearners } from '#shared/memberships/list-group-learners';
import { COUNTED } from '#shared/memberships/membership';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import { makeRemoveLearners } from '#shared/memberships/remove-learners';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';

let repos: {
  groups: ReturnType<typeof makeGroupRepository>;
  memberships: ReturnType<typeof makeMembershipRepository>;
  learners: ReturnType<typeof makeLearnerRepository>;
  branches: ReturnType<typeof makeBranchRepository>;
};

beforeAll(async () => {
  const db = documentClient();
  const table = await createTestTable();
  repos = {
    groups: makeGroupRepository(db, table),
    memberships: makeMembershipRepository(db, table),
    learners: makeLearnerRepository(db, table),
    branches: makeBranchRepository(db, table),
  };
});

const deps = () => ({ ...repos, clock: systemClock, ids: randomIds });
const learnerOf = (tenant: string, sub: string): Caller => ({
  issuer: 'https://idp.test',
  sub,
  roles: new Set(['learner']),
  enterprises: new Set([tenant]),
});

/** Every outcome of an assign or remove summary, in one list. */
const allOutcomes = (s: { results: object[]; skipped: object[]; errors: object[] }) => [
  ...s.results,
  ...s.skipped,
  ...s.errors,
];

describe('learner uuids per tenant against DynamoDB Local', () => {
  it('provisions the same learner uuid in tenants A and B independently, whichever comes first', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const uuid = randomUUID();
    const put = makePutLearner(deps());
    // A's admin creates the uuid first; B's admin can still provision it (no squatting).
    expect(await put(adminOf(a), a, uuid, { email: `ada-${uuid}@a.example`, first_name: 'Ada' })).toMatchObject({
      created: true,
    });
    expect(await put(adminOf(b), b, uuid, { email: `bea-${uuid}@b.example`, first_name: 'Bea' })).toMatchObject({
      created: true,
    });
    await put(adminOf(a), a, uuid, { email: `ada-${uuid}@a.example`, first_name: 'Adele' });

    const getLearner = makeGetLearner(repos.learners, repos.memberships, repos.groups);
    expect(await getLearner(adminOf(a), a, uuid)).toMatchObject({
      enterprise_customer_uuid: a,
      first_name: 'Adele',
      version: 2,
    });
    expect(await getLearner(adminOf(b), b, uuid)).toMatchObject({
      enterprise_customer_uuid: b,
      email: `bea-${uuid}@b.example`,
      first_name: 'Bea',
      version: 1,
    });
    // The name-index items live in each tenant's own learner partition.
    expect((await repos.learners.searchUuids(a, 'bea', 10)).uuids).toEqual([]);
    expect((await repos.learners.searchUuids(b, 'bea', 10)).uuids).toEqual([uuid]);

    // Each tenant's groups see their own learner, and deleting A's leaves B's alone.
    const groupB = await makeCreateGroup(repos.groups, systemClock, randomIds)(adminOf(b), b, { name: 'B team' });
    await makeAssignLearners(deps())(adminOf(b), groupB.group_uuid, { learner_uuids: [uuid] });
    await makeDeleteLearner(repos.learners, repos.memberships, repos.groups, systemClock)(adminOf(a), a, uuid);
    expect(await repos.learners.get(a, uuid)).toBeUndefined();
    const members = await makeListGroupLearners(repos.groups, repos.memberships, repos.learners)(
      adminOf(b),
      groupB.group_uuid,
      { pageSize: 10 },
    );
    expect(members.items).toEqual([
      expect.objectContaining({
        learner_uuid: uuid,
        status: 'active',
        member_details: { user_email: `bea-${uuid}@b.example`, user_name: 'Bea' },
      }),
    ]);
    expect((await repos.learners.searchUuids(b, 'bea', 10)).uuids).toEqual([uuid]);
  });

  it("answers an assign and a remove of another tenant's learner uuid exactly as an unknown uuid", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const theirs = randomUUID();
    const unknown = randomUUID();
    await makePutLearner(deps())(adminOf(b), b, theirs, { email: `${theirs}@b.example` });
    const group = await makeCreateGroup(repos.groups, systemClock, randomIds)(adminOf(a), a, { name: 'A team' });
    const asUnknown = (r: object) => ({ ...r, identifier: unknown });

    const assigned = await makeAssignLearners(deps())(adminOf(a), group.group_uuid, {
      learner_uuids: [theirs, unknown],
    });
    const [foreign, missing] = allOutcomes(assigned);
    expect(missing).toEqual({ identifier: unknown, outcome: 'not_found', message: 'no learner with this uuid' });
    expect(asUnknown(foreign!)).toEqual(missing);
    expect(assigned.count).toBe(0);

    const removed = await makeRemoveLearners(deps())(adminOf(a), group.group_uuid, {
      learner_uuids: [theirs, unknown],
    });
    const [foreignRemoval, missingRemoval] = allOutcomes(removed);
    expect(missingRemoval).toMatchObject({ outcome: 'not_found' });
    expect(asUnknown(foreignRemoval!)).toEqual(missingRemoval);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(0);
  });
});

describe("a learner's view of its groups against DynamoDB Local", () => {
  const PROJECTION = ['description', 'enterprise_customer_uuid', 'group_uuid', 'name', 'status', 'type'];
  const HIDDEN = ['notification_emails', 'tags', 'external_id', 'legacy_id', 'user_limit', 'ruleset', 'version'];

  it('reads one group and lists its groups as the learner projection, while the admin still reads them whole', async () => {
    const tenant = randomUUID();
    const admin = adminOf(tenant);
    const me = randomUUID();
    await makePutLearner(deps())(admin, tenant, me, { email: `me-${me}@example.com` });
    const group = await makeCreateGroup(repos.groups, systemClock, randomIds)(admin, tenant, {
      name: 'Sales',
      description: 'Sales reps',
      external_id: 'HR-42',
      legacy_id: 42,
      user_limit: 10,
      notification_emails: ['hr-director@example.com'],
      tags: [{ name: 'region', values: ['emea'] }],
    });
    await makeAssignLearners(deps())(admin, group.group_uuid, {
      learner_uuids: [me],
      learner_emails: ['ceo@example.com'],
    });
    const isMember = async (groupUuid: string, learnerUuid: string) =>
      [...(await repos.memberships.getMany(groupUuid, [{ learnerUuid }])).values()].some((m) =>
        COUNTED.includes(m.status),
      );
    const getGroup = makeGetGroup(repos.groups, isMember);
    const listGroups = makeListGroups(repos.groups, repos.memberships, repos.learners);
    const listing = { sortBy: 'name', sortDir: 'asc', pageSize: 10 } as const;

    const one = await getGroup(learnerOf(tenant, me), group.group_uuid);
    expect(one.group).toEqual({
      group_uuid: group.group_uuid,
      name: 'Sales',
      enterprise_customer_uuid: tenant,
      description: 'Sales reps',
      type: 'manual',
      status: 'active',
    });
    const listed = await listGroups(learnerOf(tenant, me), listing);
    expect(listed.items).toEqual([one.group]);
    for (const view of [one.group, ...listed.items]) {
      expect(Object.keys(view).sort()).toEqual(PROJECTION);
      for (const field of HIDDEN) expect(view).not.toHaveProperty(field);
    }
    expect(JSON.stringify([one, listed])).not.toMatch(/hr-director|ceo@|HR-42|emea/);

    // The admin's reads are unchanged.
    expect((await getGroup(admin, group.group_uuid)).group).toMatchObject({
      notification_emails: ['hr-director@example.com'],
      external_id: 'HR-42',
      user_limit: 10,
    });
    expect((await listGroups(admin, { ...listing, learnerUuid: me })).items).toEqual([
      expect.objectContaining({ notification_emails: ['hr-director@example.com'], tags: group.tags }),
    ]);
  });
});
