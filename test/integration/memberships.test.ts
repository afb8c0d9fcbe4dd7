import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBranchRepository } from '#shared/branches/branch-repository';
import { randomIds, systemClock } from '#shared/clock';
import { UserLimitExceededError } from '#shared/errors';
import type { HistoryEntry } from '#shared/history/history-entry';
import { makeHistoryRepository } from '#shared/history/history-repository';
import { makeCleanupGroupMemberships } from '#shared/groups/cleanup-group-memberships';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeDeleteGroup } from '#shared/groups/delete-group';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeListGroups } from '#shared/groups/list-groups';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { makeListGroupLearners } from '#shared/memberships/list-group-learners';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import { makeRemoveLearners } from '#shared/memberships/remove-learners';
import { makeGroupInvitationHook, makeInvitationQuota } from '#shared/notifications/group-invitation';
import { makeSendQuotaRepository } from '#shared/notifications/send-quota-repository';
import { adminOf } from '#test/unit/shared/fakes';
import { createTestTable, documentClient } from './dynamo';

let db: DynamoDBDocumentClient;
let table: string;
let repos: {
  groups: ReturnType<typeof makeGroupRepository>;
  memberships: ReturnType<typeof makeMembershipRepository>;
  learners: ReturnType<typeof makeLearnerRepository>;
  branches: ReturnType<typeof makeBranchRepository>;
};
const tenant = randomUUID();
const admin = adminOf(tenant);

beforeAll(async () => {
  db = documentClient();
  table = await createTestTable();
  repos = {
    groups: makeGroupRepository(db, table),
    memberships: makeMembershipRepository(db, table),
    learners: makeLearnerRepository(db, table),
    branches: makeBranchRepository(db, table),
  };
});

const deps = () => ({ ...repos, clock: systemClock, ids: randomIds });
const createGroup = (name: string, extra: Record<string, unknown> = {}) =>
  makeCreateGroup(repos.groups, systemClock, randomIds)(admin, tenant, { name, ...extra });

async function someLearners(n: number): Promise<string[]> {
  const put = makePutLearner(deps());
  return Promise.all(
    Array.from({ length: n }, async () => {
      const id = randomUUID();
      await put(admin, tenant, id, { email: `${id}@example.com` });
      return id;
    }),
  );
}

