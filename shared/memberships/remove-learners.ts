import type { Caller } from '#shared/auth/caller';
import { beforeRound } from '#shared/db/backoff';
import type { Clock } from '#shared/clock';
import { ConflictError, groupNotFound } from '#shared/errors';
import type { GroupRepository } from '#shared/groups/group-repository';
import { loadAdministeredGroup } from '#shared/groups/read-group';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { commitPlanned, MAX_ROUNDS, type Planned } from './commit-planned';
import { COUNTED, refKey, refOf } from './membership';
import type { MembershipRepository } from './membership-repository';
import { type IdentifierResult, summarize } from './outcomes';
import { type IdentifierInput, resolveMembers, type Target } from './resolve-members';

export interface RemoveDeps {
  groups: Pick<GroupRepository, 'get'>;
  memberships: Pick<MembershipRepository, 'getMany' | 'commit' | 'list' | 'homeGroupsOf'>;
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids'>;
  clock: Clock;
}

/** How a removal of members runs: under a job's operation id, deferred by a guarded group, only of unchanged members. */
export interface RemoveOptions {
  opId?: string | undefined;
  /**
   * In a group with a `removal_guard`, report each counted member `removal_pending` and remove no one:
   * the job's finish step counts them against the guard (a bulk removal job's chunks).
   */
  deferIfGuarded?: boolean | undefined;
  /** Remove only members not modified after this time; the others are `changed_since` (a held removal, made later). */
  unchangedSince?: string | undefined;
}

/**
 * Removes the given members of a group. Memberships are kept as `removed` so that a later assign
 * revives them; `member_count` drops, a home-group pointer naming this group is deleted, and the
 * history entry is written, all in the same transactions. Under an operation id a replay reports the
 * first attempt's `removed`.
 */
export const makeRemoveMembers = ({ groups, memberships, clock }: Omit<RemoveDeps, 'learners'>) =>
  async function removeTargets(
    actor: string,
    groupUuid: string,
    targets: Target[],
    { opId, deferIfGuarded = false, unchangedSince }: RemoveOptions = {},
  ): Promise<IdentifierResult[]> {
    const results: IdentifierResult[] = [];
    let todo = targets;
    for (let round = 0; todo.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new ConflictError('concurrent_modification', 'The group kept changing; retry the request');
      await beforeRound(round);
      const group = (await groups.get(groupUuid)) ?? throwGone(groupUuid);
      const defer = deferIfGuarded && group.removal_guard !== null;
      const now = clock.now();
      const existing = await memberships.getMany(
        groupUuid,
        todo.map((t) => t.ref),
      );
      const homes = await memberships.homeGroupsOf(
        group.enterprise_customer_uuid,
        todo.filter((t) => existing.has(refKey(t.ref))).map((t) => t.ref),
      );
      const planned: Planned[] = [];
      for (const target of todo) {
        const current = existing.get(refKey(target.ref));
        const isHome = homes.get(refKey(target.ref)) === groupUuid;
        if (opId && current?.last_op_id === opId && current.last_op_outcome === 'removed') {
          results.push({ identifier: target.identifier, outcome: 'removed', membership: current });
        } else if (current && COUNTED.includes(current.status)) {
          if (defer) {
            results.push({ identifier: target.identifier, outcome: 'removal_pending', membership: current });
            continue;
          }
          if (unchangedSince !== undefined && current.modified > unchangedSince) {
            results.push({
              identifier: target.identifier,
              outcome: 'changed_since',
              message: 'the membership changed after the removal was requested; it was kept',
            });
            continue;
          }
          const after = {
            ...current,
            status: 'removed' as const,
            removed_at: now,
            modified: now,
            last_op_id: opId ?? null,
            last_op_outcome: 'removed' as const,
          };
          planned.push({
            target,
            write: {
              kind: 'remove',
              ref: target.ref,
              at: now,
              opId,
              home: isHome ? 'clear' : undefined,
              unchangedSince,
            },
            outcome: 'removed',
            before: current,
            beforeHome: isHome,
            after,
            afterHome: false,
          });
        } else if (unchangedSince !== undefined) {
          results.push({
            identifier: target.identifier,
            outcome: 'changed_since',
            message: 'no longer a member when the removal was made',
          });
        } else results.push({ identifier: target.identifier, outcome: 'not_member' });
      }
      const { done, retry } = await commitPlanned(memberships, group, planned, { at: now, actor, opId });
      results.push(...done);
      todo = retry;
    }
    return results;
  };

/**
 * Removes members (by learner uuid or e-mail, or all of them), see makeRemoveMembers.
 * One answer shape: `{count, records_deleted, results, skipped, errors}`, `records_deleted` being
 * Open edX's name of `count`; `remove_all` lists no identifiers (it named none), only the counts.
 * A bulk removal job's chunk passes `deferIfGuarded`: in a guarded group its removals are only
 * reported `removal_pending` (with the member they name) for the job's finish step.
 */
export const makeRemoveLearners = (deps: RemoveDeps) => {
  const { groups, memberships, learners } = deps;
  const removeTargets = makeRemoveMembers(deps);

  return async (
    caller: Caller,
    groupUuid: string,
    input: IdentifierInput & { remove_all?: boolean | undefined },
    options: Pick<RemoveOptions, 'opId' | 'deferIfGuarded'> = {},
  ) => {
    const group = await loadAdministeredGroup(groups, caller, groupUuid);
    if (input.remove_all) {
      let removed = 0;
      let cursor: string | undefined;
      do {
        const page = await memberships.list({ groupUuid, statuses: [...COUNTED], pageSize: 99, cursor });
        const targets = page.items.map((m) => ({
          identifier: m.learner_uuid ?? m.pending_learner_email ?? '',
          ref: refOf(m),
        }));
        removed += (await removeTargets(caller.sub, groupUuid, targets)).filter((r) => r.outcome === 'removed').length;
        cursor = page.next ?? undefined;
      } while (cursor);
      return { count: removed, records_deleted: removed, results: [], skipped: [], errors: [] };
    }
    const { targets, rejected } = await resolveMembers(learners, group.enterprise_customer_uuid, input);
    const summary = summarize([...rejected, ...(await removeTargets(caller.sub, groupUuid, targets, options))]);
    return { ...summary, records_deleted: summary.count };
  };
};

export type RemoveMembers = ReturnType<typeof makeRemoveMembers>;

function throwGone(groupUuid: string): never {
  throw groupNotFound(groupUuid);
}
