import type { EnrollmentChanges } from '#shared/enrollments/enrollment';
import type { Group } from '#shared/groups/group';
import type { GroupRepository } from '#shared/groups/group-repository';
import { decisionsMoved, decisionsOf, type EvaluateLearners } from './load-rule-facts';
import type { makeReconcileRuleMembers } from './reconcile-rule-members';
import { MAX_AUTOMATIC_GROUPS } from './reevaluate-learner';
import { coursesOf } from './ruleset';

export interface ReevaluateEnrolleesDeps {
  groups: Pick<GroupRepository, 'get' | 'listAll'>;
  evaluate: EvaluateLearners;
  reconcile: ReturnType<typeof makeReconcileRuleMembers>;
}

/** Learners evaluated and reconciled together (a bulk job's chunk is at most 500 rows). */
const SLICE = 500;
/** Rounds of evaluate-write-verify, as for a recalculation chunk. */
const ROUNDS = 3;

/**
 * Incremental evaluation after enrollment changes (a completion, bulk_enroll, batch participants,
 * sync or job chunk): re-evaluates the learners whose status moved in a course against each active
 * automatic group of the tenant, rules on, whose ruleset has an `enrollment_status` rule naming
 * that course, and reconciles their rule memberships under the group's current generation. Reads
 * one Query of groups per call and, per concerned group, the learners and enrollments in batches.
 * After writing it evaluates again the learners it wrote and redoes those whose decision moved
 * meanwhile; a run that moved the generation makes it re-read the group. Idempotent, so a replayed
 * chunk is harmless.
 */
export const makeReevaluateEnrollees =
  ({ groups, evaluate, reconcile }: ReevaluateEnrolleesDeps) =>
  async (tenant: string, changes: EnrollmentChanges, { actor }: { actor: string }): Promise<void> => {
    if (!changes.some((c) => c.learner_uuids.length > 0)) return;
    const automatic = await groups.listAll(tenant, { type: 'automatic', status: 'active' }, MAX_AUTOMATIC_GROUPS);
    for (const group of automatic) {
      if (!group.ruleset) continue;
      const courses = new Set(coursesOf(group.ruleset));
      const learners = [...new Set(changes.filter((c) => courses.has(c.course_id)).flatMap((c) => c.learner_uuids))];
      for (let i = 0; i < learners.length; i += SLICE) await converge(group, learners.slice(i, i + SLICE));
    }

    async function converge(listed: Group, learnerUuids: string[]): Promise<void> {
      let group: Group | undefined = listed;
      let todo = learnerUuids;
      for (let round = 0; todo.length > 0 && round < ROUNDS; round++) {
        if (!group?.ruleset || group.rule_processing?.state === 'paused') return;
        const evaluated = await evaluate(tenant, group.ruleset, todo);
        const { superseded, written } = await reconcile(group, decisionsOf(evaluated, todo), { actor });
        if (superseded) group = await groups.get(group.group_uuid);
        // Only a membership this pass wrote can undo a newer evaluation; the others it left as they were.
        else todo = await decisionsMoved(evaluate, tenant, group.ruleset, evaluated, [...written]);
      }
    }
  };
