import { beforeRound } from '#shared/db/backoff';
import type { MemberRef } from '#shared/db/keys';
import type { Clock } from '#shared/clock';
import { ConflictError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import type { GroupRepository } from '#shared/groups/group-repository';
import { commitPlanned, MAX_ROUNDS, type Planned } from './commit-planned';
import { joinedNow } from './membership-periods';
import { COUNTED, type Membership, type Permission, refKey } from './membership';
import type { MembershipRepository } from './membership-repository';
import { inverseOf, type NetMemberChange } from './net-member-changes';

export interface RevertMembersDeps {
  groups: Pick<GroupRepository, 'get'>;
  memberships: Pick<MembershipRepository, 'getMany' | 'commit' | 'homeGroupsOf'>;
  clock: Clock;
}

/** One change to undo, and the outcome of undoing it. */
export interface RevertedChange {
  change: NetMemberChange;
  outcome: 'removed' | 'revived' | 'updated' | 'changed_since' | 'over_capacity' | 'failed';
  code?: string;
  message?: string;
}

const refOfChange = (c: NetMemberChange): MemberRef =>
  c.learner_uuid ? { learnerUuid: c.learner_uuid } : { email: c.pending_learner_email ?? '' };

const samePermissions = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join(',') === [...b].sort().join(',');

/**
 * Whether a membership still is as the job left it: its last write is the job's own operation, with
 * the status and permissions that operation gave it. Every membership write records its operation
 * (`last_op_id`, null for a direct call), so any later write, even one that restored the same state,
 * reads as a change since.
 */
export const unchangedSince = (current: Membership | undefined, c: NetMemberChange) =>
  current !== undefined &&
  current.last_op_id === c.op_id &&
  current.status === c.after.status &&
  samePermissions(current.permissions ?? [], c.after.permissions);

/**
 * Undoes the changes one job made to the memberships of one group, under the revert chunk's operation
 * id `opId`: a membership the job added (or revived, or invited) is removed, one it removed is revived
 * with the status, permissions and home group it had before, one whose settings it changed gets them
 * back. A membership written since the job (see unchangedSince) is left alone, `changed_since`. Every
 * write goes through the same transactions as an assign or remove (counter, user limit, home-group
 * pointer, history entry), so a revive past the user limit is `over_capacity` and a replayed chunk
 * finds its own marks and reports the first outcomes. A home group is given back only to a member
 * that has none now: a newer choice wins. The group gone: every change `failed` with `group_not_found`.
 */
export const makeRevertMemberChanges = ({ groups, memberships, clock }: RevertMembersDeps) =>
  async function revert(
    actor: string,
    groupUuid: string,
    changes: NetMemberChange[],
    opId: string,
  ): Promise<Map<NetMemberChange, RevertedChange>> {
    const results = new Map<NetMemberChange, RevertedChange>();
    let todo = changes;
    for (let round = 0; todo.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new ConflictError('concurrent_modification', 'The group kept changing; retry the revert');
      await beforeRound(round);
      const group = await groups.get(groupUuid);
      if (!group) {
        for (const change of todo)
          results.set(change, { change, outcome: 'failed', code: 'group_not_found', message: `No group ${groupUuid}` });
        break;
      }
      const now = clock.now();
      const refs = todo.map(refOfChange);
      const [existing, homes] = await Promise.all([
        memberships.getMany(groupUuid, refs),
        memberships.homeGroupsOf(group.enterprise_customer_uuid, refs),
      ]);
      const planned: Planned[] = [];
      const byTarget = new Map<string, NetMemberChange>();
      for (const change of todo) {
        const ref = refOfChange(change);
        const current = existing.get(refKey(ref));
        if (current && current.last_op_id === opId && current.last_op_outcome) {
          results.set(change, { change, outcome: replayed(current.last_op_outcome) });
        } else if (!unchangedSince(current, change)) {
          results.set(change, { change, outcome: 'changed_since' });
        } else {
          byTarget.set(refKey(ref), change);
          planned.push(planInverse(change, ref, current!, homes.get(refKey(ref)), group, { now, opId }));
        }
      }
      const refused = refuseOverCapacity(group, planned);
      for (const p of refused) {
        const change = byTarget.get(p.target.identifier)!;
        results.set(change, {
          change,
          ...(group.status === 'active'
            ? { outcome: 'over_capacity', message: `the group's user_limit is ${group.user_limit}` }
            : { outcome: 'failed', code: 'group_inactive', message: `Group ${groupUuid} is inactive` }),
        });
      }
      const { done, retry } = await commitPlanned(
        memberships,
        group,
        planned.filter((p) => !refused.has(p)),
        { at: now, actor, opId },
      );
      for (const d of done) {
        const change = byTarget.get(d.identifier)!;
        results.set(change, { change, outcome: replayed(d.outcome) });
      }
      const again = new Set(retry.map((t) => t.identifier));
      todo = todo.filter((c) => again.has(refKey(refOfChange(c))));
    }
    return results;
  };

const replayed = (outcome: string): RevertedChange['outcome'] =>
  outcome === 'removed' || outcome === 'revived' || outcome === 'updated' ? outcome : 'failed';

/** The revives that do not fit: past the user limit, or any on a group that takes no members now. */
function refuseOverCapacity(group: Group, planned: Planned[]): Set<Planned> {
  const seats = planned.filter((p) => p.write.kind === 'revive');
  if (group.status !== 'active') return new Set(seats);
  const room = group.user_limit === null ? seats.length : Math.max(0, group.user_limit - group.member_count);
  return new Set(seats.slice(room));
}

function planInverse(
  change: NetMemberChange,
  ref: MemberRef,
  current: Membership,
  home: string | undefined,
  group: Group,
  { now, opId }: { now: string; opId: string },
): Planned {
  const target = { identifier: refKey(ref), ref };
  const isHome = home === group.group_uuid;
  const inverse = inverseOf(change);
  if (inverse === 'remove') {
    const after: Membership = {
      ...current,
      status: 'removed',
      removed_at: now,
      modified: now,
      last_op_id: opId,
      last_op_outcome: 'removed',
    };
    // A rule member's removal is the rules' to redo: as `rule`, the next recalculation may add it again.
    const removedBy = current.source === 'rule' ? 'rule' : 'admin';
    return {
      target,
      write: { kind: 'remove', ref, at: now, opId, removedBy, home: isHome ? 'clear' : undefined },
      outcome: 'removed',
      before: current,
      beforeHome: isHome,
      after: { ...after, removed_by: removedBy },
      afterHome: false,
    };
  }
  const before = change.before!;
  const wantsHome = before.home_group && (home === undefined || isHome);
  const homeChange =
    wantsHome && !isHome ? ('set' as const) : !before.home_group && isHome ? ('clear' as const) : undefined;
  const permissions = before.permissions as Permission[];
  if (inverse === 'revive') {
    const after: Membership = {
      ...current,
      status: COUNTED.includes(before.status) ? before.status : 'active',
      // The rules revive only what they removed: a rule member an admin removed comes back pinned.
      source: current.source === 'rule' && (current.removed_by ?? 'admin') === 'admin' ? 'manual' : current.source,
      removed_at: null,
      modified: now,
      permissions,
      last_op_id: opId,
      last_op_outcome: 'revived',
      ...joinedNow(current, now),
    };
    return {
      target,
      write: { kind: 'revive', membership: after, home: homeChange },
      outcome: 'revived',
      before: current,
      beforeHome: isHome,
      after,
      afterHome: homeChange === 'set',
    };
  }
  const after: Membership = { ...current, permissions, modified: now, last_op_id: opId, last_op_outcome: 'updated' };
  return {
    target,
    write: { kind: 'update', membership: after, expectedModified: current.modified, home: homeChange },
    outcome: 'updated',
    before: current,
    beforeHome: isHome,
    after,
    afterHome: homeChange === undefined ? isHome : homeChange === 'set',
  };
}
