import type { Group } from '#shared/groups/group';
import type { Membership, MembershipWrite } from './membership';
import { MAX_WRITES_PER_COMMIT, type MembershipRepository } from './membership-repository';
import type { IdentifierResult, Outcome } from './outcomes';
import type { Target } from './resolve-members';

export interface Planned {
  target: Target;
  write: MembershipWrite;
  outcome: Outcome;
  /** The membership as it will read once the write is committed. */
  after: Membership;
}

/** Rounds of read-plan-commit before concurrent writers are reported as a conflict. */
export const MAX_ROUNDS = 8;

/**
 * Commits planned writes in transactions of up to 99. A transaction is all or nothing, so when one
 * is cancelled (a membership changed under us, or the group's counter condition failed) its targets
 * go back to be re-read and re-planned; nothing is counted twice and nothing is lost.
 */
export async function commitPlanned(
  memberships: Pick<MembershipRepository, 'commit'>,
  group: Group,
  planned: Planned[],
  at: string,
): Promise<{ done: IdentifierResult[]; retry: Target[]; groupFailed: boolean }> {
  const done: IdentifierResult[] = [];
  for (let i = 0; i < planned.length; i += MAX_WRITES_PER_COMMIT) {
    const chunk = planned.slice(i, i + MAX_WRITES_PER_COMMIT);
    const outcome = await memberships.commit(
      group,
      chunk.map((p) => p.write),
      at,
    );
    if (!outcome.ok) {
      return { done, retry: planned.slice(i).map((p) => p.target), groupFailed: outcome.groupFailed };
    }
    for (const p of chunk) {
      done.push({ identifier: p.target.identifier, outcome: p.outcome, membership: p.after });
    }
  }
  return { done, retry: [], groupFailed: false };
}