async function allHistory(groupUuid: string) {
  const history = makeHistoryRepository(db, table);
  const out: HistoryEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await history.list(groupUuid, 100, cursor);
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

async function countedMembers(groupUuid: string) {
  return (await repos.memberships.countUpTo({ groupUuid, statuses: ['active', 'pending'] }, Number.POSITIVE_INFINITY))
    .count;
}

describe('memberships against DynamoDB Local', () => {
  it('keeps member_count exact when the same learners are assigned by concurrent requests', async () => {
    const group = await createGroup(`Race ${randomUUID()}`);
    const learners = await someLearners(60);
    const assign = makeAssignLearners(deps());
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        assign(admin, group.group_uuid, { learner_uuids: learners.slice(i * 5, i * 5 + 40) }),
      ),
    );
    const added = results.reduce((n, r) => n + r.results.filter((x) => x.outcome === 'added').length, 0);
    const distinct = new Set(Array.from({ length: 6 }, (_, i) => learners.slice(i * 5, i * 5 + 40)).flat()).size;
    expect(added).toBe(distinct);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(distinct);
    expect(await countedMembers(group.group_uuid)).toBe(distinct);
  });

  it('never passes the user limit under concurrent assigns, reports the rest, and audits every add', async () => {
    const group = await createGroup(`Limited ${randomUUID()}`, { user_limit: 50 });
    const learners = await someLearners(300);
    const assign = makeAssignLearners(deps());
    const settled = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        assign(admin, group.group_uuid, { learner_uuids: learners.slice(i * 10, i * 10 + 10) }),
      ),
    );
    const answered = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const refused = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    // A call none of whose adds fits is refused whole (~CG:37); the others report over_capacity per learner.
    expect(refused.every((e) => e instanceof UserLimitExceededError)).toBe(true);
    const outcomes = answered.flatMap((r) => [...r.results, ...r.errors].map((x) => x.outcome));
    expect(outcomes.filter((o) => o === 'added')).toHaveLength(50);
    expect(outcomes.filter((o) => o === 'over_capacity').length + 10 * refused.length).toBe(250);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(50);
    expect(await countedMembers(group.group_uuid)).toBe(50);
    const history = await allHistory(group.group_uuid);
    const audited = history.flatMap((e) => e.members ?? []).filter((m) => m.outcome === 'added');
    expect(new Set(audited.map((m) => m.learner_uuid)).size).toBe(50);
    expect(audited).toHaveLength(50);
    expect(history.reduce((n, e) => n + (e.member_count_delta ?? 0), 0)).toBe(50);
  });

  it('removes and revives members while the counter follows', async () => {
    const group = await createGroup(`Churn ${randomUUID()}`);
    const learners = await someLearners(150);
    const assign = makeAssignLearners(deps());
    const remove = makeRemoveLearners(deps());
    await assign(admin, group.group_uuid, { learner_uuids: learners });
    const removed = await remove(admin, group.group_uuid, { learner_uuids: learners.slice(0, 120) });
    expect(removed.count).toBe(120);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(30);
    const again = await assign(admin, group.group_uuid, { learner_uuids: learners.slice(100) });
    expect(again.results.filter((r) => r.outcome === 'revived')).toHaveLength(20);
    expect(again.skipped.filter((r) => r.outcome === 'already_member')).toHaveLength(30);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(50);
    expect(await countedMembers(group.group_uuid)).toBe(50);
  });

  it('reports the original outcomes when the same operation is applied twice, and counts once', async () => {
    const group = await createGroup(`Replay ${randomUUID()}`);
    const learners = await someLearners(30);
    const assign = makeAssignLearners(deps());
    const remove = makeRemoveLearners(deps());
    await assign(admin, group.group_uuid, { learner_uuids: learners.slice(0, 10) });
    await remove(admin, group.group_uuid, { learner_uuids: learners.slice(0, 5) });
    const input = { learner_uuids: learners, learner_emails: ['replay@example.com'] };
    const first = await assign(admin, group.group_uuid, input, { opId: 'job-1#0' });
    const again = await assign(admin, group.group_uuid, input, { opId: 'job-1#0' });
    const outcomes = (r: typeof first) =>
      [...r.results, ...r.skipped].map((x) => `${x.identifier}:${x.outcome}`).sort();
    expect(outcomes(again)).toEqual(outcomes(first));
    expect(first.results.filter((r) => r.outcome === 'revived')).toHaveLength(5);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(31);
    // Another operation sees plain already_member.
    const other = await assign(admin, group.group_uuid, { learner_uuids: learners.slice(0, 1) }, { opId: 'job-2#0' });
    expect(other.skipped[0]?.outcome).toBe('already_member');
    const removal = { learner_uuids: learners.slice(0, 20) };
    const r1 = await remove(admin, group.group_uuid, removal, { opId: 'job-3#0' });
    const r2 = await remove(admin, group.group_uuid, removal, { opId: 'job-3#0' });
    expect(r2.count).toBe(r1.count);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(11);
  });

  it('commits a job chunk of new members without reading their memberships, and reads them only where the guess was wrong', async () => {
    const group = await createGroup(`Guess ${randomUUID()}`);
    const learners = await someLearners(40);
    let reads = 0;
    const counting = {
      ...deps(),
      memberships: {
        ...repos.memberships,
        getMany: (...args: Parameters<typeof repos.memberships.getMany>) => {
          reads++;
          return repos.memberships.getMany(...args);
        },
      },
    };
    const assign = makeAssignLearners(counting);
    const fresh = await assign(admin, group.group_uuid, { learner_uuids: learners.slice(0, 20) }, { opId: 'g-1#0' });
    expect(fresh.results.map((r) => r.outcome)).toEqual(Array(20).fill('added'));
    expect(reads).toBe(0);
    await makeRemoveLearners(deps())(admin, group.group_uuid, { learner_uuids: learners.slice(0, 5) });
    // A wrong guess (5 removed, 15 members, 20 new) cancels its transaction and the next round reads.
    const mixed = await assign(admin, group.group_uuid, { learner_uuids: learners }, { opId: 'g-2#0' });
    const tally = (r: typeof mixed) =>
      [...r.results, ...r.skipped].reduce<Record<string, number>>(
        (n, x) => ({ ...n, [x.outcome]: (n[x.outcome] ?? 0) + 1 }),
        {},
      );
    expect(tally(mixed)).toEqual({ revived: 5, already_member: 15, added: 20 });
    expect(reads).toBeGreaterThan(0);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(40);
    expect(await countedMembers(group.group_uuid)).toBe(40);
    // The history holds each change once: the cancelled guess wrote nothing.
    const changes = (await allHistory(group.group_uuid)).flatMap((e) => e.members ?? []);
    expect(changes.filter((c) => c.outcome === 'added')).toHaveLength(40);
    expect(changes.filter((c) => c.outcome === 'revived')).toHaveLength(5);
  });

  it("does not guess where the user limit could refuse a member's seat: members stay already_member", async () => {
    const group = await createGroup(`Guess limit ${randomUUID()}`, { user_limit: 12 });
    const learners = await someLearners(14);
    const assign = makeAssignLearners(deps());
    await assign(admin, group.group_uuid, { learner_uuids: learners.slice(0, 10) });
    const chunk = await assign(admin, group.group_uuid, { learner_uuids: learners }, { opId: 'gl-1#0' });
    const outcomes = [...chunk.results, ...chunk.skipped, ...chunk.errors].map((r) => r.outcome).sort();
    expect(outcomes).toEqual(
      [...Array(2).fill('added'), ...Array(10).fill('already_member'), ...Array(2).fill('over_capacity')].sort(),
    );
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(12);
  });

  it('pages members both ways with filters and without losing or repeating any', async () => {
    const group = await createGroup(`Pages ${randomUUID()}`);
    const learners = await someLearners(230);
    await makeAssignLearners(deps())(admin, group.group_uuid, { learner_uuids: learners });
    await makeRemoveLearners(deps())(admin, group.group_uuid, {
      learner_uuids: learners.filter((_, i) => i % 3 === 0),
    });
    const list = makeListGroupLearners(repos.groups, repos.memberships, repos.learners);
    const forward: string[][] = [];
    let cursor: string | undefined;
    let page: Awaited<ReturnType<typeof list>>;
    do {
      page = await list(admin, group.group_uuid, { pageSize: 40, cursor });
      forward.push(page.items.map((m) => m.learner_uuid!));
      cursor = page.next ?? undefined;
    } while (cursor);
    const all = forward.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(230 - Math.ceil(230 / 3));
    expect(page.count).toBe(all.length);
    const back = await list(admin, group.group_uuid, { pageSize: 40, cursor: page.previous ?? undefined });
    expect(back.items.map((m) => m.learner_uuid)).toEqual(forward.at(-2));
  });

  it("filters members by Open edX's learners= e-mails and sorts them by status", async () => {
    const group = await createGroup(`Named ${randomUUID()}`);
    const [ada, bob, eve] = await someLearners(3);
    const pending = `pending-${randomUUID()}@example.com`;
    await makeAssignLearners(deps())(admin, group.group_uuid, {
      learner_uuids: [ada!, bob!, eve!],
      learner_emails: [pending],
    });
    await makeRemoveLearners(deps())(admin, group.group_uuid, { learner_uuids: [eve!] });
    const list = makeListGroupLearners(repos.groups, repos.memberships, repos.learners);
    const named = await list(admin, group.group_uuid, {
      learners: [`${ada}@example.com`, pending, `${eve}@example.com`, 'stranger@example.com'],
      sortBy: 'status',
      sortDir: 'desc',
      pageSize: 10,
    });
    expect(named.count).toBe(2);
    expect(named.items.map((m) => [m.status, m.member_details.user_email])).toEqual([
      ['pending', pending],
      ['active', `${ada}@example.com`],
    ]);
    const withRemoved = await list(admin, group.group_uuid, {
      learners: [`${eve}@example.com`],
      status: 'removed',
      pageSize: 10,
    });
    expect(withRemoved.items.map((m) => m.learner_uuid)).toEqual([eve]);
    const byStatus = await list(admin, group.group_uuid, { sortBy: 'status', pageSize: 10 });
    expect(byStatus.items.map((m) => m.status)).toEqual(['active', 'active', 'pending']);
  });

  it('sweeps every item of a deleted group and leaves other groups alone', async () => {
    const doomed = await createGroup(`Doomed ${randomUUID()}`);
    const kept = await createGroup(`Kept ${randomUUID()}`);
    const learners = await someLearners(120);
    const assign = makeAssignLearners(deps());
    await assign(admin, doomed.group_uuid, { learner_uuids: learners, learner_emails: ['pending@example.com'] });
    await assign(admin, kept.group_uuid, { learner_uuids: learners });
    await makeDeleteGroup(repos.groups, async () => {}, systemClock)(admin, doomed.group_uuid);
    const cleanup = makeCleanupGroupMemberships(repos.groups, repos.memberships);
    expect(await cleanup(doomed.group_uuid, () => true)).toEqual({ deleted: 121, finished: true });
    expect(await countedMembers(doomed.group_uuid)).toBe(0);
    expect(await countedMembers(kept.group_uuid)).toBe(120);
    expect(await cleanup(kept.group_uuid, () => true)).toEqual({ deleted: 0, finished: true });
  });
});

