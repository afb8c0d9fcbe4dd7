import type { Caller } from '#shared/auth/caller';
import type { Clock, IdGenerator } from '#shared/clock';
import { ConflictError, groupNotFound } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import type { GroupRepository } from '#shared/groups/group-repository';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { commitPlanned, MAX_ROUNDS, type Planned } from './commit-planned';
import { COUNTED, type Membership, refKey } from './membership';
import type { MembershipRepository } from './membership-repository';
import { type IdentifierResult, summarize } from './outcomes';
import { type IdentifierInput, resolveMembers, type Target } from './resolve-members';

export interface AssignDeps {
  groups: Pick<GroupRepository, 'get'>;
  memberships: Pick<MembershipRepository, 'getMany' | 'commit'>;
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids'>;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Adds learners (by uuid) and e-mails (pending until the learner exists) to an active group.
 * Every identifier gets one outcome; a removed member is revived, never duplicated; the group's
 * user limit is never passed (the rest are `over_capacity`), and `member_count` moves in the same
 * transactions as the memberships.
 */
export const makeAssignLearners =
  ({ groups, memberships, learners, clock, ids }: AssignDeps) =>
  async (
    caller: Caller,
    groupUuid: string,
    input: IdentifierInput,
    { source = 'manual', opId }: { source?: Membership['source']; opId?: string } = {},
  ) => {
    let group = await loadAdministeredGroup(groups, caller, groupUuid);
    assertOpen(group);
    const { targets, rejected } = await resolveMembers(learners, group.enterprise_customer_uuid, input);
    const results: IdentifierResult[] = [...rejected];
    let todo: Target[] = targets;
    for (let round = 0; todo.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new ConflictError('concurrent_modification', 'The group kept changing; retry the request');
      const now = clock.now();
      const existing = await memberships.getMany(
        groupUuid,
        todo.map((t) => t.ref),
      );
      const planned: Planned[] = [];
      for (const target of todo) {
        const current = existing.get(refKey(target.ref));
        if (opId && current?.last_op_id === opId && current.last_op_outcome) {
          results.push({ identifier: target.identifier, outcome: current.last_op_outcome, membership: current });
        } else if (current && COUNTED.includes(current.status))
          results.push({ identifier: target.identifier, outcome: 'already_member' });
        else planned.push(plan(target, current, group, { source, opId, now, ids }));
      }
      const room = group.user_limit === null ? planned.length : Math.max(0, group.user_limit - group.member_count);
      for (const p of planned.slice(room)) {
        results.push({
          identifier: p.target.identifier,
          outcome: 'over_capacity',
          message: `the group's user_limit is ${group.user_limit}`,
        });
      }
      const { done, retry, groupFailed } = await commitPlanned(memberships, group, planned.slice(0, room), now);
      results.push(...done);
      todo = retry;
      if (groupFailed) {
        group = (await groups.get(groupUuid)) ?? throwGone(groupUuid);
        assertOpen(group);
      }
    }
    return summarize(results);
  };

function plan(
  target: Target,
  current: Membership | undefined,
  group: Group,
  {
    source,
    opId,
    now,
    ids,
  }: { source: Membership['source']; opId?: string | undefined; now: string; ids: IdGenerator },
): Planned {
  const isLearner = 'learnerUuid' in target.ref;
  const fresh: Membership = {
    enterprise_group_membership_uuid: current?.enterprise_group_membership_uuid ?? ids.uuid(),
    group_uuid: group.group_uuid,
    enterprise_customer_uuid: group.enterprise_customer_uuid,
    learner_uuid: 'learnerUuid' in target.ref ? target.ref.learnerUuid : null,
    pending_learner_email: 'email' in target.ref ? target.ref.email : null,
    status: isLearner ? 'active' : 'pending',
    source,
    invited_at: isLearner ? (current?.invited_at ?? null) : now,
    activated_at: isLearner ? now : null,
    removed_at: null,
    created: current?.created ?? now,
    modified: now,
  };
  const outcome = current ? 'revived' : isLearner ? 'added' : 'invited';
  const marked: Membership = { ...fresh, last_op_id: opId ?? null, last_op_outcome: outcome };
  return { target, write: { kind: current ? 'revive' : 'add', membership: marked }, outcome, after: marked };
}

function assertOpen(group: Group) {
  if (group.status !== 'active')
    throw new ConflictError('group_inactive', `Group ${group.group_uuid} is inactive and accepts no new members`);
}

function throwGone(groupUuid: string): never {
  throw groupNotFound(groupUuid);
}
