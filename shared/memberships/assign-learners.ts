import type { Caller } from '#shared/auth/caller';
import { beforeRound, roundOf } from '#shared/db/backoff';
import type { MemberRef } from '#shared/db/keys';
import type { EnrollGroupMembers } from '#shared/enrollments/enroll-group-members';
import type { Clock, IdGenerator } from '#shared/clock';
import { ConflictError, groupNotFound, TooManyIdentifiersError, UserLimitExceededError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import type { GroupRepository } from '#shared/groups/group-repository';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { commitPlanned, MAX_ROUNDS, type Planned } from './commit-planned';
import { settleLearnerRaces } from './settle-learner-races';
import { type ExpandDeps, expandMemberSources, type MemberSources } from './expand-member-sources';
import { joinedNow } from './membership-periods';
import { COUNTED, type Membership, PERMISSIONS, type Permission, refKey, refOf, writeDelta } from './membership';
import type { MembershipRepository } from './membership-repository';
import { type IdentifierResult, type InvitationOutcome, summarize } from './outcomes';
import { readAhead } from './read-ahead';
import { type IdentifierInput, resolveMembers, type Target } from './resolve-members';
import { MAX_SYNC_IDENTIFIERS } from './schemas';

export interface AssignDeps extends ExpandDeps {
  groups: Pick<GroupRepository, 'get' | 'getMany'>;
  memberships: Pick<MembershipRepository, 'getMany' | 'commit' | 'homeGroupsOf' | 'activeLearnerUuids' | 'activate'>;
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids' | 'uuidsByBranch'>;
  clock: Clock;
  ids: IdGenerator;
  /** Runs once the memberships are committed (invitations); must be idempotent. */
  onMembersAdded?: MembersAddedHook | undefined;
  /**
   * Runs once the memberships are committed, with every member the call names (added, revived,
   * invited, updated or already a member): enrolls them in the group's auto-enroll learning modules.
   */
  enrollInModules?: EnrollGroupMembers | undefined;
}

/**
 * After an assign commits: the members it added, revived or invited, with their memberships as
 * committed, and the call's operation id (a replayed chunk calls it again with the same results).
 * It may answer, per membership uuid, what became of an invitation, which the results then show.
 */
export type MembersAddedHook = (
  group: Group,
  added: IdentifierResult[],
  opId: string | undefined,
) => Promise<Map<string, InvitationOutcome> | void>;

/** SmarterU membership settings an assign applies to the members it names. */
export interface MemberSettings {
  /** true: this group becomes the member's home group (moved from any other); false: it stops being it. */
  home_group?: boolean | undefined;
  /** Replaces the member's permissions in this group. */
  permissions?: Permission[] | undefined;
}

export type AssignInput = IdentifierInput & MemberSources & MemberSettings;

export interface AssignOptions {
  source?: Membership['source'];
  /** The bulk operation (job chunk) applying this call: a replay reports the first outcomes. */
  opId?: string;
  /**
   * Refuse the whole call with `user_limit_exceeded` (409, ~CG:37) when it changes nothing because
   * not one of its adds fits under the user limit. Default: on for direct calls, off with `opId`
   * (a job chunk reports `over_capacity` per row instead of failing).
   */
  refuseWhenFull?: boolean;
}

/**
 * Adds learners (by uuid, by branch, or copied from other groups of the tenant) and e-mails (pending
 * until the learner exists) to an active group, with optional home-group and permission settings.
 * Every identifier gets one outcome: a removed member is revived, never duplicated; a current member
 * whose settings the call changes is `updated`, else `already_member`. The user limit is never
 * passed: adds past it are `over_capacity`, and a call none of whose adds fits is refused (see
 * `refuseWhenFull`). `member_count` and the history entry move in the same transactions as the
 * memberships. More than MAX_SYNC_IDENTIFIERS members after expansion: `too_many_identifiers`,
 * before anything is written.
 */
const ADDED: IdentifierResult['outcome'][] = ['added', 'revived', 'invited'];
/**
 * Outcomes after which the identifier is a member. Learning modules enroll all of them, not only the
 * new ones: naming a member again is an admin's explicit act, and a retried call whose first attempt
 * failed after committing its memberships (they now read `already_member`) still enrolls them.
 */
const MEMBER: IdentifierResult['outcome'][] = ['added', 'revived', 'invited', 'updated', 'already_member'];

export const makeAssignLearners = (deps: AssignDeps) => {
  const { groups, memberships, learners, clock, ids } = deps;
  return async (caller: Caller, groupUuid: string, input: AssignInput, options: AssignOptions = {}) => {
    const { source = 'manual', opId, refuseWhenFull = opId === undefined } = options;
    // A job chunk (opId) commits its first round without reading the memberships: see `guessed` below.
    const ahead = opId === undefined ? readAhead(memberships, groupUuid, input.learner_uuids) : undefined;
    let group = await loadAdministeredGroup(groups, caller, groupUuid);
    assertOpen(group);
    const tenant = group.enterprise_customer_uuid;
    const expanded = await expandMemberSources(deps, tenant, groupUuid, input, MAX_SYNC_IDENTIFIERS);
    const { targets, rejected } = await resolveMembers(learners, tenant, input);
    const named = new Set(targets.map((t) => refKey(t.ref)));
    for (const learnerUuid of expanded.learnerUuids) {
      // A learner reached through several sources, or also named directly, is one member, reported once.
      if (named.has(refKey({ learnerUuid }))) continue;
      named.add(refKey({ learnerUuid }));
      targets.push({ identifier: learnerUuid, ref: { learnerUuid } });
    }
    if (targets.length > MAX_SYNC_IDENTIFIERS) throw new TooManyIdentifiersError(MAX_SYNC_IDENTIFIERS, targets.length);

    const settings = { ...input, permissions: input.permissions && normalizePermissions(input.permissions) };
    const results: IdentifierResult[] = [...rejected, ...expanded.rejected];
    let todo: Target[] = targets;
    /*
     * A job chunk's first round guesses that none of its targets is a membership yet (a bulk assign's
     * rows are mostly new members) and commits them as adds without reading: each put is conditioned
     * on the membership's absence, so a guess that was wrong cancels its transaction and writes
     * nothing, and the next round reads and plans those targets as any round does (revived,
     * already_member, a replayed chunk's own outcome). Not when the user limit could refuse a seat the
     * guess counted for a target that is already a member.
     */
    const guessed =
      ahead === undefined && (group.user_limit === null || group.user_limit - group.member_count >= todo.length);
    for (let round = 0; todo.length > 0; round++) {
      const { guess, retries } = roundOf(round, guessed);
      if (retries === MAX_ROUNDS)
        throw new ConflictError('concurrent_modification', 'The group kept changing; retry the request');
      await beforeRound(retries);
      const now = clock.now();
      const refs = todo.map((t) => t.ref);
      const existing = guess
        ? new Map<string, Membership>()
        : await (round === 0 && ahead ? ahead.of(refs) : memberships.getMany(groupUuid, refs));
      const homes = await memberships.homeGroupsOf(
        tenant,
        todo.filter((t) => existing.has(refKey(t.ref))).map((t) => t.ref),
      );
      const planned: Planned[] = [];
      for (const target of todo) {
        const current = existing.get(refKey(target.ref));
        const isHome = homes.get(refKey(target.ref)) === groupUuid && current !== undefined;
        if (opId && current?.last_op_id === opId && current.last_op_outcome) {
          results.push({
            identifier: target.identifier,
            outcome: current.last_op_outcome,
            membership: current,
            homeGroup: isHome,
          });
        } else if (current && COUNTED.includes(current.status)) {
          const update = planUpdate(target, current, isHome, settings, { opId, now, source });
          if (update) planned.push(update);
          else results.push({ identifier: target.identifier, outcome: 'already_member' });
        } else planned.push(planAdd(target, current, group, settings, { source, opId, now, ids }));
      }
      const seats = planned.filter((p) => writeDelta(p.write) > 0);
      const room = group.user_limit === null ? seats.length : Math.max(0, group.user_limit - group.member_count);
      const refused = new Set(seats.slice(room));
      for (const p of refused) {
        results.push({
          identifier: p.target.identifier,
          outcome: 'over_capacity',
          message: `the group's user_limit is ${group.user_limit}`,
        });
      }
      const { done, retry, groupFailed } = await commitPlanned(
        memberships,
        group,
        planned.filter((p) => !refused.has(p)),
        { at: now, actor: caller.sub, opId },
      );
      results.push(...done);
      todo = retry;
      if (groupFailed) {
        group = (await groups.get(groupUuid)) ?? throwGone(groupUuid);
        assertOpen(group);
      }
    }
    // Learning modules read the group again once the memberships are committed (see
    // makeEnrollGroupMembers): that read goes side by side with the learners' re-read.
    const current = deps.enrollInModules ? groups.get(groupUuid) : undefined;
    current?.catch(() => undefined);
    const settled = await settleLearnerRaces(deps, group, results, caller.sub);
    const added = settled.filter((r) => ADDED.includes(r.outcome) && r.membership);
    const invitations =
      deps.onMembersAdded && added.length > 0 ? await deps.onMembersAdded(group, added, opId) : undefined;
    if (invitations)
      for (const r of settled) {
        const invitation = r.membership && invitations.get(r.membership.enterprise_group_membership_uuid);
        if (invitation) r.invitation = invitation;
      }
    if (deps.enrollInModules) {
      const refs = new Map(targets.map((t) => [t.identifier, t.ref]));
      const members = settled.flatMap((r): MemberRef[] => {
        const ref = r.membership ? refOf(r.membership) : refs.get(r.identifier);
        return MEMBER.includes(r.outcome) && ref ? [ref] : [];
      });
      await deps.enrollInModules(group, members, { actor: caller.sub, opId, current });
    }
    const summary = summarize(settled);
    if (refuseWhenFull && summary.count === 0 && results.some((r) => r.outcome === 'over_capacity')) {
      throw new UserLimitExceededError(groupUuid, group.user_limit ?? 0, group.member_count);
    }
    return summary;
  };
};

const normalizePermissions = (list: Permission[]): Permission[] => PERMISSIONS.filter((p) => list.includes(p));

function planAdd(
  target: Target,
  current: Membership | undefined,
  group: Group,
  settings: MemberSettings,
  {
    source,
    opId,
    now,
    ids,
  }: { source: Membership['source']; opId?: string | undefined; now: string; ids: IdGenerator },
): Planned {
  const isLearner = 'learnerUuid' in target.ref;
  const outcome = current ? 'revived' : isLearner ? 'added' : 'invited';
  const after: Membership = {
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
    permissions: settings.permissions ?? [],
    last_op_id: opId ?? null,
    last_op_outcome: outcome,
    ...joinedNow(current, now),
  };
  const home = settings.home_group === true ? ('set' as const) : undefined;
  return {
    target,
    write: { kind: current ? 'revive' : 'add', membership: after, home },
    outcome,
    before: current,
    beforeHome: false,
    after,
    afterHome: home === 'set',
  };
}

/** New settings for a current member, or undefined when the call asks for nothing it does not have. */
function planUpdate(
  target: Target,
  current: Membership,
  isHome: boolean,
  settings: MemberSettings,
  { opId, now, source }: { opId?: string | undefined; now: string; source: Membership['source'] },
): Planned | undefined {
  // An admin adding a member the rules put there pins it: it becomes `manual`, which rules never remove.
  const pin = current.source === 'rule' && source === 'manual';
  const permissions = settings.permissions;
  const permissionsChange =
    permissions !== undefined && permissions.join(',') !== normalizePermissions(current.permissions ?? []).join(',');
  const home =
    settings.home_group === true && !isHome ? 'set' : settings.home_group === false && isHome ? 'clear' : undefined;
  if (!permissionsChange && !home && !pin) return undefined;
  const after: Membership = {
    ...current,
    source: pin ? 'manual' : current.source,
    permissions: permissionsChange ? permissions : current.permissions,
    modified: now,
    last_op_id: opId ?? null,
    last_op_outcome: 'updated',
  };
  return {
    target,
    write: { kind: 'update', membership: after, expectedModified: current.modified, home },
    outcome: 'updated',
    before: current,
    beforeHome: isHome,
    after,
    afterHome: home === undefined ? isHome : home === 'set',
  };
}

function assertOpen(group: Group) {
  if (group.status !== 'active')
    throw new ConflictError('group_inactive', `Group ${group.group_uuid} is inactive and accepts no new members`);
}

function throwGone(groupUuid: string): never {
  throw groupNotFound(groupUuid);
}
