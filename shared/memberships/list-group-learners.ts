import type { Caller } from '#shared/auth/caller';
import { pageSorted } from '#shared/db/page-sorted';
import type { Page } from '#shared/db/paging';
import type { GroupRepository } from '#shared/groups/group-repository';
import { administeredGroup } from '#shared/groups/read-group';
import type { Learner } from '#shared/learners/learner';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { ValidationError } from '#shared/errors';
import { type Clock, systemClock } from '#shared/clock';
import type { Group } from '#shared/groups/group';
import { COUNTED, type MemberSort, type Membership, refKey, refOf } from './membership';
import { assertAsOf, countedAt, membershipAt } from './membership-periods';
import type { MembershipRepository } from './membership-repository';
import { type Throttle, unthrottled } from '#shared/throttle/throttle';
import { publicMembership } from './outcomes';
import { resolveMembers } from './resolve-members';
import { listAllMembers, searchGroupMembers } from './search-group-members';

export interface MemberListInput {
  /** Words, each the start of the member's e-mail, first name or last name. */
  search?: string | undefined;
  /** Open edX `learners=`: only the members with these (normalized) e-mails. */
  learners?: string[] | undefined;
  status?: Membership['status'] | undefined;
  source?: Membership['source'] | undefined;
  sortBy?: MemberSort | undefined;
  sortDir?: 'asc' | 'desc' | undefined;
  pageSize: number;
  cursor?: string | undefined;
  /** The members as they stood at this instant (UTC ISO), instead of now. */
  asOf?: string | undefined;
}

/**
 * A status/source-filtered count reads at most this many membership items (removed ones included);
 * past it `count` is the matches among them and `count_exact` is false.
 */
export const MAX_COUNT_READ = 10_000;

/** Sorting reads every matching member and its learner, then sorts in memory: bounded here. */
export const MAX_MEMBERS_SORTED_IN_MEMORY = 10_000;

const sortValue: Record<MemberSort, (m: Membership, learner: Learner | undefined) => string> = {
  email: (m, l) => l?.email ?? m.pending_learner_email ?? '',
  first_name: (_, l) => l?.first_name?.toLocaleLowerCase('en-US') ?? '',
  last_name: (_, l) => l?.last_name?.toLocaleLowerCase('en-US') ?? '',
  created: (m) => m.created,
  activated_at: (m) => m.activated_at ?? '',
  status: (m) => m.status,
};

/**
 * One page of a group's members with their details, `home_group` and `permissions`. Without a
 * status filter it lists the members that count (active and pending), and `count` is the group's
 * exact `member_count`. With `search`, matches are sorted by e-mail (or `sortBy`) and `count` is
 * their number. `sortBy` alone reads the matching members whole (up to MAX_MEMBERS_SORTED_IN_MEMORY,
 * else a 400 naming `query.sort_by`) and pages them with keyset cursors in that order.
 */
export const makeListGroupLearners =
  (
    groups: Pick<GroupRepository, 'getWithHomes'>,
    memberships: Pick<
      MembershipRepository,
      'list' | 'countUpTo' | 'listUpTo' | 'homeGroupsOf' | 'getMany' | 'byEmailPrefix'
    >,
    learners: Pick<LearnerRepository, 'getMany' | 'searchUuids' | 'findUuids'>,
    throttle: Throttle = unthrottled,
    clock: Clock = systemClock,
  ) =>
  async (caller: Caller, groupUuid: string, input: MemberListInput) => {
    const statuses = input.status ? [input.status] : [...COUNTED];
    const query = { groupUuid, statuses, source: input.source };
    const plain = !input.asOf && !input.learners && !input.search && !input.sortBy;
    // A plain page's Query names no tenant, so it runs while the group is read; its answer (or its
    // error: a bad cursor) is looked at only once the group's read has decided what the caller may see.
    const listing = plain ? memberships.list({ ...query, pageSize: input.pageSize, cursor: input.cursor }) : undefined;
    listing?.catch(() => undefined);
    const read = await groups.getWithHomes(groupUuid);
    const group = administeredGroup(caller, groupUuid, read?.group);
    const homeMembers = read?.homeMembers ?? true;
    const tenant = group.enterprise_customer_uuid;
    let page: Page<Membership>;
    let count: number;
    let countExact = true;
    /** The learners of the page's members, when the branch read them already; else read below. */
    let details: Map<string, Learner> | undefined;
    if (input.asOf) {
      assertAsOf(input.asOf, clock.now());
      await throttle('member_search', caller, tenant);
      const found = await membersAsOf(memberships, learners, group, { ...query, asOf: input.asOf }, !!input.sortBy);
      const value = input.sortBy ? sortValue[input.sortBy] : () => '';
      page = pageSorted(
        found.members,
        (m) => `${value(m, found.learners.get(m.learner_uuid ?? ''))}#${refKey(refOf(m))}`,
        { ...input, descending: input.sortDir === 'desc' },
      );
      count = found.members.length;
      details = input.sortBy ? found.learners : undefined;
    } else if (!listing) {
      await throttle('member_search', caller, tenant);
      const found = input.learners
        ? await namedMembers(memberships, learners, tenant, query, input.learners)
        : input.search
          ? await searchGroupMembers({ memberships, learners }, group, { ...query, search: input.search })
          : await readAllForSort(memberships, learners, tenant, query);
      const value = sortValue[input.sortBy ?? 'email'];
      page = pageSorted(
        found.members,
        (m) => `${value(m, found.learners.get(m.learner_uuid ?? ''))}#${refKey(refOf(m))}`,
        { ...input, descending: input.sortDir === 'desc' },
      );
      count = found.members.length;
      details = found.learners;
    } else {
      let counted: { count: number; exact: boolean };
      [page, counted] = await Promise.all([
        listing,
        input.status || input.source
          ? memberships.countUpTo(query, MAX_COUNT_READ)
          : Promise.resolve({ count: group.member_count, exact: true }),
      ]);
      count = counted.count;
      countExact = counted.exact;
    }
    // The page's learners and home-group pointers are independent reads: side by side. A group no
    // member has ever had as home group (`homeMembers` false) has no pointer to read.
    const [names, homes] = await Promise.all([
      details ??
        learners.getMany(
          tenant,
          page.items.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : [])),
        ),
      homeMembers ? memberships.homeGroupsOf(tenant, page.items.map(refOf)) : new Map<string, string>(),
    ]);
    const items = page.items.map((m) => {
      const learner = m.learner_uuid ? names.get(m.learner_uuid) : undefined;
      const name = [learner?.first_name, learner?.last_name].filter(Boolean).join(' ');
      return {
        ...publicMembership(m, homes.get(refKey(refOf(m))) === groupUuid),
        // As Open edX's serializer: a learner's e-mail and name, a pending member's e-mail alone.
        member_details: m.learner_uuid
          ? { user_email: learner?.email ?? m.pending_learner_email ?? null, user_name: name || null }
          : { user_email: m.pending_learner_email },
      };
    });
    return { ...page, items, count, countExact } satisfies Page<unknown> & { count: number; countExact: boolean };
  };

