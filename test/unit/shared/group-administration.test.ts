import { describe, expect, it } from 'vitest';
import { type Branch, descendantsOf, wouldCycle } from '#shared/branches/branch';
import { makePutBranch } from '#shared/branches/put-branch';
import type { MemberRef } from '#shared/db/keys';
import { pageSorted } from '#shared/db/page-sorted';
import { TooManyIdentifiersError, UserLimitExceededError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import { groupDeletedEntry, groupUpdatedEntry, type HistoryEntry } from '#shared/history/history-entry';
import type { Learner } from '#shared/learners/learner';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { chunksOf, type Planned } from '#shared/memberships/commit-planned';
import { expandMemberSources } from '#shared/memberships/expand-member-sources';
import { type Membership, type MembershipWrite, refKey, refOf, writeRef } from '#shared/memberships/membership';
import { makeListGroupLearners, MAX_MEMBERS_SORTED_IN_MEMORY } from '#shared/memberships/list-group-learners';
import { searchGroupMembers } from '#shared/memberships/search-group-members';
import { adminOf, aGroup, aLearner, fakeLearners, fixedClock, OTHER_TENANT, sequentialIds, TENANT } from './fakes';

const uuidOf = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const learnersN = (n: number, extra: (i: number) => Partial<Learner> = () => ({})) =>
  Array.from({ length: n }, (_, i) =>
    aLearner({ learner_uuid: uuidOf(i + 1), email: `l${i + 1}@example.com`, ...extra(i) }),
  );

/**
 * An in-memory group with its memberships, home pointers and history, with the repositories'
 * conditions: the counter never passes the user limit, a changed membership cancels the commit.
 */
function fakeStore(group: Group, directory: Learner[], branches: Branch[] = [], others: Group[] = []) {
  const members = new Map<string, Membership>();
  const homes = new Map<string, string>();
  const history: HistoryEntry[] = [];
  const state = { group: { ...group } };
  const groupsById = () => new Map([state.group, ...others].map((g) => [g.group_uuid, g]));
  return {
    members,
    homes,
    history,
    state,
    groups: {
      get: async (id: string) => groupsById().get(id),
      getMany: async (ids: string[]) =>
        new Map(ids.flatMap((id) => (groupsById().has(id) ? [[id, groupsById().get(id)!] as const] : []))),
    },
    learners: {
      ...fakeLearners(directory),
      uuidsByBranch: async (_tenant: string, branchId: string, max: number) =>
        directory
          .filter((l) => l.branch_id === branchId)
          .map((l) => l.learner_uuid)
          .slice(0, max + 1),
    },
    branches: { loadTree: async () => ({ branches, version: 1 }) },
    memberships: {
      getMany: async (_g: string, refs: MemberRef[]) =>
        new Map(refs.flatMap((r) => (members.has(refKey(r)) ? [[refKey(r), members.get(refKey(r))!] as const] : []))),
      homeGroupsOf: async (_t: string, refs: MemberRef[]) =>
        new Map(refs.flatMap((r) => (homes.has(refKey(r)) ? [[refKey(r), homes.get(refKey(r))!] as const] : []))),
      activeLearnerUuids: async () => [],
      // An assign activates an invitation whose learner appeared meanwhile; these directories never change.
      activate: async () => 'gone' as const,
      commit: async (g: Group, writes: MembershipWrite[], _at: string, entry: HistoryEntry) => {
        const delta = writes.reduce((n, w) => n + (w.kind === 'remove' ? -1 : w.kind === 'update' ? 0 : 1), 0);
        const limit = state.group.user_limit;
        if (delta > 0 && (g.user_limit !== limit || (limit !== null && state.group.member_count + delta > limit)))
          return { ok: false as const, groupFailed: true, failedRefs: [] };
        for (const w of writes) {
          if (w.kind === 'remove') continue;
          members.set(refKey(refOf(w.membership)), w.membership);
          if (w.home === 'set') homes.set(refKey(writeRef(w)), g.group_uuid);
          if (w.home === 'clear') homes.delete(refKey(writeRef(w)));
        }
        state.group = { ...state.group, member_count: state.group.member_count + delta };
        history.push(entry);
        return { ok: true as const };
      },
    },
  };
}

function assignWith(store: ReturnType<typeof fakeStore>) {
  return makeAssignLearners({ ...store, clock: fixedClock(), ids: sequentialIds() });
}

describe('assign under a user limit', () => {
  it('adds what fits and reports the rest over_capacity', async () => {
    const store = fakeStore(aGroup({ user_limit: 3, member_count: 1 }), learnersN(4));
    const result = await assignWith(store)(adminOf(TENANT), aGroup().group_uuid, {
      learner_uuids: learnersN(4).map((l) => l.learner_uuid),
    });
    expect(result.count).toBe(2);
    expect(result.errors.map((e) => e.outcome)).toEqual(['over_capacity', 'over_capacity']);
    expect(store.state.group.member_count).toBe(3);
  });

  it('refuses a call none of whose adds fits with user_limit_exceeded, and writes nothing', async () => {
    const store = fakeStore(aGroup({ user_limit: 2, member_count: 2 }), learnersN(3));
    const assign = assignWith(store);
    const call = assign(adminOf(TENANT), aGroup().group_uuid, { learner_uuids: [uuidOf(1), uuidOf(2)] });
    await expect(call).rejects.toBeInstanceOf(UserLimitExceededError);
    await expect(call).rejects.toMatchObject({ code: 'user_limit_exceeded' });
    expect(store.history).toHaveLength(0);
    // A job chunk reports per row instead.
    const chunk = await assign(adminOf(TENANT), aGroup().group_uuid, { learner_uuids: [uuidOf(1)] }, { opId: 'j#1' });
    expect(chunk.errors).toEqual([expect.objectContaining({ outcome: 'over_capacity' })]);
  });

  it('does not refuse a full group when the call changes something else', async () => {
    const store = fakeStore(aGroup({ user_limit: 1 }), learnersN(2));
    const assign = assignWith(store);
    await assign(adminOf(TENANT), aGroup().group_uuid, { learner_uuids: [uuidOf(1)] });
    const result = await assign(adminOf(TENANT), aGroup().group_uuid, {
      learner_uuids: [uuidOf(1), uuidOf(2)],
      permissions: ['PROCTOR'],
    });
    expect(result.results.map((r) => r.outcome)).toEqual(['updated']);
    expect(result.errors.map((r) => r.outcome)).toEqual(['over_capacity']);
  });

  it('never counts a settings update as a seat', async () => {
    const store = fakeStore(aGroup({ user_limit: 1 }), learnersN(1));
    const assign = assignWith(store);
    await assign(adminOf(TENANT), aGroup().group_uuid, { learner_uuids: [uuidOf(1)] });
    const again = await assign(adminOf(TENANT), aGroup().group_uuid, { learner_uuids: [uuidOf(1)], home_group: true });
    expect(again.results).toEqual([expect.objectContaining({ outcome: 'updated', home_group: true })]);
    expect(store.state.group.member_count).toBe(1);
    expect(store.history.at(-1)).toMatchObject({ member_count_delta: 0, actor: 'admin-1' });
  });
});

describe('assign by branch and by group', () => {
  const tree: Branch[] = [
    { branch_id: 'root', parent_id: null, name: 'Root', enterprise_customer_uuid: TENANT, created: '', modified: '' },
    { branch_id: 'kid', parent_id: 'root', name: 'Kid', enterprise_customer_uuid: TENANT, created: '', modified: '' },
  ];

  it('refuses a sync call whose expansion passes 1000 learners, before writing anything', async () => {
    const many = learnersN(1001, (i) => ({ branch_id: i % 2 ? 'root' : 'kid' }));
    const store = fakeStore(aGroup(), many, tree);
    await expect(
      assignWith(store)(adminOf(TENANT), aGroup().group_uuid, { branch_ids: ['root'] }),
    ).rejects.toBeInstanceOf(TooManyIdentifiersError);
    expect(store.members.size).toBe(0);
    const onlyRoot = await assignWith(store)(adminOf(TENANT), aGroup().group_uuid, {
      branch_ids: ['root'],
      include_descendants: false,
    });
    expect(onlyRoot.count).toBe(500);
  });

  it('reports unknown, repeated and self sources, and names each learner once', async () => {
    const directory = learnersN(3, (i) => ({ branch_id: i < 2 ? 'kid' : null }));
    const store = fakeStore(aGroup(), directory, tree, [
      aGroup({ group_uuid: uuidOf(99), enterprise_customer_uuid: OTHER_TENANT }),
    ]);
    const expanded = await expandMemberSources(store, TENANT, aGroup().group_uuid, {
      branch_ids: ['kid', 'root', 'kid', 'nope'],
      group_uuids: [aGroup().group_uuid, uuidOf(99), 'x'],
    });
    expect(expanded.learnerUuids.sort()).toEqual([uuidOf(1), uuidOf(2)]);
    expect(expanded.rejected.map((r) => [r.identifier, r.outcome])).toEqual([
      ['kid', 'duplicate_in_request'],
      ['nope', 'not_found'],
      [aGroup().group_uuid, 'invalid'],
      ['x', 'invalid'],
      [uuidOf(99), 'not_found'],
    ]);
    const result = await assignWith(store)(adminOf(TENANT), aGroup().group_uuid, {
      branch_ids: ['kid'],
      learner_uuids: [uuidOf(1)],
    });
    expect(result.results.map((r) => r.identifier).sort()).toEqual([uuidOf(1), uuidOf(2)]);
  });
});

describe('branch tree', () => {
  const b = (branch_id: string, parent_id: string | null): Branch => ({
    branch_id,
    parent_id,
    name: branch_id,
    enterprise_customer_uuid: TENANT,
    created: '',
    modified: '',
  });
  const tree = [b('a', null), b('b', 'a'), b('c', 'b'), b('d', 'a'), b('z', null)];

  it('finds a loop when the new parent is the branch or below it', () => {
    expect(wouldCycle(tree, 'a', 'c')).toBe(true);
    expect(wouldCycle(tree, 'a', 'a')).toBe(true);
    expect(wouldCycle(tree, 'c', 'd')).toBe(false);
    expect(wouldCycle(tree, 'new', 'c')).toBe(false);
  });

  it('lists a branch and everything below it once', () => {
    expect(descendantsOf(tree, 'a').sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(descendantsOf(tree, 'z')).toEqual(['z']);
  });

  it('refuses unknown parents and cycles with their own codes', async () => {
    const repo = { loadTree: async () => ({ branches: tree, version: 3 }), put: async () => true };
    const put = makePutBranch(repo, fixedClock());
    await expect(put(adminOf(TENANT), TENANT, 'x', { name: 'X', parent_id: 'nope' })).rejects.toMatchObject({
      code: 'branch_parent_not_found',
      details: [{ path: 'body.parent_id' }],
    });
    await expect(put(adminOf(TENANT), TENANT, 'b', { name: 'B', parent_id: 'c' })).rejects.toMatchObject({
      code: 'branch_cycle',
    });
    await expect(put(adminOf(TENANT), TENANT, 'b', { name: 'B' })).resolves.toMatchObject({ created: false });
    const stale = { loadTree: repo.loadTree, put: async () => false };
    await expect(makePutBranch(stale, fixedClock())(adminOf(TENANT), TENANT, 'q', { name: 'Q' })).rejects.toMatchObject(
      { code: 'concurrent_modification' },
    );
  });
});

describe('pageSorted', () => {
  const items = Array.from({ length: 7 }, (_, i) => `k${i}`);

  it('pages forwards and backwards without repeating or skipping, in both directions', () => {
    for (const descending of [false, true]) {
      const seen: string[] = [];
      let page = pageSorted(items, (x) => x, { pageSize: 3, descending });
      seen.push(...page.items);
      expect(page.previous).toBeNull();
      while (page.next) {
        page = pageSorted(items, (x) => x, { pageSize: 3, cursor: page.next, descending });
        seen.push(...page.items);
      }
      expect(seen).toEqual(descending ? [...items].reverse() : items);
      const back = pageSorted(items, (x) => x, { pageSize: 3, cursor: page.previous!, descending });
      expect(back.items).toEqual(seen.slice(3, 6));
    }
  });

  it('refuses a cursor it did not make', () => {
    expect(() => pageSorted(items, (x) => x, { pageSize: 3, cursor: 'garbage' })).toThrow(/cursor/);
  });
});

describe('history entries', () => {
  it('records only the fields an update changed, and the member count a delete dropped', () => {
    const before = aGroup({ member_count: 4 });
    const after = { ...before, name: 'Renamed', tags: [{ name: 't', values: ['v'] }], version: 2 };
    expect(groupUpdatedEntry(before, after, 'me')).toMatchObject({
      action: 'group_updated',
      actor: 'me',
      changes: {
        name: { before: 'Sales', after: 'Renamed' },
        tags: { before: [], after: [{ name: 't', values: ['v'] }] },
      },
    });
    expect(Object.keys(groupUpdatedEntry(before, after, 'me').changes!)).toEqual(['name', 'tags']);
    expect(groupDeletedEntry(before, 'me', 'now').changes?.member_count).toEqual({ before: 4, after: null });
  });

  it('splits commits by items, a home-group move taking two', () => {
    const planned = (home?: 'set') =>
      ({ write: { kind: 'add', membership: {} as Membership, home } }) as unknown as Planned;
    const sizes = (list: Planned[]) => chunksOf(list).map((c) => c.length);
    expect(sizes(Array.from({ length: 200 }, () => planned()))).toEqual([98, 98, 4]);
    expect(sizes(Array.from({ length: 60 }, () => planned('set')))).toEqual([49, 11]);
  });
});

describe('member search', () => {
  it('matches every word against the e-mail or a word of the name, by prefix', async () => {
    const directory = [
      aLearner({ learner_uuid: uuidOf(1), email: 'ada@example.com', first_name: 'Ada', last_name: 'King-Lovelace' }),
      aLearner({ learner_uuid: uuidOf(2), email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper' }),
    ];
    const members = directory.map(
      (l) => ({ learner_uuid: l.learner_uuid, status: 'active', pending_learner_email: null }) as Membership,
    );
    const deps = {
      memberships: {
        listUpTo: async () => ({ items: members, complete: true }),
        getMany: async () => new Map(),
        byEmailPrefix: async () => [],
      },
      learners: { ...fakeLearners(directory), searchUuids: async () => ({ uuids: [], more: false }) },
    };
    const find = async (search: string) =>
      (await searchGroupMembers(deps, aGroup(), { search, statuses: ['active'] })).members.map((m) => m.learner_uuid);
    expect(await find('LOVE')).toEqual([uuidOf(1)]);
    expect(await find('gr hop')).toEqual([uuidOf(2)]);
    expect(await find('example')).toEqual([]);
    expect(await find('ada hopper')).toEqual([]);
  });
});

describe('member sorting', () => {
  /** A group of `n` active members in storage order, listed 1000 at a time like the repository. */
  function sortable(n: number) {
    const directory = learnersN(n, (i) => ({ last_name: `N${String(n - i).padStart(6, '0')}` }));
    const members = directory.map(
      (l) =>
        ({
          learner_uuid: l.learner_uuid,
          pending_learner_email: null,
          status: 'active',
          group_uuid: aGroup().group_uuid,
          created: l.created,
          activated_at: l.created,
        }) as Membership,
    );
    const list = async ({ cursor }: { cursor?: string | undefined }) => {
      const start = Number(cursor ?? 0);
      const next = start + 1000 < members.length ? String(start + 1000) : null;
      return { items: members.slice(start, start + 1000), next, previous: null };
    };
    const noop = async () => new Map();
    const use = makeListGroupLearners(
      { getWithHomes: async () => ({ group: aGroup({ member_count: n }), homeMembers: true }) },
      {
        list,
        countUpTo: async () => ({ count: n, exact: true }),
        listUpTo: async () => ({ items: members, complete: true }),
        homeGroupsOf: noop,
        getMany: noop,
        byEmailPrefix: async () => [],
      },
      { ...fakeLearners(directory), searchUuids: async () => ({ uuids: [], more: false }) },
    );
    return { use, directory };
  }

  it('reads every member and sorts across storage pages', async () => {
    const { use, directory } = sortable(2_500);
    const page = await use(adminOf(TENANT), aGroup().group_uuid, { sortBy: 'last_name', pageSize: 2 });
    expect(page.count).toBe(2_500);
    expect(page.items.map((m) => m.learner_uuid)).toEqual([
      directory[2_499]!.learner_uuid,
      directory[2_498]!.learner_uuid,
    ]);
  });

  it('refuses to sort more than MAX_MEMBERS_SORTED_IN_MEMORY members, naming query.sort_by', async () => {
    const { use } = sortable(MAX_MEMBERS_SORTED_IN_MEMORY + 1);
    await expect(use(adminOf(TENANT), aGroup().group_uuid, { sortBy: 'email', pageSize: 10 })).rejects.toMatchObject({
      code: 'validation_error',
      details: [{ path: 'query.sort_by' }],
    });
  });
});

describe('member search and counts over a partition of removed memberships', () => {
  const active = aLearner({ learner_uuid: uuidOf(1), email: 'ada@example.com' });
  const gone = aLearner({ learner_uuid: uuidOf(2), email: 'adam@example.com' });
  const byLearner = new Map([
    [`L#${active.learner_uuid}`, { learner_uuid: active.learner_uuid, status: 'active', pending_learner_email: null }],
    [`L#${gone.learner_uuid}`, { learner_uuid: gone.learner_uuid, status: 'removed', pending_learner_email: null }],
  ]) as unknown as Map<string, Membership>;

  it('searches a small group from the learner side when its partition outruns the read budget, current members only', async () => {
    const deps = {
      memberships: {
        listUpTo: async () => ({ items: [], complete: false }),
        getMany: async () => byLearner,
        byEmailPrefix: async () => [],
      },
      learners: {
        ...fakeLearners([active, gone]),
        searchUuids: async () => ({ uuids: [active.learner_uuid, gone.learner_uuid], more: false }),
      },
    };
    const found = await searchGroupMembers(deps, aGroup({ member_count: 1 }), {
      search: 'ada',
      statuses: ['active', 'pending'],
    });
    expect(found.members.map((m) => m.learner_uuid)).toEqual([active.learner_uuid]);
  });

  it('says a filtered count is not exact when it stopped at its read budget', async () => {
    const noop = async () => new Map();
    const use = makeListGroupLearners(
      { getWithHomes: async () => ({ group: aGroup({ member_count: 1 }), homeMembers: true }) },
      {
        list: async () => ({ items: [], next: null, previous: null }),
        countUpTo: async () => ({ count: 1, exact: false }),
        listUpTo: async () => ({ items: [], complete: true }),
        homeGroupsOf: noop,
        getMany: noop,
        byEmailPrefix: async () => [],
      },
      { ...fakeLearners([]), searchUuids: async () => ({ uuids: [], more: false }) },
    );
    const page = await use(adminOf(TENANT), aGroup().group_uuid, { status: 'active', pageSize: 10 });
    expect(page).toMatchObject({ count: 1, countExact: false });
    const unfiltered = await use(adminOf(TENANT), aGroup().group_uuid, { pageSize: 10 });
    expect(unfiltered).toMatchObject({ count: 1, countExact: true });
  });
});
