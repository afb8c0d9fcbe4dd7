import * as z from 'zod';
import { beforeRound } from '#shared/db/backoff';
import type { Clock } from '#shared/clock';
import { once } from '#shared/once';
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
import { snapshotSchema } from './enrollment-items';
import type { EnrollmentRepository } from './enrollment-repository';

/**
 * One enrollment a job wrote, as a revert row: where it is, the operation and version of the job's
 * last write there (its audit entry's), and the state before the job's first write there (null on
 * audit entries older than that record: then the enrollment's own `last_op_before` is used).
 */
export interface EnrollmentUndo {
  course_id: string;
  learner_uuid: string | null;
  pending_email: string | null;
  op_id: string;
  version: number | null;
  before: EnrollmentSnapshot | null;
}

/** An undo as a revert job's row carries it, checked for its shape. */
export const enrollmentUndoSchema = /* @__PURE__ */ once(() =>
  z.object({
    course_id: z.string(),
    learner_uuid: z.string().nullable(),
    pending_email: z.string().nullable(),
    op_id: z.string(),
    version: z.number().nullable(),
    before: snapshotSchema().nullable(),
  }),
);

export type EnrollmentUndoOutcome =
  'enrolled' | 'allowed' | 'unenrolled' | 'allowance_removed' | 'updated' | 'changed_since' | 'failed';

export interface RevertedEnrollment {
  outcome: EnrollmentUndoOutcome;
  code?: string;
  message?: string;
}

const keyOf = (e: { course_id: string; learner_uuid: string | null; pending_email: string | null }) =>
  `${e.course_id}|${refId(enrollmentRef(e))}`;

/** Writes in the order they were made: by the version each left (by time on older entries). */
const byWriteOrder = (a: EnrollmentAudit, b: EnrollmentAudit) =>
  a.version != null && b.version != null ? a.version - b.version : a.at.localeCompare(b.at);

/**
 * The enrollments a job's audit entries name, once each, in the order they were first written: a
 * job that wrote one enrollment twice (a file that enrolls and unenrolls the same learner) is one row,
 * from the state before its first write to its last write there.
 */
export function netEnrollmentChanges(entries: EnrollmentAudit[]): EnrollmentUndo[] {
  const byEnrollment = new Map<string, EnrollmentAudit[]>();
  for (const e of [...entries].sort((a, b) => a.at.localeCompare(b.at)))
    byEnrollment.set(keyOf(e), [...(byEnrollment.get(keyOf(e)) ?? []), e]);
  return [...byEnrollment.values()].map((writes) => {
    const [first, ...rest] = writes.sort(byWriteOrder);
    const last = rest.at(-1) ?? first!;
    return {
      course_id: first!.course_id,
      learner_uuid: first!.learner_uuid,
      pending_email: first!.pending_email,
      op_id: last.op_id,
      version: last.version ?? null,
      before: first!.before ?? null,
    };
  });
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
 * last write (same operation, same version), or it is `changed_since` and left alone. It goes back to
 * the state before the job's first write: an enrollment the job created to `unenrolled`, without
 * batch or cohort.
 */
export function planEnrollmentUndo(current: Enrollment | undefined, row: EnrollmentUndo, opId: string): UndoPlan {
  if (current?.last_op_id === opId && current.last_op_before)
    return { kind: 'replayed', outcome: undoOutcome(current.last_op_before, snapshotOf(current)) };
  const unchanged =
    current !== undefined &&
    current.last_op_id === row.op_id &&
    (row.version === null || current.version === row.version);
  const to = row.before ?? current?.last_op_before;
  if (!unchanged || !to) return { kind: 'changed_since' };
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