describe('learners against DynamoDB Local', () => {
  it('keeps e-mails unique per tenant and frees them when a learner changes e-mail', async () => {
    const put = makePutLearner(deps());
    const [a, b] = [randomUUID(), randomUUID()];
    await put(admin, tenant, a, { email: `first-${a}@example.com` });
    await expect(put(admin, tenant, b, { email: `FIRST-${a}@example.com` })).rejects.toMatchObject({
      code: 'email_taken',
    });
    await put(admin, tenant, a, { email: `second-${a}@example.com` });
    await expect(put(admin, tenant, b, { email: `first-${a}@example.com` })).resolves.toMatchObject({ created: true });
    const other = randomUUID();
    await expect(
      makePutLearner(deps())(adminOf(other), other, randomUUID(), { email: `second-${a}@example.com` }),
    ).resolves.toMatchObject({ created: true });
  });

  it('activates pending memberships of every group when the learner appears', async () => {
    const [g1, g2] = [await createGroup(`P1 ${randomUUID()}`), await createGroup(`P2 ${randomUUID()}`)];
    const email = `later-${randomUUID()}@example.com`;
    const assign = makeAssignLearners(deps());
    await assign(admin, g1.group_uuid, { learner_emails: [email] });
    await assign(admin, g2.group_uuid, { learner_emails: [email] });
    const learner = randomUUID();
    const { activated } = await makePutLearner(deps())(admin, tenant, learner, { email });
    expect(activated).toBe(2);
    for (const g of [g1, g2]) {
      const members = await repos.memberships.list({
        groupUuid: g.group_uuid,
        statuses: ['active', 'pending'],
        pageSize: 10,
      });
      expect(members.items).toEqual([
        expect.objectContaining({ learner_uuid: learner, status: 'active', pending_learner_email: null }),
      ]);
      expect((await repos.groups.get(g.group_uuid))?.member_count).toBe(1);
    }
  });
});

