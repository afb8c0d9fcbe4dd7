import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBranchRepository } from '#shared/branches/branch-repository';
import { makePutBranch } from '#shared/branches/put-branch';
import { randomIds, systemClock } from '#shared/clock';
import { keys } from '#shared/db/keys';
import { makeCleanupGroupMemberships } from '#shared/groups/cleanup-group-memberships';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeDeleteGroup } from '#shared/groups/delete-group';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeListGroups } from '#shared/groups/list-groups';
import { makeUpdateGroup } from '#shared/groups/update-group';
import { makeHistoryRepository } from '#shared/history/history-repository';
import { makeListGroupHistory } from '#shared/history/list-group-history';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeGetLearner } from '#shared/learners/read-learners';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { makeListGroupLearners } from '#shared/memberships/list-group-learners';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import { makeRemoveLearners } from '#shared/memberships/remove-learners';
import { searchGroupMembers } from '#shared/memberships/search-group-members';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';

let db: DynamoDBDocumentClient;
let table: string;
let repos: {
  groups: ReturnType<typeof makeGroupRepository>;
  memberships: ReturnType<typeof makeMembershipRepository>;
  learners: ReturnType<typeof makeLearnerRepository>;
  branches: ReturnType<typeof makeBranchRepository>;
  history: ReturnType<typeof makeHistoryRepository>;
};

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable();
  repos = {
    groups: makeGroupRepository(db, table),
    memberships: makeMembershipRepository(db, table),
    learners: makeLearnerRepository(db, table),
    branches: makeBranchRepository(db, table),
    history: makeHistoryRepository(db, table),
  };
});

/** A fresh tenant with its admin, so listings see only this test's data. */
function tenantFixture() {
  const tenant = randomUUID();
  const admin = adminOf(tenant);
  const deps = { ...repos, clock: systemClock, ids: randomIds };
  const put = makePutLearner(deps);
  return {
    tenant,
    admin,
    assign: makeAssignLearners(deps),
    remove: makeRemoveLearners(deps),
    list: makeListGroupLearners(repos.groups, repos.memberships, repos.learners),
    listGroups: makeListGroups(repos.groups, repos.memberships, repos.learners),
    createGroup: (name: string, extra: Record<string, unknown> = {}) =>
      makeCreateGroup(repos.groups, systemClock, randomIds)(admin, tenant, { name, ...extra }),
    putLearner: async (extra: Record<string, unknown> = {}, id = randomUUID()) => {
      await put(admin, tenant, id, { email: `${id}@example.com`, ...extra });
      return id;
    },
    putLearnerAs: put,
  };
}

const historyOf = async (groupUuid: string) => (await repos.history.list(groupUuid, 100)).items;

