import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Branch } from '#shared/branches/branch';
import type { Group } from '#shared/groups/group';
import type { Job, JobRow } from '#shared/jobs/job';
import { makeStartMembershipJob } from '#shared/jobs/start-membership-job';
import { newJob, type NewJob } from '#shared/jobs/start-job';
import type { AssignInput } from '#shared/memberships/assign-learners';
import { makeAssignOrQueue } from '#shared/memberships/assign-or-queue';
import { makeRemoveOrQueue } from '#shared/memberships/remove-or-queue';
import type { Membership } from '#shared/memberships/membership';
import type { IdentifierInput } from '#shared/memberships/resolve-members';
import { adminOf, aGroup, OTHER_TENANT, TENANT } from '../fakes';

const uuidOf = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const uuids = (from: number, count: number) => Array.from({ length: count }, (_, i) => uuidOf(from + i));
const branch: Branch = {
  branch_id: 'north',
  enterprise_customer_uuid: TENANT,
  name: 'North',
  parent_id: null,
  created: 'x',
  modified: 'x',
};

/**
 * One group, a branch of `branchSize` learners (uuids 1…branchSize), a job store that keeps what
 * was started, and synchronous assign / remove that keep the learners they were given.
 */
function setup(branchSize: number, group: Group = aGroup(), current: Membership[] = []) {
  const members = new Set<string>();
  const started: { spec: NewJob; rows: JobRow[] }[] = [];
  const groups = {
    get: async (id: string) => (id === group.group_uuid ? group : undefined),
    getMany: async (ids: string[]) => new Map(ids.includes(group.group_uuid) ? [[group.group_uuid, group]] : []),
  };
  const startJob = makeStartMembershipJob(groups, async (spec, rows): Promise<Job> => {
    started.push({ spec, rows });
    return { ...newJob(spec, 'job-1', 'now'), total: rows.length };
  });
  const assign = makeAssignOrQueue({
    groups,
    branches: { loadTree: async () => ({ branches: [branch], version: 1 }) },
    learners: { uuidsByBranch: async () => uuids(1, branchSize) },
    memberships: { activeLearnerUuids: async () => [] },
    assign: async (_caller, _group, input: AssignInput) => {
      for (const u of input.learner_uuids ?? []) members.add(u);
      return { count: input.learner_uuids?.length ?? 0 };
    },
    startJob,
  });
  const remove = makeRemoveOrQueue({
    groups,
    // The group's counted members, in two pages.
    memberships: {
      list: async ({ cursor }: { cursor?: string | undefined }) =>
        cursor
          ? { items: current.slice(150), next: null, previous: null }
          : { items: current.slice(0, 150), next: current.length > 150 ? 'more' : null, previous: null },
    },
    remove: async (_caller, _group, input: IdentifierInput) => {
      for (const u of input.learner_uuids ?? []) members.delete(u);
      return { count: input.learner_uuids?.length ?? 0 };
    },
    startJob,
  });
  return { group, members, started, assign, remove };
}

