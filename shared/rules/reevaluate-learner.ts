import type { GroupRepository } from '#shared/groups/group-repository';
import type { EvaluateLearners } from './load-rule-facts';
import type { makeReconcileRuleMembers } from './reconcile-rule-members';

export interface ReevaluateDeps {
  groups: Pick<GroupRepository, 'get' | 'listAll'>;
  evaluate: EvaluateLearners;
  reconcile: ReturnType<typeof makeReconcileRuleMembers>;
}

/** Automatic groups a tenant may have that one learner change re-evaluates. */
export const MAX_AUTOMATIC_GROUPS = 1000;

/**
 * Incremental rule evaluation: after a learner is created, changed or deleted, re-evaluates it
 * against each active automatic group of its tenant whose rules are on, and adds or removes its
 * `rule` membership under the group's current generation, without a recalculation. A run that
 * moves the generation meanwhile makes the write `superseded`: the group is read again and the
 * learner re-evaluated under the new generation. Idempotent, so a retried learner write finishes it.
 */
export const makeReevaluateLearner =
  ({ groups, evaluate, reconcile }: ReevaluateDeps) =>
  async (tenant: string, learnerUuid: string, { actor }: { actor: string }): Promise<void> => {
    const automatic = await groups.listAll(tenant, { type: 'automatic', status: 'active' }, MAX_AUTOMATIC_GROUPS);
    for (const listed of automatic) {
      let group: typeof listed | undefined = listed;
      for (let attempt = 0; attempt < 3 && group?.ruleset && group.rule_processing?.state !== 'paused'; attempt++) {
        const evaluated = await evaluate(tenant, group.ruleset, [learnerUuid]);
        const matches = evaluated.get(learnerUuid)?.evaluation.matches ?? false;
        const { superseded } = await reconcile(group, [{ learnerUuid, matches }], { actor });
        if (!superseded) break;
        group = await groups.get(group.group_uuid);
      }
    }
  };
