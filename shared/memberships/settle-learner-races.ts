import type { Clock } from '#shared/clock';
import { beforeRound } from '#shared/db/backoff';
import type { Group } from '#shared/groups/group';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import { commitPlanned, MAX_ROUNDS, type Planned } from './commit-planned';
import { COUNTED } from './membership';
import type { MembershipRepository } from './membership-repository';
import type { IdentifierResult } from './outcomes';

export interface SettleDeps {
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids'>;
  memberships: Pick<MembershipRepository, 'getMany' | 'commit' | 'activate'>;
  clock: Clock;
}

/**
 * What an assign does once its memberships are committed, for learners written or deleted while it
 * ran: invitations whose learner appeared meanwhile become its memberships, and memberships of
 * learners deleted meanwhile are removed. Each closes a race with the learner write's own pass over
 * the memberships (activation on create, the second sweep on delete): one of the two sees the other.
 */
export async function settleLearnerRaces(
  deps: SettleDeps,
  group: Group,
  results: IdentifierResult[],
  actor: string,
): Promise<IdentifierResult[]> {
  return dropVanishedLearners(deps, group, await activateArrivedLearners(deps, group, results, actor), actor);
}

/**
 * Invitations committed for e-mails whose learner was created while the assign ran (after the
 * assign resolved its e-mails, before its commit): the learner's own activation pass may have run
 * before the invitation existed, so the assign activates it, as that pass would have.
 */
async function activateArrivedLearners(
  { learners, memberships, clock }: SettleDeps,
  group: Group,
  results: IdentifierResult[],
  actor: string,
): Promise<IdentifierResult[]> {
  const invited = results.filter((r) => r.membership?.status === 'pending' && r.membership.pending_learner_email);
  if (invited.length === 0) return results;
  const owners = await learners.findUuids(
    group.enterprise_customer_uuid,
    'EMAIL',
    invited.map((r) => r.membership!.pending_learner_email!),
  );
  if (owners.size === 0) return results;
  const at = clock.now();
  const activated = new Map<IdentifierResult, IdentifierResult>();
  for (const r of invited) {
    const learnerUuid = owners.get(r.membership!.pending_learner_email!);
    if (!learnerUuid) continue;
    const pending = r.membership!;
    if ((await memberships.activate(pending, learnerUuid, at, actor)) !== 'activated') continue;
    const membership = {
      ...pending,
      learner_uuid: learnerUuid,
      pending_learner_email: null,
      status: 'active' as const,
      activated_at: at,
      modified: at,
    };
    activated.set(r, { ...r, membership });
  }
  return results.map((r) => activated.get(r) ?? r);
}

const ADDS: IdentifierResult['outcome'][] = ['added', 'revived'];

/**
 * Memberships committed for learners deleted while the assign ran (after it read them, before its
 * commit): the delete's sweep may have run before the membership existed, so the assign reads the
 * learners it added again and removes (`learner_deleted`) the memberships of those gone, reporting
 * them `not_found`. The removal carries no operation id, so a replayed chunk finds the learner gone too.
 */
async function dropVanishedLearners(
  { learners, memberships, clock }: SettleDeps,
  group: Group,
  results: IdentifierResult[],
  actor: string,
): Promise<IdentifierResult[]> {
  const added = results.filter((r) => ADDS.includes(r.outcome) && r.membership?.learner_uuid);
  if (added.length === 0) return results;
  const present = await learners.getMany(
    group.enterprise_customer_uuid,
    added.map((r) => r.membership!.learner_uuid!),
  );
  const vanished = new Set(
    added.filter((r) => !present.has(r.membership!.learner_uuid!)).map((r) => r.membership!.learner_uuid!),
  );
  if (vanished.size === 0) return results;
  let todo = [...vanished];
  for (let round = 0; todo.length > 0 && round < MAX_ROUNDS; round++) {
    await beforeRound(round);
    const current = await memberships.getMany(
      group.group_uuid,
      todo.map((learnerUuid) => ({ learnerUuid })),
    );
    const at = clock.now();
    const planned: Planned[] = [...current.values()]
      .filter((m) => COUNTED.includes(m.status))
      .map((m) => ({
        target: { identifier: m.learner_uuid!, ref: { learnerUuid: m.learner_uuid! } },
        write: { kind: 'remove', ref: { learnerUuid: m.learner_uuid! }, at, removedBy: 'learner_deleted' },
        outcome: 'removed',
        before: m,
        beforeHome: false,
        after: { ...m, status: 'removed', removed_at: at, modified: at, removed_by: 'learner_deleted' },
        afterHome: false,
      }));
    const { retry } = await commitPlanned(memberships, group, planned, { at, actor });
    todo = retry.map((t) => ('learnerUuid' in t.ref ? t.ref.learnerUuid : ''));
  }
  return results.map((r) =>
    r.membership?.learner_uuid && vanished.has(r.membership.learner_uuid) && ADDS.includes(r.outcome)
      ? { identifier: r.identifier, outcome: 'not_found', message: 'the learner was deleted while it was being added' }
      : r,
  );
}
