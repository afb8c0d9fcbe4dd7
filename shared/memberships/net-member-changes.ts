import * as z from 'zod';
import type { HistoryEntry, MemberState } from '#shared/history/history-entry';
import { once } from '#shared/once';

/**
 * What one job did to one membership, net of everything it did to it: the state before its first
 * change, the state after its last, and the operation (job chunk) that made that last change.
 */
export interface NetMemberChange {
  group_uuid: string;
  learner_uuid: string | null;
  pending_learner_email: string | null;
  /** The last change's outcome (`added`, `revived`, `invited`, `updated`, `removed`). */
  outcome: string;
  op_id: string;
  before: MemberState | null;
  after: MemberState;
}

/** A net change as a revert job's row carries it, checked for its shape. */
export const netMemberChangeSchema = /* @__PURE__ */ once(() => {
  const state = z.object({
    status: z.enum(['pending', 'active', 'removed', 'error']),
    home_group: z.boolean(),
    permissions: z.array(z.string()),
  });
  return z.object({
    group_uuid: z.string(),
    learner_uuid: z.string().nullable(),
    pending_learner_email: z.string().nullable(),
    outcome: z.string(),
    op_id: z.string(),
    before: state.nullable(),
    after: state,
  });
});

/** What undoing a net change takes: the membership removed, revived, or its settings put back. */
export type Inverse = 'remove' | 'revive' | 'update';

const counts = (s: MemberState | null) => s !== null && (s.status === 'active' || s.status === 'pending');
const samePermissions = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join(',') === [...b].sort().join(',');

/** How to undo a change, or null when it changed nothing that an undo could put back. */
export function inverseOf(c: Pick<NetMemberChange, 'before' | 'after'>): Inverse | null {
  const was = counts(c.before);
  const is = counts(c.after);
  if (is && !was) return 'remove';
  if (was && !is) return 'revive';
  if (!was || !c.before) return null;
  const same = c.before.home_group === c.after.home_group && samePermissions(c.before.permissions, c.after.permissions);
  return same ? null : 'update';
}

/**
 * The memberships a job changed, from the history entries its operations wrote (oldest first), one
 * per membership in the order the job first touched them: a membership changed twice (a file that adds
 * and removes the same learner) is one change from its first `before` to its last `after`. Changes
 * that left nothing to undo (added and removed again) are dropped; so are entries of other kinds.
 */
export function netMemberChanges(entries: Iterable<HistoryEntry>): NetMemberChange[] {
  const byMember = new Map<string, NetMemberChange>();
  for (const entry of entries) {
    if (entry.action !== 'memberships_changed' || !entry.op_id) continue;
    for (const m of entry.members ?? []) {
      if (!m.after) continue;
      const key = `${entry.group_uuid}#${m.learner_uuid ? `L#${m.learner_uuid}` : `E#${m.pending_learner_email}`}`;
      const first = byMember.get(key);
      byMember.set(key, {
        group_uuid: entry.group_uuid,
        learner_uuid: m.learner_uuid,
        pending_learner_email: m.pending_learner_email,
        outcome: m.outcome,
        op_id: entry.op_id,
        before: first ? first.before : m.before,
        after: m.after,
      });
    }
  }
  return [...byMember.values()].filter((c) => inverseOf(c) !== null);
}