/** The members with these e-mails (a learner's, or a pending one), within the status and source filters. */
async function namedMembers(
  memberships: Pick<MembershipRepository, 'getMany'>,
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids'>,
  tenant: string,
  query: { groupUuid: string; statuses: Membership['status'][]; source?: Membership['source'] | undefined },
  emails: string[],
): Promise<{ members: Membership[]; learners: Map<string, Learner> }> {
  const { targets } = await resolveMembers(learners, tenant, { learner_emails: emails });
  const found = await memberships.getMany(
    query.groupUuid,
    targets.map((t) => t.ref),
  );
  const members = [...found.values()].filter(
    (m) => query.statuses.includes(m.status) && (!query.source || m.source === query.source),
  );
  const uuids = members.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : []));
  return { members, learners: await learners.getMany(tenant, uuids) };
}

async function readAllForSort(
  memberships: Pick<MembershipRepository, 'list'>,
  learners: Pick<LearnerRepository, 'getMany'>,
  tenant: string,
  query: { groupUuid: string; statuses: Membership['status'][]; source?: Membership['source'] | undefined },
): Promise<{ members: Membership[]; learners: Map<string, Learner> }> {
  const members = await listAllMembers(memberships, query.groupUuid, query, MAX_MEMBERS_SORTED_IN_MEMORY);
  if (members.length > MAX_MEMBERS_SORTED_IN_MEMORY) {
    throw new ValidationError(
      `sort_by is available for up to ${MAX_MEMBERS_SORTED_IN_MEMORY} matching members; add a search or a status/source filter, or export the group`,
      [{ path: 'query.sort_by', message: `more than ${MAX_MEMBERS_SORTED_IN_MEMORY} members match` }],
    );
  }
  return {
    members,
    learners: await learners.getMany(
      tenant,
      members.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : [])),
    ),
  };
}

/** A group's memberships read whole for `as_of`: bounded, the answer being built in memory. */
export const MAX_MEMBERSHIPS_AS_OF = 50_000;

/**
 * The members at `asOf`, as they stood then, within the status and source filters: every membership
 * item of the group (one per learner or e-mail that was ever a member) whose periods cover the instant.
 */
async function membersAsOf(
  memberships: Pick<MembershipRepository, 'list'>,
  learners: Pick<LearnerRepository, 'getMany'>,
  group: Pick<Group, 'group_uuid' | 'enterprise_customer_uuid' | 'created'>,
  query: { statuses: Membership['status'][]; source?: Membership['source'] | undefined; asOf: string },
  withDetails: boolean,
): Promise<{ members: Membership[]; learners: Map<string, Learner> }> {
  if (query.asOf < group.created) return { members: [], learners: new Map() };
  const every = await listAllMembers(
    memberships,
    group.group_uuid,
    { statuses: ['active', 'pending', 'removed', 'error'], source: query.source },
    MAX_MEMBERSHIPS_AS_OF,
  );
  if (every.length > MAX_MEMBERSHIPS_AS_OF) {
    throw new ValidationError(`as_of is available for groups of up to ${MAX_MEMBERSHIPS_AS_OF} memberships ever`, [
      { path: 'query.as_of', message: `the group has more than ${MAX_MEMBERSHIPS_AS_OF} memberships` },
    ]);
  }
  const members = every
    .filter((m) => countedAt(m, query.asOf))
    .map((m) => membershipAt(m, query.asOf))
    .filter((m) => query.statuses.includes(m.status));
  const uuids = withDetails ? members.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : [])) : [];
  return { members, learners: await learners.getMany(group.enterprise_customer_uuid, uuids) };
}
