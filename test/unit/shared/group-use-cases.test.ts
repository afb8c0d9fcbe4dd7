import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from '#shared/errors';
import { makeCreateGroup } from '#shared/groups/create-group';
import type { Group } from '#shared/groups/group';
import { MAX_GROUP_BYTES } from '#shared/groups/group-size';
import { makeUpdateGroup } from '#shared/groups/update-group';
import { groupUpdatedEntry } from '#shared/history/history-entry';
import { adminOf, aGroup, fixedClock, OTHER_TENANT, sequentialIds, TENANT } from './fakes';

/** An in-memory group store with the repository's surface and its version check. */
function fakeGroups(initial: Group[] = []) {
  const byId = new Map(initial.map((g) => [g.group_uuid, g]));
  return {
    byId,
    create: async (g: Group) => void byId.set(g.group_uuid, g),
    get: async (id: string) => byId.get(id),
    update: async (before: Group, after: Group) => {
      if (byId.get(before.group_uuid)?.version !== before.version) throw new PreconditionFailedError('stale');
      byId.set(after.group_uuid, after);
    },
  };
}

describe('createGroup', () => {
  it('creates a manual, active, empty group at version 1 with a trimmed name', async () => {
    const groups = fakeGroups();
    const group = await makeCreateGroup(groups, fixedClock(), sequentialIds())(adminOf(TENANT), TENANT, {
      name: '  Sales  ',
    });
    expect(group).toMatchObject({
      name: 'Sales',
      type: 'manual',
      status: 'active',
      member_count: 0,
      version: 1,
      user_limit: null,
    });
    expect(groups.byId.get(group.group_uuid)).toEqual(group);
  });

  it('refuses a tenant the caller does not administer', async () => {
    const create = makeCreateGroup(fakeGroups(), fixedClock(), sequentialIds());
    await expect(create(adminOf(TENANT), OTHER_TENANT, { name: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('updateGroup', () => {
  it('bumps the version and keeps fields that were not patched', async () => {
    const groups = fakeGroups([aGroup({ description: 'keep me' })]);
    const after = await makeUpdateGroup(groups, fixedClock('2026-02-02T00:00:00.000Z'))(
      adminOf(TENANT),
      aGroup().group_uuid,
      { name: 'Sales EMEA' },
    );
    expect(after).toMatchObject({
      name: 'Sales EMEA',
      description: 'keep me',
      version: 2,
      modified: '2026-02-02T00:00:00.000Z',
    });
  });

  it('refuses a version its precondition (If-Match) refuses, and writes nothing', async () => {
    const groups = fakeGroups([aGroup({ version: 3 })]);
    const update = makeUpdateGroup(groups, fixedClock());
    await expect(update(adminOf(TENANT), aGroup().group_uuid, { name: 'x' }, (v) => v === 2)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(groups.byId.get(aGroup().group_uuid)?.version).toBe(3);
  });

  it('applies the update when its precondition accepts the current version', async () => {
    const update = makeUpdateGroup(fakeGroups([aGroup({ version: 3 })]), fixedClock());
    const after = await update(adminOf(TENANT), aGroup().group_uuid, { name: 'x' }, (v) => [2, 3].includes(v));
    expect(after.version).toBe(4);
  });

  it('refuses a user limit below the current member count', async () => {
    const update = makeUpdateGroup(fakeGroups([aGroup({ member_count: 5 })]), fixedClock());
    await expect(update(adminOf(TENANT), aGroup().group_uuid, { user_limit: 4 })).rejects.toMatchObject({
      code: 'user_limit_below_member_count',
    });
    await expect(update(adminOf(TENANT), aGroup().group_uuid, { user_limit: 4 })).rejects.toBeInstanceOf(ConflictError);
  });

  it('answers not found for a group of another tenant', async () => {
    const update = makeUpdateGroup(fakeGroups([aGroup()]), fixedClock());
    await expect(update(adminOf(OTHER_TENANT), aGroup().group_uuid, { name: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('group size', () => {
  const tags = (valueLength: number) =>
    Array.from({ length: 50 }, (_, i) => ({
      name: `tag-${i}`,
      values: Array.from({ length: 50 }, (_, j) => `${i}-${j}-`.padEnd(valueLength, 'x')),
    }));
  const bigRule = (i: number) => ({
    type: 'attribute' as const,
    payload: {
      field: `f${i}`,
      op: 'in' as const,
      value: Array.from({ length: 100 }, (_, j) => `${j}`.padEnd(1000, 'v')),
    },
  });

  it(`refuses a group over ${MAX_GROUP_BYTES} bytes, naming its largest field, and stores nothing`, async () => {
    const groups = fakeGroups();
    const create = makeCreateGroup(groups, fixedClock(), sequentialIds());
    const ruleset = {
      operator: 'AND' as const,
      sets: [{ rules: [0, 1, 2].map(bigRule) }],
      exclude_inactive_learners: true,
    };
    const refused = create(adminOf(TENANT), TENANT, { name: 'Big', type: 'automatic', ruleset, tags: tags(10) });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ details: [{ path: 'body.ruleset' }] });
    expect(groups.byId.size).toBe(0);
  });

  it('refuses a patch that makes the group too large, naming the patched field', async () => {
    const groups = fakeGroups([aGroup()]);
    const update = makeUpdateGroup(groups, fixedClock());
    await expect(update(adminOf(TENANT), aGroup().group_uuid, { tags: tags(100) })).rejects.toMatchObject({
      code: 'validation_error',
      details: [{ path: 'body.tags' }],
    });
    expect(groups.byId.get(aGroup().group_uuid)?.version).toBe(aGroup().version);
  });

  it('keeps the history entry of the largest change that fits under the 400 KB item limit', async () => {
    const most = Math.floor((MAX_GROUP_BYTES - 3_000) / (50 * 53));
    const before = aGroup({ tags: tags(most) });
    const groups = fakeGroups([before]);
    const after = await makeUpdateGroup(groups, fixedClock())(adminOf(TENANT), before.group_uuid, {
      tags: tags(most).map((t) => ({ ...t, values: t.values.map((v) => v.replace(/x/g, 'y')) })),
    });
    const entry = groupUpdatedEntry(before, after, 'admin');
    expect(Object.keys(entry.changes!)).toEqual(['tags']);
    expect(Buffer.byteLength(JSON.stringify(entry))).toBeLessThan(400_000);
  });
});