describe('group invitations against DynamoDB Local', () => {
  it('puts one group_invitation per invited e-mail, with the same id when a chunk is replayed', async () => {
    const sent: { notification_id: string; template: string; to: string }[] = [];
    const hook = makeGroupInvitationHook(
      async (ns) => void sent.push(...ns),
      systemClock,
      makeInvitationQuota(makeSendQuotaRepository(db, table)),
    );
    const group = await createGroup(`Invites ${randomUUID()}`);
    const [known] = await someLearners(1);
    const assign = makeAssignLearners({ ...deps(), onMembersAdded: hook });
    const input = { learner_uuids: [known!], learner_emails: ['Invitee@Example.com', 'other@example.com'] };
    const first = await assign(admin, group.group_uuid, input, { opId: 'job-x#0' });
    expect(first.results.map((r) => r.outcome).sort()).toEqual(['added', 'invited', 'invited']);
    expect(sent.map((n) => [n.template, n.to]).sort()).toEqual([
      ['group_invitation', 'invitee@example.com'],
      ['group_invitation', 'other@example.com'],
    ]);
    // The redelivered chunk reports `invited` again and produces the same ids: the consumer delivers once.
    await assign(admin, group.group_uuid, input, { opId: 'job-x#0' });
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((n) => n.notification_id)).size).toBe(2);
    // A later plain call finds them members: nothing new.
    await assign(admin, group.group_uuid, input);
    expect(sent).toHaveLength(4);
  });

  it('records every invited member pending but sends only what the tenant’s daily quota has left, and says so', async () => {
    const sent: { to: string }[] = [];
    const tenantQuota = makeSendQuotaRepository(db, table);
    let now = '2026-05-01T10:00:00.000Z';
    const hook = makeGroupInvitationHook(
      async (ns) => void sent.push(...ns),
      { now: () => now },
      makeInvitationQuota(tenantQuota, 3),
    );
    const group = await createGroup(`Quota ${randomUUID()}`);
    const assign = makeAssignLearners({ ...deps(), onMembersAdded: hook });
    const emails = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => `${tag}-${i}-${randomUUID()}@example.com`);

    const first = await assign(admin, group.group_uuid, { learner_emails: emails(5, 'a') });
    expect(first.results.map((r) => r.outcome)).toEqual(Array(5).fill('invited'));
    expect(first.results.map((r) => ('invitation' in r ? r.invitation : undefined)).sort()).toEqual([
      'queued',
      'queued',
      'queued',
      'quota_exceeded',
      'quota_exceeded',
    ]);
    expect(first.results.every((r) => r.status === 'pending')).toBe(true);
    expect(sent).toHaveLength(3);
    expect((await repos.groups.get(group.group_uuid))?.member_count).toBe(5);

    const sameDay = await assign(admin, group.group_uuid, { learner_emails: emails(1, 'b') });
    expect(sameDay.results[0]).toMatchObject({
      outcome: 'invited',
      invitation: 'quota_exceeded',
      message: expect.stringMatching(/quota/),
    });
    now = '2026-05-02T00:00:01.000Z';
    const nextDay = await assign(admin, group.group_uuid, { learner_emails: emails(1, 'c') });
    expect(nextDay.results[0]).toMatchObject({ outcome: 'invited', invitation: 'queued' });
    expect(sent).toHaveLength(4);
  });

  it('never lets racing reservations pass the quota', async () => {
    const tenantQuota = makeSendQuotaRepository(db, table);
    const tenantUuid = randomUUID();
    const granted = await Promise.all(
      Array.from({ length: 12 }, () => tenantQuota.reserve(tenantUuid, 'group_invitation', '2026-05-01', 3, 20)),
    );
    expect(granted.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20);
    expect(await tenantQuota.reserve(tenantUuid, 'group_invitation', '2026-05-01', 50, 20)).toBe(
      20 - granted.reduce((a, b) => a + b, 0),
    );
  });
});

