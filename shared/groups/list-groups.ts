import { administers, type Caller, isLearnerSelf } from '#shared/auth/caller';
import type { Page } from '#shared/db/paging';
import { ForbiddenError, ValidationError } from '#shared/errors';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { COUNTED } from '#shared/memberships/membership';
import type { MembershipRepository } from '#shared/memberships/membership-repository';
import type { Group } from './group';
import type { GroupListQuery, GroupRepository } from './group-repository';

export interface ListGroupsInput extends Omit<GroupListQuery, 'tenant'> {
  enterpriseUuid?: string | undefined;
  learnerUuid?: string | undefined;
}

/**
 * Groups of a tenant (ADR `enterprise_uuid`) or of one learner (ADR `learner_uuid`), filtered and
 * sorted. A learner caller sees only its own groups; an admin only its tenants'.
 */
export const makeListGroups =
  (
    groups: Pick<GroupRepository, 'list' | 'getMany'>,
    memberships: Pick<MembershipRepository, 'listByMember'>,
    learners: Pick<LearnerRepository, 'get'>,
  ) =>
  async (caller: Caller, input: ListGroupsInput): Promise<Page<Group> & { count: number }> => {
    const learnerUuid =
      input.learnerUuid ?? (caller.roles.has('learner') && caller.roles.size === 1 ? caller.sub : undefined);
    if (learnerUuid) {
      const learner = await learners.get(learnerUuid);
      const tenant = learner?.enterprise_customer_uuid;
      const allowed =
        tenant !== undefined && (administers(caller, tenant) || isLearnerSelf(caller, tenant, learnerUuid));
      if (!allowed || (input.enterpriseUuid && input.enterpriseUuid !== tenant)) {
        throw new ForbiddenError('You may not list the groups of this learner');
      }
      const own = (await memberships.listByMember(tenant, { learnerUuid })).filter((m) => COUNTED.includes(m.status));
      const found = await groups.getMany(own.map((m) => m.group_uuid));
      return pageInMemory(
        [...found.values()].filter((g) => matches(g, input)),
        input,
      );
    }
    const tenant = input.enterpriseUuid ?? soleTenant(caller);
    if (!administers(caller, tenant)) throw new ForbiddenError(`You may not list the groups of enterprise ${tenant}`);
    return groups.list({ ...input, tenant });
  };

function soleTenant(caller: Caller): string {
  const [only, ...more] = [...caller.enterprises];
  if (!only || more.length > 0 || caller.roles.has('staff')) {
    throw new ValidationError('enterprise_uuid is required', [{ path: 'query.enterprise_uuid', message: 'required' }]);
  }
  return only;
}

function matches(g: Group, q: ListGroupsInput): boolean {
  return (
    (!q.search || g.name.toLocaleLowerCase('en-US').includes(q.search.toLocaleLowerCase('en-US'))) &&
    (!q.type || g.type === q.type) &&
    (!q.status || g.status === q.status)
  );
}

/** A learner belongs to few groups: sort and page them in memory, with an offset cursor. */
function pageInMemory(all: Group[], q: ListGroupsInput): Page<Group> & { count: number } {
  const key = (g: Group) => (q.sortBy === 'name' ? g.name.toLocaleLowerCase('en-US') : g.created);
  all.sort((a, b) => key(a).localeCompare(key(b)) * (q.sortDir === 'desc' ? -1 : 1));
  const offset = q.cursor ? Number.parseInt(Buffer.from(q.cursor, 'base64url').toString(), 10) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw new ValidationError('cursor is not valid for this listing', [{ path: 'query.cursor', message: 'invalid' }]);
  const at = (n: number) => Buffer.from(String(n)).toString('base64url');
  return {
    items: all.slice(offset, offset + q.pageSize),
    count: all.length,
    next: offset + q.pageSize < all.length ? at(offset + q.pageSize) : null,
    previous: offset > 0 ? at(Math.max(0, offset - q.pageSize)) : null,
  };
}