describe('assignOrQueue', () => {
  it('assigns up to 1000 learners at once, branches counted', async () => {
    const { group, members, started, assign } = setup(990);
    const out = await assign(adminOf(TENANT), group.group_uuid, {
      learner_uuids: uuids(2000, 10),
      branch_ids: ['north'],
    });
    expect(out).toEqual({ sync: { count: 10 } });
    expect(members.size).toBe(10);
    expect(started).toHaveLength(0);
  });

  it('starts a job past 1000 learners, each learner once, refused sources on rows of their own', async () => {
    const { group, members, started, assign } = setup(1000);
    const out = await assign(adminOf(TENANT), group.group_uuid, {
      learner_uuids: [uuidOf(1), uuidOf(5000)],
      learner_emails: ['new@example.com'],
      branch_ids: ['north', 'south'],
      permissions: ['PROCTOR'],
    });
    expect(out.job).toMatchObject({ kind: 'assign_learners', total: 1003 });
    expect(members.size).toBe(0);
    const [{ spec, rows }] = started as [(typeof started)[0]];
    expect(spec.target).toEqual({
      group_uuid: group.group_uuid,
      settings: JSON.stringify({ permissions: ['PROCTOR'] }),
    });
    expect(rows.slice(0, 3).map((r) => r.input.identifier)).toEqual([uuidOf(1), uuidOf(5000), uuidOf(2)]);
    expect(rows.filter((r) => r.input.identifier === uuidOf(1))).toHaveLength(1);
    expect(rows.at(-2)).toMatchObject({ input: { identifier: 'new@example.com', type: 'email' } });
    expect(rows.at(-1)).toMatchObject({
      index: 1002,
      input: { identifier: 'south', type: 'source' },
      rejected: { outcome: 'not_found' },
    });
  });

  it('hides the group from an administrator of another tenant before expanding anything', async () => {
    const { group, started, assign } = setup(2000);
    await expect(assign(adminOf(OTHER_TENANT), group.group_uuid, { branch_ids: ['north'] })).rejects.toMatchObject({
      code: 'group_not_found',
    });
    expect(started).toHaveLength(0);
  });

  it('takes no job of new members into an inactive group', async () => {
    const { group, started, assign } = setup(2000, aGroup({ status: 'inactive' }));
    await expect(assign(adminOf(TENANT), group.group_uuid, { branch_ids: ['north'] })).rejects.toMatchObject({
      code: 'group_inactive',
    });
    expect(started).toHaveLength(0);
  });
});

describe('removeOrQueue', () => {
  it('removes up to 1000 identifiers at once and starts a remove_learners job beyond', async () => {
    const { group, members, started, remove } = setup(0);
    members.add(uuidOf(1));
    expect(await remove(adminOf(TENANT), group.group_uuid, { learner_uuids: [uuidOf(1)] })).toEqual({
      sync: { count: 1 },
    });
    expect(members.size).toBe(0);
    const out = await remove(adminOf(TENANT), group.group_uuid, {
      learner_uuids: uuids(1, 1000),
      learner_emails: ['x@example.com', ' X@example.com'],
    });
    expect(out.job).toMatchObject({ kind: 'remove_learners', total: 1002 });
    expect(started[0]!.rows.at(-1)).toMatchObject({ index: 1001, rejected: { outcome: 'duplicate_in_request' } });
  });

  it('turns remove_all past the removal guard into a job of the current members, and runs a smaller one at once', async () => {
    const current = [
      ...uuids(1, 199).map((u) => aMembership({ learner_uuid: u })),
      aMembership({ learner_uuid: null, pending_learner_email: 'invited@example.com', status: 'pending' }),
    ];
    const big = setup(0, aGroup({ member_count: 200 }), current);
    const out = await big.remove(adminOf(TENANT), big.group.group_uuid, { remove_all: true });
    expect(out.job).toMatchObject({ kind: 'remove_learners', total: 200 });
    expect(big.started[0]!.rows).toHaveLength(200);
    expect(big.started[0]!.rows.at(-1)).toMatchObject({
      index: 199,
      input: { identifier: 'invited@example.com', type: 'email' },
    });

    // Under min_removals, or without a guard, or with a guard that allows removing everyone: at once.
    for (const group of [
      aGroup({ member_count: 49 }),
      aGroup({ member_count: 200, removal_guard: null }),
      aGroup({ member_count: 200, removal_guard: { max_percent: 100, min_removals: 1 } }),
    ]) {
      const small = setup(0, group, current);
      const sync = await small.remove(adminOf(TENANT), group.group_uuid, { remove_all: true });
      expect(sync.job).toBeUndefined();
      expect(small.started).toHaveLength(0);
    }
  });
});

function aMembership(overrides: Partial<Membership>): Membership {
  return {
    enterprise_group_membership_uuid: randomUUID(),
    group_uuid: aGroup().group_uuid,
    enterprise_customer_uuid: TENANT,
    learner_uuid: null,
    pending_learner_email: null,
    status: 'active',
    source: 'manual',
    invited_at: null,
    activated_at: null,
    removed_at: null,
    created: 'x',
    modified: 'x',
    permissions: [],
    ...overrides,
  };
}