describe('history against DynamoDB Local', () => {
  it('records every group and membership change, newest first, and keeps it after the group is deleted', async () => {
    const t = tenantFixture();
    const group = await t.createGroup('Audited', { user_limit: 10 });
    const [a, b] = [await t.putLearner(), await t.putLearner()];
    await makeUpdateGroup(repos.groups, systemClock)(t.admin, group.group_uuid, { description: 'Sales reps' });
    await t.assign(t.admin, group.group_uuid, { learner_uuids: [a, b], permissions: ['PROCTOR'] });
    await t.remove(t.admin, group.group_uuid, { learner_uuids: [a] });
    await makeDeleteGroup(repos.groups, async () => {}, systemClock)(t.admin, group.group_uuid);
    await makeCleanupGroupMemberships(repos.groups, repos.memberships)(group.group_uuid, () => true);

    const entries = await makeListGroupHistory(repos.groups, repos.history)(t.admin, group.group_uuid, {
      pageSize: 100,
    });
    expect(entries.count).toBe(5);
    expect(entries.items.map((e) => e.action)).toEqual([
      'group_deleted',
      'memberships_changed',
      'memberships_changed',
      'group_updated',
      'group_created',
    ]);
    expect(entries.items.every((e) => e.actor === t.admin.sub)).toBe(true);
    const [deleted, removal, addition, update, creation] = entries.items;
    expect(creation?.changes?.user_limit).toEqual({ before: null, after: 10 });
    expect(update?.changes).toEqual({ description: { before: null, after: 'Sales reps' } });
    expect(addition).toMatchObject({ member_count_delta: 2 });
    expect(addition?.members?.map((m) => [m.learner_uuid, m.outcome, m.before, m.after?.permissions])).toEqual(
      expect.arrayContaining([
        [a, 'added', null, ['PROCTOR']],
        [b, 'added', null, ['PROCTOR']],
      ]),
    );
    expect(removal?.members).toEqual([
      expect.objectContaining({
        learner_uuid: a,
        outcome: 'removed',
        before: expect.objectContaining({ status: 'active' }),
        after: expect.objectContaining({ status: 'removed' }),
      }),
    ]);
    expect(deleted?.changes?.member_count).toEqual({ before: 1, after: null });
    // Another tenant's admin cannot read it, deleted or not.
    await expect(
      makeListGroupHistory(repos.groups, repos.history)(adminOf(randomUUID()), group.group_uuid, { pageSize: 10 }),
    ).rejects.toMatchObject({ code: 'group_not_found' });
  });

  it('audits activations and learner deletions', async () => {
    const t = tenantFixture();
    const group = await t.createGroup('Invites');
    const email = `later-${randomUUID()}@example.com`;
    await t.assign(t.admin, group.group_uuid, { learner_emails: [email] });
    const learner = randomUUID();
    await t.putLearnerAs(t.admin, t.tenant, learner, { email });
    const outcomes = (await historyOf(group.group_uuid)).flatMap((e) => e.members ?? []).map((m) => m.outcome);
    expect(outcomes).toEqual(['activated', 'invited']);
  });
});

describe('concurrent updates against DynamoDB Local', () => {
  it('applies every PATCH without If-Match on top of the others, and answers 412 only to one that required a version', async () => {
    const t = tenantFixture();
    const group = await t.createGroup('Contended');
    const update = makeUpdateGroup(repos.groups, systemClock);
    const tags = Array.from({ length: 8 }, (_, i) => `t${i}`);
    const answers = await Promise.allSettled(
      tags.map((tag) => update(t.admin, group.group_uuid, { description: tag })),
    );
    expect(answers.filter((a) => a.status === 'rejected')).toEqual([]);
    const stored = await repos.groups.get(group.group_uuid);
    expect(stored?.version).toBe(group.version + tags.length);
    const updates = (await historyOf(group.group_uuid)).filter((e) => e.action === 'group_updated');
    expect(updates).toHaveLength(tags.length);

    const stale = (version: number) => version === group.version;
    await expect(update(t.admin, group.group_uuid, { description: 'late' }, stale)).rejects.toMatchObject({
      code: 'version_mismatch',
    });
  });
});

