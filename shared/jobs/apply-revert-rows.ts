import { enrollmentUndoSchema, type makeRevertEnrollmentChanges } from '#shared/enrollments/revert-enrollment-changes';
import { type NetMemberChange, netMemberChangeSchema } from '#shared/memberships/net-member-changes';
import type { makeRevertMemberChanges } from '#shared/memberships/revert-member-changes';
import type { RowApplier } from './apply-job-chunk';
import type { JobRow, RowResult } from './job';
import { byIndex } from './job-rows';

type RevertMembers = ReturnType<typeof makeRevertMemberChanges>;
type RevertEnrollments = ReturnType<typeof makeRevertEnrollmentChanges>;

/** An enrollment row names its course; a membership row, its group. */
const isEnrollmentRow = (row: JobRow) => typeof row.input.course_id === 'string';

/**
 * Applies one chunk of a revert job: its rows (one membership or enrollment the reverted job changed
 * each) are undone under the chunk's operation id, so a redelivered chunk reports the same outcomes
 * and changes nothing. A row's identifier is the learner uuid, or the pending e-mail.
 */
export const makeApplyRevertRows =
  (revertMembers: RevertMembers, revertEnrollments?: RevertEnrollments): RowApplier =>
  async (job, rows, opId) => {
    const enrollmentRows = rows.filter(isEnrollmentRow);
    const memberRows = rows.filter((r) => !isEnrollmentRow(r));
    const results = [
      ...(await applyMemberRows(revertMembers, job.created_by, memberRows, opId)),
      ...(await applyEnrollmentRows(
        revertEnrollments,
        job.enterprise_customer_uuid,
        job.created_by,
        enrollmentRows,
        opId,
      )),
    ];
    return results.sort(byIndex);
  };

async function applyMemberRows(revert: RevertMembers, actor: string, rows: JobRow[], opId: string) {
  const byGroup = new Map<string, { index: number; change: NetMemberChange }[]>();
  for (const row of rows) {
    const change = netMemberChangeSchema().parse(row.input);
    const list = byGroup.get(change.group_uuid) ?? [];
    list.push({ index: row.index, change });
    byGroup.set(change.group_uuid, list);
  }
  const results: RowResult[] = [];
  for (const [groupUuid, list] of byGroup) {
    const outcomes = await revert(
      actor,
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
  return results;
}

async function applyEnrollmentRows(
  revert: RevertEnrollments | undefined,
  tenant: string,
  actor: string,
  rows: JobRow[],
  opId: string,
): Promise<RowResult[]> {
  if (rows.length === 0) return [];
  const undos = rows.map((row) => ({ index: row.index, undo: enrollmentUndoSchema().parse(row.input) }));
  const outcomes = revert
    ? await revert(
        tenant,
        actor,
        undos.map((u) => u.undo),
        opId,
      )
    : new Map();
  return undos.map(({ index, undo }) => {
    const r = outcomes.get(undo);
    return {
      index,
      identifier: undo.learner_uuid ?? undo.pending_email ?? '',
      outcome: r?.outcome ?? 'failed',
      code: r?.code ?? r?.outcome ?? 'internal_error',
      message: r ? (r.message ?? undo.course_id) : 'no outcome was produced',
    };
  });
}
