import type { Caller } from '#shared/auth/caller';
import type { GroupRepository } from '#shared/groups/group-repository';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import type { StartMembershipJob } from '#shared/jobs/start-membership-job';
import { syncOrJob } from '#shared/jobs/sync-or-job';
import type { AssignInput } from './assign-learners';
import { type ExpandDeps, expandMemberSources } from './expand-member-sources';
import { MAX_SYNC_IDENTIFIERS } from './schemas';

export interface AssignOrQueueDeps<R> extends ExpandDeps {
  groups: Pick<GroupRepository, 'get' | 'getMany'>;
  /** The synchronous assign (makeAssignLearners). */
  assign: (caller: Caller, groupUuid: string, input: AssignInput) => Promise<R>;
  startJob: StartMembershipJob;
}

/**
 * assign_learners: synchronous up to MAX_SYNC_IDENTIFIERS learners, else an `assign_learners` job.
 * Branches and groups are expanded first so that their size counts; the job's rows are the explicit
 * identifiers plus the expanded learners (each once, a named uuid never again), the sources the
 * expansion refused are reported on rows of their own, and the call's home_group / permissions
 * travel with the job.
 */
export const makeAssignOrQueue =
  <R>({ assign, startJob, ...deps }: AssignOrQueueDeps<R>) =>
  async (caller: Caller, groupUuid: string, input: AssignInput) => {
    const hasSources = (input.branch_ids?.length ?? 0) + (input.group_uuids?.length ?? 0) > 0;
    const group = hasSources ? await loadAdministeredGroup(deps.groups, caller, groupUuid) : undefined;
    const expanded = group
      ? await expandMemberSources(deps, group.enterprise_customer_uuid, groupUuid, input)
      : { learnerUuids: [], rejected: [] };
    const named = new Set((input.learner_uuids ?? []).map((u) => u.trim().toLowerCase()));
    const learnerUuids = [...(input.learner_uuids ?? []), ...expanded.learnerUuids.filter((u) => !named.has(u))];
    const { home_group, permissions } = input;
    return syncOrJob(
      learnerUuids.length + (input.learner_emails?.length ?? 0),
      MAX_SYNC_IDENTIFIERS,
      () => assign(caller, groupUuid, input),
      () =>
        startJob(
          caller,
          groupUuid,
          'assign_learners',
          { learner_uuids: learnerUuids, learner_emails: input.learner_emails },
          { rejected: expanded.rejected, settings: { home_group, permissions } },
        ),
    );
  };
