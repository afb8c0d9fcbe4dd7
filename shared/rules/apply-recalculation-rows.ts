import type { GroupRepository } from '#shared/groups/group-repository';
import type { RowApplier } from '#shared/jobs/apply-job-chunk';
import type { RowResult } from '#shared/jobs/job';
import { decisionsMoved, decisionsOf, type EvaluateLearners } from './load-rule-facts';
import type { makeReconcileRuleMembers } from './reconcile-rule-members';

export const RULES_ACTOR = 'rules';

export interface RecalculationDeps {
  groups: Pick<GroupRepository, 'get'>;
  evaluate: EvaluateLearners;
  reconcile: ReturnType<typeof makeReconcileRuleMembers>;
}

/** Rounds of evaluate-write-verify for learners that keep changing while their chunk is applied. */
const ROUNDS = 3;

/**
 * One chunk of a recalculation: evaluates its learners against the group's ruleset and reconciles
 * their rule memberships under the run's generation. A chunk of a superseded run writes nothing
 * (`superseded`). After writing, the learners whose membership it wrote are evaluated again and
 * those whose decision moved meanwhile (a learner write, an enrollment change, a branch move) are
 * written again: their own incremental evaluation may have run before this chunk's write, and must
 * not be undone by it. (A learner whose membership the chunk left alone keeps whatever its own
 * evaluation wrote.) In a group with a removal guard, the members to remove are only reported
 * (`removal_pending`): the sweep counts them against the guard before removing any.
 */
export const makeApplyRecalculationRows =
  ({ groups, evaluate, reconcile }: RecalculationDeps): RowApplier =>
  async (job, rows, opId) => {
    const generation = Number(job.target.generation);
    const outcomes = new Map<string, string>();
    let todo = rows.map((r) => String(r.input.learner_uuid));
    for (let round = 0; todo.length > 0 && round < ROUNDS; round++) {
      const group = await groups.get(String(job.target.group_uuid));
      if (!group?.ruleset || group.rule_generation !== generation) {
        todo.forEach((u) => outcomes.set(u, 'superseded'));
        break;
      }
      const evaluated = await evaluate(group.enterprise_customer_uuid, group.ruleset, todo);
      const result = await reconcile(group, decisionsOf(evaluated, todo), {
        actor: RULES_ACTOR,
        opId,
        deferRemovals: group.removal_guard !== null,
      });
      result.outcomes.forEach((o, u) => outcomes.set(u, o));
      if (result.superseded) {
        const now = await groups.get(group.group_uuid);
        const stillOurs = now?.rule_generation === generation;
        // Same generation: the group refused the adds (inactive, or its user limit): report, do not loop.
        todo
          .filter((u) => !result.outcomes.has(u))
          .forEach((u) => outcomes.set(u, stillOurs ? 'refused' : 'superseded'));
        break;
      }
      // Only a membership this chunk wrote can undo a newer evaluation; the others it left as they were.
      const wrote = todo.filter((u) => result.written.has(u));
      todo = await decisionsMoved(evaluate, group.enterprise_customer_uuid, group.ruleset, evaluated, wrote);
    }
    return rows.map((r): RowResult => {
      const uuid = String(r.input.learner_uuid);
      const outcome = outcomes.get(uuid) ?? 'failed';
      return outcome === 'refused'
        ? {
            index: r.index,
            identifier: uuid,
            outcome: 'failed',
            code: 'group_refused_member',
            message: 'the group is inactive or full',
          }
        : { index: r.index, identifier: uuid, outcome };
    });
  };
