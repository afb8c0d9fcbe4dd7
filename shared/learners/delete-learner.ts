import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { ConflictError } from '#shared/errors';
import type { GroupRepository } from '#shared/groups/group-repository';
import { membershipsChangedEntry } from '#shared/history/history-entry';
import { COUNTED, refKey } from '#shared/memberships/membership';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import type { LearnerRepository } from './learner-repository';
import { loadLearner } from './read-learners';

/**
 * Removes a learner from the directory and from every group it counts in (each group's
 * `member_count` drops and the group's history records it, in the same transaction). Memberships are
 * removed before the learner, so a failure half way leaves the learner in place and a retry finishes
 * the job; the learner's delete takes its home-group pointer with it. An assign that read the learner
 * just before the delete may commit its membership after the first pass, so the groups are swept
 * once more after the delete (the assign, for its part, checks its learners after committing).
 */
export const makeDeleteLearner =
  (
    learners: Pick<LearnerRepository, 'get' | 'delete'>,
    memberships: Pick<MembershipRepository, 'listByMember' | 'commit' | 'homeGroupsOf'>,
    groups: Pick<GroupRepository, 'get'>,
    clock: Clock,
  ) =>
  async (caller: Caller, tenant: string, learnerUuid: string): Promise<void> => {
    const learner = await loadLearner(learners, caller, tenant, learnerUuid);
    const leaveGroups = makeLeaveGroups(memberships, groups, clock);
    await leaveGroups(tenant, learnerUuid, caller.sub);
    await learners.delete(learner);
    await leaveGroups(tenant, learnerUuid, caller.sub);
  };

/** Removes a learner (`learner_deleted`) from every group it counts in, one transaction per group. */
export const makeLeaveGroups =
  (
    memberships: Pick<MembershipRepository, 'listByMember' | 'commit' | 'homeGroupsOf'>,
    groups: Pick<GroupRepository, 'get'>,
    clock: Clock,
  ) =>
  async (tenant: string, learnerUuid: string, actor: string): Promise<void> => {
    const counted = (await memberships.listByMember(tenant, { learnerUuid })).filter((m) => COUNTED.includes(m.status));
    const home = (await memberships.homeGroupsOf(tenant, [{ learnerUuid }])).get(refKey({ learnerUuid }));
    for (const m of counted) {
      const group = await groups.get(m.group_uuid);
      // A deleted group's memberships are swept by its cleanup worker.
      if (!group) continue;
      const at = clock.now();
      const state = { home_group: home === m.group_uuid, permissions: m.permissions ?? [] };
      const history = membershipsChangedEntry(
        group,
        [
          {
            enterprise_group_membership_uuid: m.enterprise_group_membership_uuid,
            learner_uuid: learnerUuid,
            pending_learner_email: null,
            outcome: 'removed',
            before: { ...state, status: m.status },
            after: { status: 'removed', home_group: false, permissions: state.permissions },
          },
        ],
        { actor, at },
      );
      const outcome = await memberships.commit(
        group,
        [{ kind: 'remove', ref: { learnerUuid }, at, removedBy: 'learner_deleted' }],
        at,
        history,
      );
      if (!outcome.ok)
        throw new ConflictError(
          'concurrent_modification',
          `Group ${m.group_uuid} changed while removing the learner; retry`,
        );
    }
  };
