import type { Caller } from '#shared/auth/caller';
import type { Page } from '#shared/db/paging';
import type { GroupRepository } from '#shared/groups/group-repository';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { COUNTED, type Membership } from './membership';
import type { MembershipRepository } from './membership-repository';
import { publicMembership } from './outcomes';

export interface MemberListInput {
  status?: Membership['status'] | undefined;
  source?: Membership['source'] | undefined;
  pageSize: number;
  cursor?: string | undefined;
}

/**
 * One page of a group's members with their details. Without a status filter it lists the members
 * that count (active and pending), and `count` is the group's exact `member_count`.
 */
export const makeListGroupLearners =
  (
    groups: Pick<GroupRepository, 'get'>,
    memberships: Pick<MembershipRepository, 'list' | 'count'>,
    learners: Pick<LearnerRepository, 'getMany'>,
  ) =>
  async (caller: Caller, groupUuid: string, input: MemberListInput) => {
    const group = await loadAdministeredGroup(groups, caller, groupUuid);
    const statuses = input.status ? [input.status] : [...COUNTED];
    const query = { groupUuid, statuses, source: input.source };
    const [page, count] = await Promise.all([
      memberships.list({ ...query, pageSize: input.pageSize, cursor: input.cursor }),
      input.status || input.source ? memberships.count(query) : Promise.resolve(group.member_count),
    ]);
    const details = await learners.getMany(page.items.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : [])));
    const items = page.items.map((m) => {
      const learner = m.learner_uuid ? details.get(m.learner_uuid) : undefined;
      const name = [learner?.first_name, learner?.last_name].filter(Boolean).join(' ');
      return {
        ...publicMembership(m),
        member_details: { user_email: learner?.email ?? m.pending_learner_email, user_name: name || null },
      };
    });
    return { ...page, items, count } satisfies Page<unknown> & { count: number };
  };