describe('membership as of a moment, against DynamoDB Local', () => {
  const tick = async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const at = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    return at;
  };
  const members = async (groupUuid: string, asOf: string, extra: { status?: 'pending' | 'active' } = {}) => {
    const list = makeListGroupLearners(repos.groups, repos.memberships, repos.learners);
    const out: { key: string; status: string }[] = [];
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await list(admin, groupUuid, { pageSize: 7, cursor, asOf, ...extra });
      out.push(...page.items.map((m) => ({ key: m.learner_uuid ?? m.pending_learner_email!, status: m.status })));
      count = page.count;
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(count).toBe(out.length);
    return out;
  };
  const keysOf = (list: { key: string }[]) => list.map((m) => m.key).sort();

  it('answers the members of each instant across adds, removals, revivals and an invitation', async () => {
    const beforeGroup = await tick();
    const group = await createGroup(`As of ${randomUUID()}`);
    const learners = await someLearners(20);
    const assign = makeAssignLearners(deps());
    const remove = makeRemoveLearners(deps());
    const empty = await tick();
    await assign(admin, group.group_uuid, { learner_uuids: learners.slice(0, 15) });
    const afterAdd = await tick();
    await remove(admin, group.group_uuid, { learner_uuids: learners.slice(0, 5) });
    const afterRemove = await tick();
    const invited = `${randomUUID()}@example.com`;
    await assign(admin, group.group_uuid, { learner_uuids: [...learners.slice(0, 2), ...learners.slice(15)] });
    await assign(admin, group.group_uuid, { learner_emails: [invited] });
    const afterRevive = await tick();

    expect(await members(group.group_uuid, beforeGroup)).toEqual([]);
    expect(await members(group.group_uuid, empty)).toEqual([]);
    expect(keysOf(await members(group.group_uuid, afterAdd))).toEqual(learners.slice(0, 15).sort());
    expect(keysOf(await members(group.group_uuid, afterRemove))).toEqual(learners.slice(5, 15).sort());
    const now = await members(group.group_uuid, afterRevive);
    expect(keysOf(now)).toEqual([...learners.slice(0, 2), ...learners.slice(5), invited].sort());
    expect(now.find((m) => m.key === invited)?.status).toBe('pending');
    expect(keysOf(await members(group.group_uuid, afterRevive, { status: 'pending' }))).toEqual([invited]);
    // The present answer of the listing and as_of now agree.
    const current = await makeListGroupLearners(repos.groups, repos.memberships, repos.learners)(
      admin,
      group.group_uuid,
      { pageSize: 1000 },
    );
    expect(current.items.map((m) => m.learner_uuid ?? m.pending_learner_email).sort()).toEqual(keysOf(now));

    // The learner's side: its groups at each instant.
    const groupsOf = async (learnerUuid: string, asOf: string) =>
      (
        await makeListGroups(
          repos.groups,
          repos.memberships,
          repos.learners,
        )(admin, {
          enterpriseUuid: tenant,
          learnerUuid,
          asOf,
          sortBy: 'name',
          sortDir: 'asc',
          pageSize: 100,
        })
      ).items.map((g) => g.group_uuid);
    expect(await groupsOf(learners[3]!, empty)).toEqual([]);
    expect(await groupsOf(learners[3]!, afterAdd)).toEqual([group.group_uuid]);
    expect(await groupsOf(learners[3]!, afterRemove)).toEqual([]);
    expect(await groupsOf(learners[0]!, afterRevive)).toEqual([group.group_uuid]);
  });
});
