import { describe, expect, it } from 'vitest';
import type { HistoryEntry, MemberChange, MemberState } from '#shared/history/history-entry';
import type { Membership } from '#shared/memberships/membership';
import { inverseOf, netMemberChanges, netMemberChangeSchema } from '#shared/memberships/net-member-changes';
import { unchangedSince } from '#shared/memberships/revert-member-changes';

const active = (over: Partial<MemberState> = {}): MemberState => ({
  status: 'active',
  home_group: false,
  permissions: [],
  ...over,
});
const removed = (over: Partial<MemberState> = {}): MemberState => active({ status: 'removed', ...over });

const change = (learner: string, outcome: MemberChange['outcome'], before: MemberState | null, after: MemberState) => ({
  enterprise_group_membership_uuid: `m-${learner}`,
  learner_uuid: learner,
  pending_learner_email: null,
  outcome,
  before,
  after,
});

const entry = (opId: string | null, members: MemberChange[], group = 'g-1'): HistoryEntry => ({
  history_id: `${members[0]?.enterprise_group_membership_uuid}-x`,
  group_uuid: group,
  enterprise_customer_uuid: 'e-1',
  actor: 'admin-1',
  at: '2026-12-06T00:00:00.000Z',
  action: 'memberships_changed',
  op_id: opId,
  members,
});

describe('inverseOf', () => {
  it('removes what a job added, revived or invited', () => {
    expect(inverseOf({ before: null, after: active() })).toBe('remove');
    expect(inverseOf({ before: removed(), after: active() })).toBe('remove');
    expect(inverseOf({ before: null, after: active({ status: 'pending' }) })).toBe('remove');
  });

  it('revives what a job removed and puts back settings it changed', () => {
    expect(inverseOf({ before: active({ home_group: true }), after: removed() })).toBe('revive');
    expect(inverseOf({ before: active({ permissions: ['MARKER'] }), after: active() })).toBe('update');
    expect(inverseOf({ before: active({ home_group: true }), after: active() })).toBe('update');
  });

  it('finds nothing to undo in a change that left the membership as it was', () => {
    expect(inverseOf({ before: null, after: removed() })).toBeNull();
    expect(
      inverseOf({
        before: active({ permissions: ['MARKER', 'PROCTOR'] }),
        after: active({ permissions: ['PROCTOR', 'MARKER'] }),
      }),
    ).toBeNull();
  });
});

describe('netMemberChanges', () => {
  it('gives one change per membership, from its first before to its last after, in the order first touched', () => {
    const changes = netMemberChanges([
      entry('j#0', [
        change('a', 'added', null, active()),
        change('b', 'removed', active({ home_group: true }), removed()),
      ]),
      entry('j#1', [change('c', 'updated', active({ permissions: ['MARKER'] }), active())]),
      entry('j#2', [change('b', 'revived', removed(), active()), change('a', 'removed', active(), removed())]),
    ]);
    // a: added then removed, nothing to undo; b: removed then revived, as it was (home lost): an update.
    expect(changes.map((c) => [c.learner_uuid, c.outcome, c.op_id])).toEqual([
      ['b', 'revived', 'j#2'],
      ['c', 'updated', 'j#1'],
    ]);
    expect(changes[0]!.before).toEqual(active({ home_group: true }));
  });

  it('keeps memberships of different groups apart and ignores entries of no operation', () => {
    const changes = netMemberChanges([
      entry('j#0', [change('a', 'added', null, active())], 'g-1'),
      entry('j#0', [change('a', 'added', null, active())], 'g-2'),
      entry(null, [change('z', 'added', null, active())]),
    ]);
    expect(changes.map((c) => c.group_uuid)).toEqual(['g-1', 'g-2']);
  });
});

describe('unchangedSince', () => {
  const net = netMemberChanges([entry('j#0', [change('a', 'added', null, active({ permissions: ['MARKER'] }))])])[0]!;
  const membership = (over: Partial<Membership>): Membership =>
    ({ status: 'active', permissions: ['MARKER'], last_op_id: 'j#0', last_op_outcome: 'added', ...over }) as Membership;

  it('holds while the job wrote the membership last, as it left it', () => {
    expect(unchangedSince(membership({}), net)).toBe(true);
  });

  it('fails once anything wrote it since, even back to the same state', () => {
    expect(unchangedSince(membership({ last_op_id: null }), net)).toBe(false);
    expect(unchangedSince(membership({ status: 'removed' }), net)).toBe(false);
    expect(unchangedSince(membership({ permissions: [] }), net)).toBe(false);
    expect(unchangedSince(undefined, net)).toBe(false);
  });
});

describe('netMemberChangeSchema', () => {
  it("reads a change back from its revert row's JSON, and refuses a row of another shape", () => {
    const [net] = netMemberChanges([entry('j#0', [change('a', 'removed', active({ home_group: true }), removed())])]);
    const row = JSON.parse(JSON.stringify({ ...net })) as Record<string, unknown>;
    expect(netMemberChangeSchema().parse(row)).toEqual(net);
    expect(() => netMemberChangeSchema().parse({ ...row, after: null })).toThrow();
  });
});
