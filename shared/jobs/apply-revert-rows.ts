import type { NetMemberChange } from '#shared/memberships/net-member-changes';
import type { makeRevertMemberChanges } from '#shared/memberships/revert-member-changes';
import type { RowApplier } from './apply-job-chunk';
import type { RowResult } from './job';
import { byIndex } from './job-rows';

type RevertMembers = ReturnType<typeof makeRevertMemberChanges>;

/**
 * Applies one chunk of a revert job: its rows (one membership change of the reverted job each) are
 * undone group by group under the chunk's operation id, so a redelivered chunk reports the same
 * outcomes and changes nothing. Each row's identifier is the learner uuid, or the pending e-mail.
 */
export const makeApplyRevertRows =
  (revert: RevertMembers): RowApplier =>
  async (job, rows, opId) => {
    const byGroup = new Map<string, { index: number; change: NetMemberChange }[]>();
    for (const row of rows) {
      const change = row.input as unknown as NetMemberChange;
      const list = byGroup.get(change.group_uuid) ?? [];
      list.push({ index: row.index, change });
      byGroup.set(change.group_uuid, list);
    }
    const results: RowResult[] = [];
    for (const [groupUuid, list] of byGroup) {
      const outcomes = await revert(
        job.created_by,
        groupUuid,
        list.map((r) => r.change),
        opId,
      );
      for (const { index, change } of list) {
        const r = outcomes.get(change);
        results.push({
          index,
          identifier: change.learner_uuid ?? change.pending_learner_email ?? '',
          outcome: r?.outcome ?? 'failed',
          code: r?.code ?? r?.outcome ?? 'internal_error',
          message: r ? r.message : 'no outcome was produced',
        });
      }
    }
    return results.sort(byIndex);
  };
