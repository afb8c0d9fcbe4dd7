import type { Caller } from '#shared/auth/caller';
import type { Clock } from '#shared/clock';
import { ConflictError } from '#shared/errors';
import type { GroupRepository } from '#shared/groups/group-repository';
import { COUNTED } from '#shared/memberships/membership';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import type { LearnerRepository } from './learner-repository';
import { loadLearner } from './read-learners';

/**
 * Removes a learner from the directory and from every group it counts in (each group's
 * `member_count` drops in the same transaction). Memberships are removed before the learner, so a
 * failure half way leaves the learner in place and a retry finishes the job.
 */
export const makeDeleteLearner =
  (
    learners: Pick<LearnerRepository, 'get' | 'delete'>,
    memberships: Pick<MembershipRepository, 'listByMember' | 'commit'>,
    groups: Pick<GroupRepository, 'get'>,
    clock: Clock,
  ) =>
  async (caller: Caller, tenant: string, learnerUuid: string): Promise<void> => {
    const learner = await loadLearner(learners, caller, tenant, learnerUuid);
    const counted = (await memberships.listByMember(tenant, { learnerUuid })).filter((m) => COUNTED.includes(m.status));
    for (const m of counted) {
      const group = await groups.get(m.group_uuid);
      // A deleted group's memberships are swept by its cleanup worker.
      if (!group) continue;
      const outcome = await memberships.commit(
        group,
        [{ kind: 'remove', ref: { learnerUuid }, at: clock.now() }],
        clock.now(),
      );
      if (!outcome.ok)
        throw new ConflictError(
          'concurrent_modification',
          `Group ${m.group_uuid} changed while removing the learner; retry`,
        );
    }
    await learners.delete(learner);
  };
