import type { Group } from '#shared/groups/group';
import { type MemberChange, type MemberState, membershipsChangedEntry } from '#shared/history/history-entry';
import { type Membership, type MembershipWrite, writeCost } from './membership';
import { type CommitGuard, MAX_WRITES_PER_COMMIT, type MembershipRepository } from './membership-repository';
import type { IdentifierResult } from './outcomes';
import type { Target } from './resolve-members';

export interface Planned {
  target: Target;
  write: MembershipWrite;
  outcome: NonNullable<Membership['last_op_outcome']>;
  /** The membership as read before planning (undefined for a new one), and whether it was the home group. */
  before: Membership | undefined;
  beforeHome: boolean;
  /** The membership as it will read once the write is committed, and whether it will be the home group. */
  after: Membership;
  afterHome: boolean;
}

/** Rounds of read-plan-commit before concurrent writers are reported as a conflict. */
export const MAX_ROUNDS = 12;

const state = (m: Membership, home: boolean): MemberState => ({
  status: m.status,
  home_group: home && m.status !== 'removed',
  permissions: m.permissions ?? [],
});

export const changeOf = (p: Planned): MemberChange => ({
  enterprise_group_membership_uuid: p.after.enterprise_group_membership_uuid,
  learner_uuid: p.after.learner_uuid,
  pending_learner_email: p.after.pending_learner_email,
  outcome: p.outcome,
  before: p.before ? state(p.before, p.beforeHome) : null,
  after: state(p.after, p.afterHome),
});

/** Splits planned writes into transactions that fit MAX_WRITES_PER_COMMIT items. */
export function chunksOf(planned: Planned[]): Planned[][] {
  const chunks: Planned[][] = [];
  let chunk: Planned[] = [];
  let cost = 0;
  for (const p of planned) {
    const c = writeCost(p.write);
    if (cost + c > MAX_WRITES_PER_COMMIT) {
      chunks.push(chunk);
      chunk = [];
      cost = 0;
    }
    chunk.push(p);
    cost += c;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * Commits planned writes in transactions of up to 98 items, each with its history entry (actor,
 * time, operation, every membership's before/after). A transaction is all or nothing, so when one
 * is cancelled (a membership or a home-group pointer changed under us, or the group's counter
 * condition failed) its targets go back to be re-read and re-planned; nothing is counted or audited
 * twice and nothing is lost.
 */
export async function commitPlanned(
  memberships: Pick<MembershipRepository, 'commit'>,
  group: Group,
  planned: Planned[],
  { at, actor, opId, guard }: { at: string; actor: string; opId?: string | undefined; guard?: CommitGuard | undefined },
): Promise<{ done: IdentifierResult[]; retry: Target[]; groupFailed: boolean }> {
  const done: IdentifierResult[] = [];
  const chunks = chunksOf(planned);
  for (const [n, chunk] of chunks.entries()) {
    const history = membershipsChangedEntry(group, chunk.map(changeOf), { actor, at, opId });
    const outcome = await memberships.commit(
      group,
      chunk.map((p) => p.write),
      at,
      history,
      guard,
    );
    if (!outcome.ok) {
      const retry = chunks.slice(n).flatMap((c) => c.map((p) => p.target));
      return { done, retry, groupFailed: outcome.groupFailed };
    }
    for (const p of chunk) {
      done.push({ identifier: p.target.identifier, outcome: p.outcome, membership: p.after, homeGroup: p.afterHome });
    }
  }
  return { done, retry: [], groupFailed: false };
}
