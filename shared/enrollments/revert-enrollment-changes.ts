import { beforeRound } from '#shared/db/backoff';
import type { Clock } from '#shared/clock';
import { commitUnits, MAX_ROUNDS, type Unit } from './commit-units';
import {
  type Enrollment,
  type EnrollmentAudit,
  type EnrollmentSnapshot,
  isEnrolled,
  type OnEnrollmentsChanged,
  enrollmentRef,
  refId,
  snapshotOf,
} from './enrollment';
import { changeEnrollment, type EnrollmentWrite } from './enrollment-change';
import type { EnrollmentRepository } from './enrollment-repository';

/**
 * One enrollment a job wrote, as a revert row: where it is, and the operation that last wrote it
 * within the job (its audit entry's). The state to go back to is read from the enrollment itself
 * (`last_op_before`), which is exact while that operation is still its last write.
 */
export interface EnrollmentUndo {
  course_id: string;
  learner_uuid: string | null;
  pending_email: string | null;
  op_id: string;
}

export type EnrollmentUndoOutcome =
  'enrolled' | 'allowed' | 'unenrolled' | 'allowance_removed' | 'updated' | 'changed_since' | 'failed';

export interface RevertedEnrollment {
  outcome: EnrollmentUndoOutcome;
  code?: string;
  message?: string;
}

const keyOf = (e: { course_id: string; learner_uuid: string | null; pending_email: string | null }) =>
  `${e.course_id}|${refId(enrollmentRef(e))}`;

/**
 * The enrollments a job's audit entries name, once each, in the order they were first written: a
 * job that wrote one enrollment twice is one row whose operation is its last write there.
 */
export function netEnrollmentChanges(entries: EnrollmentAudit[]): EnrollmentUndo[] {
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.op_id.localeCompare(b.op_id));
  const rows = new Map<string, EnrollmentUndo>();
  for (const e of sorted) {
    const row = rows.get(keyOf(e));
    if (row) row.op_id = e.op_id;
    else
      rows.set(keyOf(e), {
        course_id: e.course_id,
        learner_uuid: e.learner_uuid,
        pending_email: e.pending_email,
        op_id: e.op_id,
      });
  }
  return [...rows.values()];
}

/** How a move from one state to another reads, in bulk_enroll's words. */
export function undoOutcome(from: EnrollmentSnapshot, to: EnrollmentSnapshot): EnrollmentUndoOutcome {
  if (isEnrolled(to) && !isEnrolled(from)) return 'enrolled';
  if (to.status === 'allowed' && from.status !== 'allowed') return 'allowed';
  if (isEnrolled(from) && !isEnrolled(to)) return 'unenrolled';
  if (from.status === 'allowed' && to.status !== 'allowed') return 'allowance_removed';
  return 'updated';
}

export type UndoPlan =
  | { kind: 'replayed'; outcome: EnrollmentUndoOutcome }
  | { kind: 'changed_since' }
  | { kind: 'restore'; to: EnrollmentSnapshot; outcome: EnrollmentUndoOutcome };

/**
 * What undoing one row does to the enrollment as it is now: the revert's own operation found on it is
 * a replay (the first outcome again, nothing written); otherwise the row's operation must still be its
 * last write, or it is `changed_since` and left alone. An enrollment the job created goes back to
 * `unenrolled`, without batch or cohort (its state before, as `last_op_before` records it).
 */
export function planEnrollmentUndo(current: Enrollment | undefined, row: EnrollmentUndo, opId: string): UndoPlan {
  if (current?.last_op_id === opId && current.last_op_before)
    return { kind: 'replayed', outcome: undoOutcome(current.last_op_before, snapshotOf(current)) };
  if (!current || current.last_op_id !== row.op_id || !current.last_op_before) return { kind: 'changed_since' };
  const to = current.last_op_before;
  return { kind: 'restore', to, outcome: undoOutcome(snapshotOf(current), to) };
}

export interface RevertEnrollmentsDeps {
  enrollments: Pick<EnrollmentRepository, 'getMany' | 'commit'>;
  clock: Clock;
  /** After the chunk is committed: the learners whose status moved, per course (automatic groups). */
  onEnrollmentsChanged?: OnEnrollmentsChanged;
}

type Pending = Unit & { row: EnrollmentUndo; outcome: EnrollmentUndoOutcome };

/**
 * Undoes the enrollment writes of a job in one tenant under the revert chunk's operation id `opId`:
 * each enrollment goes back to its state before the job's operation (see planEnrollmentUndo), in the
 * same transactions as its audit entry and its batch's `participant_count` move, so a replayed chunk
 * finds its own marks, reports the first outcomes and writes and counts nothing. Batches have no
 * capacity limit, so a participant put back always fits.
 */
export const makeRevertEnrollmentChanges = ({ enrollments, clock, onEnrollmentsChanged }: RevertEnrollmentsDeps) =>
  async function revert(
    tenant: string,
    actor: string,
    rows: EnrollmentUndo[],
    opId: string,
  ): Promise<Map<EnrollmentUndo, RevertedEnrollment>> {
    const results = new Map<EnrollmentUndo, RevertedEnrollment>();
    const byCourse = new Map<string, EnrollmentUndo[]>();
    for (const row of rows) byCourse.set(row.course_id, [...(byCourse.get(row.course_id) ?? []), row]);
    for (const [courseId, courseRows] of byCourse) {
      let todo = courseRows;
      for (let round = 0; todo.length > 0; round++) {
        if (round === MAX_ROUNDS) {
          for (const row of todo)
            results.set(row, { outcome: 'failed', code: 'concurrent_modification', message: 'kept changing; retry' });
          break;
        }
        await beforeRound(round);
        const op = { opId, actor, at: clock.now(), reason: 'revert' as const };
        const stored = await enrollments.getMany(
          tenant,
          courseId,
          todo.map((r) => enrollmentRef(r)),
        );
        const units: Pending[] = [];
        for (const row of todo) {
          const ref = enrollmentRef(row);
          const current = stored.get(refId(ref));
          const plan = planEnrollmentUndo(current, row, opId);
          if (plan.kind === 'changed_since') results.set(row, { outcome: 'changed_since' });
          else if (plan.kind === 'replayed') results.set(row, { outcome: plan.outcome });
          else {
            const write: EnrollmentWrite = changeEnrollment(current, { tenant, courseId, ref }, plan.to, op);
            units.push({ row, outcome: plan.outcome, writes: [write] });
          }
        }
        const { done, retry } = await commitUnits(enrollments, units);
        for (const u of done) results.set(u.row, { outcome: u.outcome });
        todo = retry.map((u) => u.row);
      }
    }
    const changes = [...byCourse].map(([course_id, courseRows]) => ({
      course_id,
      learner_uuids: courseRows.flatMap((r) => {
        const outcome = results.get(r)?.outcome;
        return r.learner_uuid && (outcome === 'enrolled' || outcome === 'unenrolled') ? [r.learner_uuid] : [];
      }),
    }));
    if (changes.some((c) => c.learner_uuids.length > 0)) await onEnrollmentsChanged?.(tenant, changes, { actor });
    return results;
  };
