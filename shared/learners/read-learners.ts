import { assertAdministers, type Caller, isLearnerSelf } from '#shared/auth/caller';
import { learnerNotFound } from '#shared/errors';
import type { GroupRepository } from '#shared/groups/group-repository';
import { COUNTED, refKey } from '#shared/memberships/membership';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import type { Learner } from './learner';
import type { LearnerListQuery, LearnerRepository } from './learner-repository';

/**
 * A learner of the tenant, with the groups it counts in (and which one is its home group); an admin
 * of the tenant or the learner itself.
 */
export const makeGetLearner =
  (
    learners: Pick<LearnerRepository, 'get'>,
    memberships: Pick<MembershipRepository, 'listByMember' | 'homeGroupsOf'>,
    groups: Pick<GroupRepository, 'getMany'>,
  ) =>
  async (caller: Caller, tenant: string, learnerUuid: string) => {
    const learner = await loadLearner(learners, caller, tenant, learnerUuid, true);
    const own = (await memberships.listByMember(tenant, { learnerUuid })).filter((m) => COUNTED.includes(m.status));
    const [found, homes] = await Promise.all([
      groups.getMany(own.map((m) => m.group_uuid)),
      memberships.homeGroupsOf(tenant, [{ learnerUuid }]),
    ]);
    const home = homes.get(refKey({ learnerUuid }));
    const list = own.flatMap((m) => {
      const g = found.get(m.group_uuid);
      return g
        ? [
            {
              group_uuid: g.group_uuid,
              name: g.name,
              enterprise_group_membership_uuid: m.enterprise_group_membership_uuid,
              status: m.status,
              home_group: m.group_uuid === home,
              permissions: m.permissions ?? [],
            },
          ]
        : [];
    });
    return { ...learner, groups: list };
  };

export async function loadLearner(
  learners: Pick<LearnerRepository, 'get'>,
  caller: Caller,
  tenant: string,
  learnerUuid: string,
  selfAllowed = false,
): Promise<Learner> {
  if (!(selfAllowed && isLearnerSelf(caller, tenant, learnerUuid))) assertAdministers(caller, tenant);
  const learner = await learners.get(tenant, learnerUuid);
  if (!learner) throw learnerNotFound(learnerUuid);
  return learner;
}

/** The tenant's directory, sorted by e-mail; `search` is an e-mail prefix. */
export const makeListLearners =
  (learners: Pick<LearnerRepository, 'list'>) => async (caller: Caller, query: LearnerListQuery) => {
    assertAdministers(caller, query.tenant);
    return learners.list({ ...query, emailPrefix: query.emailPrefix?.trim().toLowerCase() });
  };
