import type { Caller } from '#shared/auth/caller';
import { pageSorted } from '#shared/db/page-sorted';
import type { Page } from '#shared/db/paging';
import type { GroupRepository } from '#shared/groups/group-repository';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import type { Learner } from '#shared/learners/learner';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { COUNTED, type Membership, refKey, refOf } from './membership';
import type { MembershipRepository } from './membership-repository';
import { publicMembership } from './outcomes';
import { searchGroupMembers } from './search-group-members';

export interface MemberListInput {
  /** Words, each the start of the member's e-mail, first name or last name. */
  search?: string | undefined;
  status?: Membership['status'] | undefined;
  source?: Membership['source'] | undefined;
  pageSize: number;
  cursor?: string | undefined;
}

/**
 * One page of a group's members with their details, `home_group` and `permissions`. Without a
 * status filter it lists the members that count (active and pending), and `count` is the group's
 * exact `member_count`. With `search`, matches are sorted by e-mail and `count` is their number.
 */
export const makeListGroupLearners =
  (
    groups: Pick<GroupRepository, 'get'>,
    memberships: Pick<MembershipRepository, 'list' | 'count' | 'homeGroupsOf' | 'getMany' | 'byEmailPrefix'>,
    learners: Pick<LearnerRepository, 'getMany' | 'searchUuids'>,
  ) =>
  async (caller: Caller, groupUuid: string, input: MemberListInput) => {
    const group = await loadAdministeredGroup(groups, caller, groupUuid);
    const statuses = input.status ? [input.status] : [...COUNTED];
    const query = { groupUuid, statuses, source: input.source };
    let page: Page<Membership>;
    let count: number;
    let details: Map<string, Learner>;
    if (input.search) {
      const found = await searchGroupMembers({ memberships, learners }, group, { ...query, search: input.search });
      const email = (m: Membership) => found.learners.get(m.learner_uuid ?? '')?.email ?? m.pending_learner_email ?? '';
      page = pageSorted(found.members, (m) => `${email(m)}#${refKey(refOf(m))}`, input);
      count = found.members.length;
      details = found.learners;
    } else {
      [page, count] = await Promise.all([
        memberships.list({ ...query, pageSize: input.pageSize, cursor: input.cursor }),
        input.status || input.source ? memberships.count(query) : Promise.resolve(group.member_count),
      ]);
      details = await learners.getMany(page.items.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : [])));
    }
    const homes = await memberships.homeGroupsOf(group.enterprise_customer_uuid, page.items.map(refOf));
    const items = page.items.map((m) => {
      const learner = m.learner_uuid ? details.get(m.learner_uuid) : undefined;
      const name = [learner?.first_name, learner?.last_name].filter(Boolean).join(' ');
      return {
        ...publicMembership(m, homes.get(refKey(refOf(m))) === groupUuid),
        member_details: { user_email: learner?.email ?? m.pending_learner_email, user_name: name || null },
      };
    });
    return { ...page, items, count } satisfies Page<unknown> & { count: number };
  };
