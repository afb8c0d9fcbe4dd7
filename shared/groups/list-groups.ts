import { administers, type Caller, isLearnerSelf } from '#shared/auth/caller';
import { pageSorted } from '#shared/db/page-sorted';
import type { Page } from '#shared/db/paging';
import { ForbiddenError, ValidationError } from '#shared/errors';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { type Clock, systemClock } from '#shared/clock';
import { COUNTED } from '#shared/memberships/membership';
import { assertAsOf, countedAt } from '#shared/memberships/membership-periods';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import { type Group, type LearnerGroupView, learnerGroupView, normalizeName } from './group';
import type { GroupFilters, GroupRepository } from './group-repository';

export type GroupSort = 'name' | 'created' | 'modified' | 'member_count';

export interface ListGroupsInput extends GroupFilters {
  enterpriseUuid?: string | undefined;
  learnerUuid?: string | undefined;
  /** SmarterU GroupID: at most one group of the tenant has it. */
  externalId?: string | undefined;
  sortBy: GroupSort;
  sortDir: 'asc' | 'desc';
  pageSize: number;
  cursor?: string | undefined;
  /** A learner's groups as they stood at this instant (UTC ISO): only with a learner. */
  asOf?: string | undefined;
}

/** The listing part of a group query (ListGroupsQuery, ListLearnerGroupsQuery) as a use-case input. */
export const listingInput = (q: {
  search?: string | undefined;
  type?: GroupFilters['type'];
  status?: GroupFilters['status'];
  sort_by: GroupSort;
  sort_dir: 'asc' | 'desc';
  page_size: number;
  cursor?: string | undefined;
  as_of?: string | undefined;
}) => ({
  search: q.search,
  type: q.type,
  status: q.status,
  sortBy: q.sort_by,
  sortDir: q.sort_dir,
  pageSize: q.page_size,
  cursor: q.cursor,
  asOf: q.as_of,
});

/**
 * Sorting by `modified` or `member_count` reads the tenant's whole group partition and sorts in
 * memory (no index holds those keys: both move on every membership change). Bounded here.
 */
export const MAX_GROUPS_SORTED_IN_MEMORY = 10_000;

/**
 * Groups of a tenant (ADR `enterprise_uuid`) or of one learner (ADR `learner_uuid`), or the group of
 * an `external_id`; filtered (`search` over name and description) and sorted. A learner caller sees
 * only its own groups, as the learner projection, and may filter and sort only on fields of that
 * projection (else a 400 naming the parameter); an admin only its tenants'. A learner's groups are
 * read in one tenant (`enterprise_uuid`, or the caller's only one): learner uuids are per tenant. As
 * in Open edX, staff and the tenant's admins get no groups (200) for a uuid that is no learner of it,
 * which tells them nothing they could not list; anyone else is refused (403) whether or not it is one.
 */
