import * as z from 'zod';
import { descendantsOf } from '#shared/branches/branch';
import type { BranchRepository } from '#shared/branches/branch-repository';
import { TooManyIdentifiersError } from '#shared/errors';
import type { GroupRepository } from '#shared/groups/group-repository';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import type { MembershipRepository } from './membership-repository';
import type { IdentifierResult } from './outcomes';

/** Sources that stand for many learners (Docebo "add users by branch / copy from group"). */
export interface MemberSources {
  branch_ids?: string[] | undefined;
  /** With branches: include every branch below them (default true). */
  include_descendants?: boolean | undefined;
  /** Copy the active members of these groups of the same tenant. */
  group_uuids?: string[] | undefined;
}

export interface ExpandDeps {
  branches: Pick<BranchRepository, 'loadTree'>;
  learners: Pick<LearnerRepository, 'uuidsByBranch'>;
  groups: Pick<GroupRepository, 'getMany'>;
  memberships: Pick<MembershipRepository, 'activeLearnerUuids'>;
}

const uuid = z.uuid();

/**
 * Turns branch ids and group uuids into the learner uuids they stand for, each learner once, in a
 * stable order. Branches must be in the tenant's directory and groups in the tenant (else
 * `not_found`; a group copying itself is `invalid`; a source named twice `duplicate_in_request`).
 * Pending e-mail invitations of a source group are not learners and are not copied.
 * Reads stop and `too_many_identifiers` is thrown as soon as more than `max` learners are found, so
 * a synchronous call fails before it writes anything; a job passes no `max` and chunks the list.
 */
export async function expandMemberSources(
  deps: ExpandDeps,
  tenant: string,
  targetGroupUuid: string,
  sources: MemberSources,
  max = Number.POSITIVE_INFINITY,
): Promise<{ learnerUuids: string[]; rejected: IdentifierResult[] }> {
  const found = new Set<string>();
  const rejected: IdentifierResult[] = [];
  // A source read stops after `max + 1` learners: more than `max` distinct ones, so `add` throws and
  // a truncated read is never taken for a whole one.
  const add = (uuids: string[]) => {
    for (const u of uuids) found.add(u);
    if (found.size > max) throw new TooManyIdentifiersError(max, `more than ${max}`);
  };
  const seen = new Set<string>();
  const firstTime = (key: string, identifier: string) => {
    if (!seen.has(key)) return seen.add(key) && true;
    rejected.push({ identifier, outcome: 'duplicate_in_request', message: 'named earlier in this request' });
    return false;
  };

  const branchIds = sources.branch_ids ?? [];
  if (branchIds.length > 0) {
    const { branches } = await deps.branches.loadTree(tenant);
    const known = new Set(branches.map((b) => b.branch_id));
    const expanded = new Set<string>();
    for (const raw of branchIds) {
      const id = raw.trim();
      if (!firstTime(`B#${id}`, raw)) continue;
      if (!known.has(id)) {
        rejected.push({ identifier: raw, outcome: 'not_found', message: 'no branch with this id in the enterprise' });
        continue;
      }
      const ids = sources.include_descendants === false ? [id] : descendantsOf(branches, id);
      for (const b of ids) expanded.add(b);
    }
    for (const b of expanded) add(await deps.learners.uuidsByBranch(tenant, b, max));
  }

  const groupUuids: string[] = [];
  for (const raw of sources.group_uuids ?? []) {
    const id = raw.trim().toLowerCase();
    if (!uuid.safeParse(id).success) rejected.push({ identifier: raw, outcome: 'invalid', message: 'not a uuid' });
    else if (id === targetGroupUuid)
      rejected.push({ identifier: raw, outcome: 'invalid', message: 'a group cannot copy its own members' });
    else if (firstTime(`G#${id}`, raw)) groupUuids.push(id);
  }
  const groups = await deps.groups.getMany(groupUuids);
  for (const id of groupUuids) {
    const source = groups.get(id);
    // Another tenant's group answers like a missing one, so uuids cannot be probed.
    if (!source || source.enterprise_customer_uuid !== tenant) {
      rejected.push({ identifier: id, outcome: 'not_found', message: 'no group with this uuid in the enterprise' });
      continue;
    }
    add(await deps.memberships.activeLearnerUuids(id, max));
  }
  return { learnerUuids: [...found], rejected };
}