describe('home group and permissions against DynamoDB Local', () => {
  it('moves the home group to the group that sets it last and clears it when that membership ends', async () => {
    const t = tenantFixture();
    const [g1, g2] = [await t.createGroup('Home 1'), await t.createGroup('Home 2')];
    const learner = await t.putLearner();
    const home = async (g: string) =>
      (await t.list(t.admin, g, { pageSize: 10 })).items.find((m) => m.learner_uuid === learner)?.home_group;

    const first = await t.assign(t.admin, g1.group_uuid, { learner_uuids: [learner], home_group: true });
    expect(first.results[0]).toMatchObject({ outcome: 'added', home_group: true });
    const second = await t.assign(t.admin, g2.group_uuid, { learner_uuids: [learner], home_group: true });
    expect(second.results[0]).toMatchObject({ outcome: 'added', home_group: true });
    expect(await home(g1.group_uuid)).toBe(false);
    expect(await home(g2.group_uuid)).toBe(true);

    // Already a member: setting it back is an update, not a new membership.
    const back = await t.assign(t.admin, g1.group_uuid, { learner_uuids: [learner], home_group: true });
    expect(back.results[0]).toMatchObject({ outcome: 'updated', home_group: true });
    expect(await home(g2.group_uuid)).toBe(false);
    const same = await t.assign(t.admin, g1.group_uuid, { learner_uuids: [learner], home_group: true });
    expect(same.skipped[0]?.outcome).toBe('already_member');

    await t.remove(t.admin, g1.group_uuid, { learner_uuids: [learner] });
    const profile = await makeGetLearner(repos.learners, repos.memberships, repos.groups)(t.admin, t.tenant, learner);
    expect(profile.groups).toEqual([expect.objectContaining({ group_uuid: g2.group_uuid, home_group: false })]);
    const revived = await t.assign(t.admin, g1.group_uuid, { learner_uuids: [learner] });
    expect(revived.results[0]).toMatchObject({ outcome: 'revived', home_group: false });
  });

  it("reads members' home-group pointers only for a group that may be someone's home group", async () => {
    const t = tenantFixture();
    let pointerReads = 0;
    const memberships = {
      ...repos.memberships,
      homeGroupsOf: (...args: Parameters<typeof repos.memberships.homeGroupsOf>) => {
        pointerReads++;
        return repos.memberships.homeGroupsOf(...args);
      },
    };
    const list = makeListGroupLearners(repos.groups, memberships, repos.learners);
    const homeOf = async (g: string, learner: string) =>
      (await list(t.admin, g, { pageSize: 10 })).items.find((m) => m.learner_uuid === learner)?.home_group;
    const flag = async (g: string) =>
      (await db.send(new GetCommand({ TableName: table, Key: keys.group(g) }))).Item?.home_members;
    const group = await t.createGroup('Flagged');
    const [learner, other] = [await t.putLearner(), await t.putLearner()];
    expect(await flag(group.group_uuid)).toBe(false);

    await t.assign(t.admin, group.group_uuid, { learner_uuids: [learner] });
    expect(await homeOf(group.group_uuid, learner)).toBe(false);
    expect(pointerReads).toBe(0);

    // Made the home group by an update (no member counted): the flag moves in that transaction.
    const update = await t.assign(t.admin, group.group_uuid, { learner_uuids: [learner], home_group: true });
    expect(update.results[0]).toMatchObject({ outcome: 'updated', home_group: true });
    expect(await flag(group.group_uuid)).toBe(true);
    expect(await homeOf(group.group_uuid, learner)).toBe(true);
    expect(pointerReads).toBe(1);

    // And by an add (the counter moves) in another group.
    const second = await t.createGroup('Flagged by an add');
    await t.assign(t.admin, second.group_uuid, { learner_uuids: [other], home_group: true });
    expect(await flag(second.group_uuid)).toBe(true);

    // A group written before the flag existed has none: it reads as maybe, and the pointers are read.
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.group(second.group_uuid),
        UpdateExpression: 'REMOVE home_members',
      }),
    );
    expect(await homeOf(second.group_uuid, other)).toBe(true);
    expect(pointerReads).toBe(2);
  });

  it('sets permissions on add, replaces them on re-assign, and carries them through activation', async () => {
    const t = tenantFixture();
    const group = await t.createGroup('Perms');
    const learner = await t.putLearner();
    const email = `pending-${randomUUID()}@example.com`;
    await t.assign(t.admin, group.group_uuid, {
      learner_uuids: [learner],
      learner_emails: [email],
      permissions: ['PROCTOR', 'MANAGE_GROUP', 'PROCTOR'] as never,
      home_group: true,
    });
    const updated = await t.assign(t.admin, group.group_uuid, { learner_uuids: [learner], permissions: [] });
    expect(updated.results[0]).toMatchObject({ outcome: 'updated', permissions: [], home_group: true });
    const joined = randomUUID();
    await t.putLearnerAs(t.admin, t.tenant, joined, { email });
    const members = (await t.list(t.admin, group.group_uuid, { pageSize: 10 })).items;
    expect(members.find((m) => m.learner_uuid === joined)).toMatchObject({
      status: 'active',
      permissions: ['MANAGE_GROUP', 'PROCTOR'],
      home_group: true,
    });
    expect(members.find((m) => m.learner_uuid === learner)).toMatchObject({ permissions: [], home_group: true });
  });
});