export const makeListGroups =
  (
    groups: Pick<GroupRepository, 'list' | 'listAll' | 'getMany' | 'findByUnique'>,
    memberships: Pick<MembershipRepository, 'listByMember'>,
    learners: Pick<LearnerRepository, 'get'>,
    clock: Clock = systemClock,
  ) =>
  async (caller: Caller, input: ListGroupsInput): Promise<Page<Group | LearnerGroupView> & { count: number }> => {
    const learnerUuid =
      input.learnerUuid ?? (caller.roles.has('learner') && caller.roles.size === 1 ? caller.sub : undefined);
    if (learnerUuid) {
      const tenant = input.enterpriseUuid ?? soleTenant(caller);
      const admin = administers(caller, tenant);
      if (!admin && !(isLearnerSelf(caller, tenant, learnerUuid) && (await learners.get(tenant, learnerUuid)))) {
        throw new ForbiddenError('You may not list the groups of this learner');
      }
      if (!admin) refuseHiddenFromLearner(input);
      const asOf = input.asOf;
      if (asOf) assertAsOf(asOf, clock.now());
      const own = (await memberships.listByMember(tenant, { learnerUuid })).filter((m) =>
        asOf ? countedAt(m, asOf) : COUNTED.includes(m.status),
      );
      const found = await groups.getMany(own.map((m) => m.group_uuid));
      const mine = [...found.values()].filter(
        (g) => matches(g, input) && (!input.externalId || g.external_id === input.externalId),
      );
      const page = sortInMemory(mine, input);
      return admin ? page : { ...page, items: page.items.map(learnerGroupView) };
    }
    if (input.asOf)
      throw new ValidationError('as_of reads the groups of one learner', [
        { path: 'query.as_of', message: 'name a learner_uuid' },
      ]);
    const tenant = input.enterpriseUuid ?? soleTenant(caller);
    if (!administers(caller, tenant)) throw new ForbiddenError(`You may not list the groups of enterprise ${tenant}`);
    if (input.externalId !== undefined) {
      const group = await groups.findByUnique(tenant, 'GROUP_EXTERNAL_ID', input.externalId);
      return sortInMemory(group && matches(group, input) ? [group] : [], input);
    }
    if (input.sortBy === 'name' || input.sortBy === 'created') {
      return groups.list({ ...input, sortBy: input.sortBy, tenant });
    }
    const all = await groups.listAll(tenant, input, MAX_GROUPS_SORTED_IN_MEMORY);
    if (all.length > MAX_GROUPS_SORTED_IN_MEMORY) {
      throw new ValidationError(
        `sort_by=${input.sortBy} is available for up to ${MAX_GROUPS_SORTED_IN_MEMORY} matching groups; narrow the search or sort by name or created`,
        [{ path: 'query.sort_by', message: `more than ${MAX_GROUPS_SORTED_IN_MEMORY} groups match` }],
      );
    }
    return sortInMemory(all, input);
  };

/** The sorts a learner may ask for: those on fields of the learner projection. */
const LEARNER_SORTS: readonly GroupSort[] = ['name'];

/**
 * A learner reads its groups as the learner projection, so it may neither filter nor sort on a field
 * outside it: a filter's count or a sort's order would reveal the hidden value.
 */
function refuseHiddenFromLearner(input: ListGroupsInput): void {
  const hidden = [
    ...(input.externalId !== undefined ? ['query.external_id'] : []),
    ...(LEARNER_SORTS.includes(input.sortBy) ? [] : ['query.sort_by']),
  ];
  if (hidden.length > 0)
    throw new ValidationError(
      `Learners may not filter or sort on fields hidden from them: ${hidden.map((p) => p.slice('query.'.length)).join(', ')}`,
      hidden.map((path) => ({ path, message: 'not available to learners' })),
    );
}

function soleTenant(caller: Caller): string {
  const [only, ...more] = [...caller.enterprises];
  if (!only || more.length > 0 || caller.roles.has('staff')) {
    throw new ValidationError('enterprise_uuid is required', [{ path: 'query.enterprise_uuid', message: 'required' }]);
  }
  return only;
}

/** The same filters as the repository's filter expression, for groups already in memory. */
function matches(g: Group, q: GroupFilters): boolean {
  const search = q.search ? normalizeName(q.search) : undefined;
  return (
    (!search || normalizeName(g.name).includes(search) || normalizeName(g.description ?? '').includes(search)) &&
    (!q.type || g.type === q.type) &&
    (!q.status || g.status === q.status)
  );
}

/** Sort keys that order like the indexes do, made unique by the group's uuid. */
const SORT_KEYS: Record<GroupSort, (g: Group) => string> = {
  name: (g) => `${normalizeName(g.name)}#${g.group_uuid}`,
  created: (g) => `${g.created}#${g.group_uuid}`,
  modified: (g) => `${g.modified}#${g.group_uuid}`,
  member_count: (g) => `${String(g.member_count).padStart(12, '0')}#${g.group_uuid}`,
};

function sortInMemory(all: Group[], q: ListGroupsInput): Page<Group> & { count: number } {
  const page = pageSorted(all, SORT_KEYS[q.sortBy], {
    pageSize: q.pageSize,
    cursor: q.cursor,
    descending: q.sortDir === 'desc',
  });
  return { ...page, count: all.length };
}
