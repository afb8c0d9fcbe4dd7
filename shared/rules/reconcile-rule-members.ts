import type { Clock, IdGenerator } from '#shared/clock';
import { beforeRound } from '#shared/db/backoff';
import type { EnrollGroupMembers } from '#shared/enrollments/enroll-group-members';
import type { Group } from '#shared/groups/group';
import { commitPlanned, MAX_ROUNDS, type Planned } from '#shared/memberships/commit-planned';
import { COUNTED, type Membership, refKey } from '#shared/memberships/membership';
import { joinedNow } from '#shared/memberships/membership-periods';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import type { Target } from '#shared/memberships/resolve-members';
import { readInParallel } from './load-rule-facts';

export interface RuleDecision {
  learnerUuid: string;
  matches: boolean;
}

export type ReconcileOutcome =
  | 'added'
  | 'revived'
  | 'removed'
  | 'already_member'
  | 'not_member'
  | 'excluded'
  /** A rule member the learner's evaluation no longer matches, left for the run's sweep (deferRemovals). */
  | 'removal_pending';

export interface ReconcileResult {
  /** One outcome per decided learner; none when the group moved to another generation (`superseded`). */
  outcomes: Map<string, ReconcileOutcome>;
  /** The learners whose membership this call wrote (added, revived, removed or stamped). */
  written: Set<string>;
  superseded: boolean;
}

export interface ReconcileDeps {
  memberships: Pick<MembershipRepository, 'getMany' | 'commit'>;
  clock: Clock;
  ids: IdGenerator;
  /** Enrolls the learners the rules added (or revived) in the group's auto-enroll learning modules. */
  enrollInModules?: EnrollGroupMembers | undefined;
}

/**
 * Brings the `rule` memberships of the decided learners in line with their evaluation, stamped with
 * the group's current `rule_generation`. Every transaction is conditioned on that generation, so a
 * stale run (or an evaluation made against an older ruleset) writes nothing: it is `superseded`.
 * Policy for admin decisions: a `manual`/`import` member is never removed by the rules, and a
 * membership an admin removed is an exclusion the rules never revive (`excluded`). With
 * `deferRemovals` (a recalculation of a group with a removal guard) no member is removed here: the
 * ones to remove are reported `removal_pending` and left to the run's sweep.
 */
export const makeReconcileRuleMembers =
  ({ memberships, clock, ids, enrollInModules }: ReconcileDeps) =>
  async (
    group: Group,
    decisions: RuleDecision[],
    { actor, opId, deferRemovals = false }: { actor: string; opId?: string; deferRemovals?: boolean },
  ): Promise<ReconcileResult> => {
    const generation = group.rule_generation ?? 0;
    const outcomes = new Map<string, ReconcileOutcome>();
    const written = new Set<string>();
    let todo = decisions;
    let superseded = false;
    for (let round = 0; todo.length > 0 && !superseded; round++) {
      if (round === MAX_ROUNDS) throw new Error(`group ${group.group_uuid} kept changing during rule reconciliation`);
      await beforeRound(round);
      const now = clock.now();
      const existing = await readInParallel(
        todo.map((d) => ({ learnerUuid: d.learnerUuid })),
        (refs) => memberships.getMany(group.group_uuid, refs),
      );
      const planned: Planned[] = [];
      for (const d of todo) {
        const current = existing.get(refKey({ learnerUuid: d.learnerUuid }));
        const plan = planFor(group, d, current, { generation, now, opId, ids, deferRemovals });
        if (typeof plan === 'string') outcomes.set(d.learnerUuid, plan);
        else planned.push(plan);
      }
      const { done, retry, groupFailed } = await commitPlanned(memberships, group, planned, {
        at: now,
        actor,
        opId,
        guard: { ruleGeneration: generation },
      });
      for (const r of done) {
        outcomes.set(r.identifier, r.outcome === 'updated' ? 'already_member' : (r.outcome as ReconcileOutcome));
        written.add(r.identifier);
      }
      superseded = groupFailed;
      const again = new Set(retry.map((t) => t.identifier));
      todo = todo.filter((d) => again.has(d.learnerUuid));
    }
    const joined = [...outcomes].flatMap(([learnerUuid, o]) => (o === 'added' || o === 'revived' ? [learnerUuid] : []));
    await enrollInModules?.(
      group,
      joined.map((learnerUuid) => ({ learnerUuid })),
      { actor, opId },
    );
    return { outcomes, written, superseded };
  };

function planFor(
  group: Group,
  d: RuleDecision,
  current: Membership | undefined,
  {
    generation,
    now,
    opId,
    ids,
    deferRemovals,
  }: { generation: number; now: string; opId?: string | undefined; ids: IdGenerator; deferRemovals: boolean },
): Planned | ReconcileOutcome {
  const target: Target = { identifier: d.learnerUuid, ref: { learnerUuid: d.learnerUuid } };
  const counted = current !== undefined && COUNTED.includes(current.status);
  const byRule = current?.source === 'rule';
  // A replayed chunk (a worker died after committing) reports what its first attempt did.
  const replayed = opId !== undefined && current?.last_op_id === opId ? current.last_op_outcome : null;
  if (replayed && (d.matches ? counted && ['added', 'revived'].includes(replayed) : !counted && replayed === 'removed'))
    return replayed as ReconcileOutcome;
  const plan = (write: Planned['write'], outcome: Planned['outcome'], after: Membership): Planned => ({
    target,
    write,
    outcome,
    before: current,
    beforeHome: false,
    after,
    afterHome: false,
  });
  if (!d.matches) {
    if (!counted || !byRule) return 'not_member';
    // A member from before this run is left unstamped: the sweep finds it among the run's stale members,
    // counts it against the group's removal guard and removes it then (or holds every removal for an
    // admin's approval). One this run's generation already confirmed (a learner that changed while its
    // chunk was applied) is this run's own correction, removed at once.
    if (deferRemovals && (current.rule_generation ?? 0) < generation) return 'removal_pending';
    const after = {
      ...current,
      status: 'removed' as const,
      removed_at: now,
      modified: now,
      removed_by: 'rule' as const,
    };
    return plan(
      { kind: 'remove', ref: target.ref, at: now, opId, removedBy: 'rule', olderThanGeneration: generation + 1 },
      'removed',
      after,
    );
  }
  if (counted && !byRule) return 'already_member';
  if (counted) {
    if (current.rule_generation === generation) return 'already_member';
    const after: Membership = { ...current, rule_generation: generation, modified: now };
    // A stamp, not a change a reader sees: recorded as `already_member`, audited as `updated`.
    return { ...plan({ kind: 'update', membership: after, expectedModified: current.modified }, 'updated', after) };
  }
  if (current && current.status !== 'removed') return 'excluded';
  if (current && (current.removed_by ?? 'admin') === 'admin') return 'excluded';
  const after: Membership = {
    enterprise_group_membership_uuid: current?.enterprise_group_membership_uuid ?? ids.uuid(),
    group_uuid: group.group_uuid,
    enterprise_customer_uuid: group.enterprise_customer_uuid,
    learner_uuid: d.learnerUuid,
    pending_learner_email: null,
    status: 'active',
    source: 'rule',
    invited_at: null,
    activated_at: now,
    removed_at: null,
    created: current?.created ?? now,
    modified: now,
    permissions: [],
    last_op_id: opId ?? null,
    last_op_outcome: current ? 'revived' : 'added',
    rule_generation: generation,
    removed_by: null,
    ...joinedNow(current, now),
  };
  return plan({ kind: current ? 'revive' : 'add', membership: after }, current ? 'revived' : 'added', after);
}
