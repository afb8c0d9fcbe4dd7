import type { Caller } from '#shared/auth/caller';
import type { Branch } from '#shared/branches/branch';
import type { StartedRecalculation } from '#shared/branches/put-branch';
import { DomainError } from '#shared/errors';
import type { GroupRepository } from '#shared/groups/group-repository';
import { branchScopesDiffer } from './evaluate-ruleset';
import { MAX_AUTOMATIC_GROUPS } from './reevaluate-learner';
import type { StartRecalculation } from './start-recalculation';

export interface BranchMoveDeps {
  groups: Pick<GroupRepository, 'listAll'>;
  start: StartRecalculation;
}

/** Refusals that mean the group no longer takes a run (paused or deleted meanwhile): nothing to start. */
const GONE = new Set(['rule_processing_paused', 'not_automatic', 'group_not_found']);

/**
 * After a branch is created under a parent or moved: starts a recalculation (through the bulk
 * engine) of each active automatic group of the tenant, rules on, whose branch rules accept other
 * branches in the new tree than in the old — an `include_descendants` rule whose subtree gained or
 * lost branches. Other groups are left alone: their rules read only the learner's own fields.
 * Answers the runs it started.
 */
export const makeRecalculateOnBranchMove =
  ({ groups, start }: BranchMoveDeps) =>
  async (caller: Caller, tenant: string, trees: { before: Branch[]; after: Branch[] }) => {
    const automatic = await groups.listAll(tenant, { type: 'automatic', status: 'active' }, MAX_AUTOMATIC_GROUPS);
    const started: StartedRecalculation[] = [];
    for (const group of automatic) {
      if (!group.ruleset || group.rule_processing?.state === 'paused') continue;
      if (!branchScopesDiffer(group.ruleset, trees.before, trees.after)) continue;
      try {
        const job = await start(caller, group);
        started.push({ group_uuid: group.group_uuid, job_id: job.job_id });
      } catch (error) {
        if (!(error instanceof DomainError && GONE.has(error.code))) throw error;
      }
    }
    return started;
  };