describe('branches and group copies against DynamoDB Local', () => {
  it('keeps the branch tree a forest and adds a branch with or without its descendants', async () => {
    const t = tenantFixture();
    const put = makePutBranch(repos.branches, systemClock);
    await put(t.admin, t.tenant, 'emea', { name: 'EMEA' });
    await put(t.admin, t.tenant, 'fr', { name: 'France', parent_id: 'emea' });
    await put(t.admin, t.tenant, 'paris', { name: 'Paris', parent_id: 'fr' });
    await expect(put(t.admin, t.tenant, 'emea', { name: 'EMEA', parent_id: 'paris' })).rejects.toMatchObject({
      code: 'branch_cycle',
    });
    await expect(put(t.admin, t.tenant, 'x', { name: 'X', parent_id: 'nowhere' })).rejects.toMatchObject({
      code: 'branch_parent_not_found',
    });
    const concurrent = await Promise.allSettled([
      put(t.admin, t.tenant, 'fr', { name: 'France', parent_id: 'paris' }),
      put(t.admin, t.tenant, 'paris', { name: 'Paris', parent_id: 'emea' }),
    ]);
    expect(concurrent.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    const tree = (await repos.branches.loadTree(t.tenant)).branches;
    const parentOf = new Map(tree.map((b) => [b.branch_id, b.parent_id]));
    expect(parentOf.get('fr') === 'paris' && parentOf.get('paris') === 'fr').toBe(false);
    // Put the tree back in order for the expansion.
    await put(t.admin, t.tenant, 'paris', { name: 'Paris', parent_id: 'emea' });
    await put(t.admin, t.tenant, 'fr', { name: 'France', parent_id: 'emea' });
    await put(t.admin, t.tenant, 'paris', { name: 'Paris', parent_id: 'fr' });

    const inEmea = await t.putLearner({ branch_id: 'emea' });
    const inParis = [await t.putLearner({ branch_id: 'paris' }), await t.putLearner({ branch_id: 'paris' })];
    await t.putLearner({ branch_id: 'elsewhere' });
    const group = await t.createGroup('By branch');
    const top = await t.assign(t.admin, group.group_uuid, {
      branch_ids: ['emea', 'unknown'],
      include_descendants: false,
    });
    expect(top.results.map((r) => r.learner_uuid)).toEqual([inEmea]);
    expect(top.errors).toEqual([expect.objectContaining({ identifier: 'unknown', outcome: 'not_found' })]);
    const all = await t.assign(t.admin, group.group_uuid, { branch_ids: ['emea'], learner_uuids: [inParis[0]!] });
    expect(all.count).toBe(2);
    expect(all.skipped).toEqual([expect.objectContaining({ identifier: inEmea, outcome: 'already_member' })]);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(3);
  });

  it('copies the active members of another group of the tenant, not its pending invitations', async () => {
    const t = tenantFixture();
    const source = await t.createGroup('Source');
    const [a, b, c] = [await t.putLearner(), await t.putLearner(), await t.putLearner()];
    await t.assign(t.admin, source.group_uuid, { learner_uuids: [a, b, c], learner_emails: ['wait@example.com'] });
    await t.remove(t.admin, source.group_uuid, { learner_uuids: [c] });
    const other = tenantFixture();
    const theirs = await other.createGroup('Theirs');
    const target = await t.createGroup('Target');
    const copied = await t.assign(t.admin, target.group_uuid, {
      group_uuids: [source.group_uuid, theirs.group_uuid, target.group_uuid],
    });
    expect(copied.results.map((r) => r.learner_uuid).sort()).toEqual([a, b].sort());
    expect(copied.errors.map((e) => e.outcome).sort()).toEqual(['invalid', 'not_found']);
  });
});

describe('search and sort against DynamoDB Local', () => {
  it('finds members by e-mail or name prefix, both through the group partition and through the indexes', async () => {
    const t = tenantFixture();
    const group = await t.createGroup('Searchable');
    const ada = await t.putLearner({ first_name: 'Ada', last_name: 'Lovelace' });
    const grace = await t.putLearner({ first_name: 'Grace', last_name: 'Brewster Hopper' });
    const outsider = await t.putLearner({ first_name: 'Ada', last_name: 'Outsider' });
    await t.assign(t.admin, group.group_uuid, { learner_uuids: [ada, grace], learner_emails: ['adam@pending.org'] });
    const loaded = (await repos.groups.get(group.group_uuid))!;
    const deps = { memberships: repos.memberships, learners: repos.learners };
    const filter = { statuses: ['active', 'pending'] as ('active' | 'pending')[] };
    for (const shape of [loaded, { ...loaded, member_count: 1_000_000 }]) {
      const find = async (search: string) =>
        (await searchGroupMembers(deps, shape, { ...filter, search })).members
          .map((m) => m.learner_uuid ?? m.pending_learner_email)
          .sort();
      expect(await find('ada')).toEqual([ada, 'adam@pending.org'].sort());
      expect(await find('HOPP')).toEqual([grace]);
      expect(await find('ada love')).toEqual([ada]);
      expect(await find(grace.slice(0, 8))).toEqual([grace]);
      expect(await find('zzz')).toEqual([]);
    }
    expect(outsider).toBeDefined();
    // Renaming moves the name index.
    await t.putLearnerAs(t.admin, t.tenant, grace, {
      email: `${grace}@example.com`,
      first_name: 'Grace',
      last_name: 'Murray',
    });
    const big = { ...loaded, member_count: 1_000_000 };
    expect((await searchGroupMembers(deps, big, { ...filter, search: 'hopper' })).members).toEqual([]);
    expect((await searchGroupMembers(deps, big, { ...filter, search: 'murr' })).members).toHaveLength(1);
    const page = await t.list(t.admin, group.group_uuid, { search: 'ada', pageSize: 1 });
    expect(page.count).toBe(2);
    expect(page.items).toHaveLength(1);
    const next = await t.list(t.admin, group.group_uuid, { search: 'ada', pageSize: 1, cursor: page.next! });
    expect(next.items[0]?.member_details.user_email).not.toBe(page.items[0]?.member_details.user_email);
    expect(next.next).toBeNull();
  });

  it('sorts groups by member_count and modified, searches descriptions, and finds one by external_id', async () => {
    const t = tenantFixture();
    const small = await t.createGroup('Small', { description: 'The Night shift', external_id: 'G-1' });
    const large = await t.createGroup('Large');
    const learners = [await t.putLearner(), await t.putLearner(), await t.putLearner()];
    await t.assign(t.admin, large.group_uuid, { learner_uuids: learners });
    await t.assign(t.admin, small.group_uuid, { learner_uuids: learners.slice(0, 1) });
    const names = async (q: Record<string, unknown>) =>
      (
        await t.listGroups(t.admin, {
          enterpriseUuid: t.tenant,
          sortBy: 'name',
          sortDir: 'asc',
          pageSize: 10,
          ...q,
        })
      ).items.map((g) => g.name);
    expect(await names({ sortBy: 'member_count', sortDir: 'desc' })).toEqual(['Large', 'Small']);
    expect(await names({ sortBy: 'member_count' })).toEqual(['Small', 'Large']);
    expect(await names({ sortBy: 'modified', sortDir: 'desc' })).toEqual(['Small', 'Large']);
    expect(await names({ search: 'NIGHT' })).toEqual(['Small']);
    expect(await names({ search: 'night', sortBy: 'member_count' })).toEqual(['Small']);
    expect(await names({ externalId: 'G-1' })).toEqual(['Small']);
    expect(await names({ externalId: 'G-2' })).toEqual([]);
    const firstPage = await t.listGroups(t.admin, {
      enterpriseUuid: t.tenant,
      sortBy: 'member_count',
      sortDir: 'desc',
      pageSize: 1,
    });
    expect(firstPage.count).toBe(2);
    const second = await t.listGroups(t.admin, {
      enterpriseUuid: t.tenant,
      sortBy: 'member_count',
      sortDir: 'desc',
      pageSize: 1,
      cursor: firstPage.next!,
    });
    expect(second.items.map((g) => g.name)).toEqual(['Small']);
  });

  it('lists the learners of a branch, by e-mail', async () => {
    const t = tenantFixture();
    const ids = [await t.putLearner({ branch_id: 'b1' }), await t.putLearner({ branch_id: 'b1' })];
    await t.putLearner({ branch_id: 'b2' });
    const page = await repos.learners.list({ tenant: t.tenant, branchId: 'b1', pageSize: 10 });
    expect(page.count).toBe(2);
    expect(page.items.map((l) => l.learner_uuid).sort()).toEqual(ids.sort());
    expect((await repos.learners.uuidsByBranch(t.tenant, 'b2', 10)).length).toBe(1);
  });
});
