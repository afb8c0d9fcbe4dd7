import type { Clock } from '#shared/clock';
import { beforeRound, roundOf } from '#shared/db/backoff';
import { type Notification, type NotificationOutbox, notificationId } from '#shared/notifications/notification';
import {
  type EnrollmentChanges,
  type EnrollmentSnapshot,
  type OnEnrollmentsChanged,
  refId,
  snapshotOf,
} from './enrollment';
import { changeEnrollment, type Operation } from './enrollment-change';
import type { EnrollmentRepository } from './enrollment-repository';
import { commitUnits, MAX_ROUNDS, type Unit } from './commit-units';
import { enrollmentTemplate, type OpenEdxState, openEdxState, planBulkChange } from './plan-bulk-change';
import {
  type IdentifierDirectory,
  type ResolvedIdentifier,
  resolveEnrollIdentifiers,
} from './resolve-enroll-identifiers';

/** One application of a bulk_enroll request: the whole request, or a job's chunk of its identifiers. */
export interface BulkEnrollmentChunk {
  tenant: string;
  action: 'enroll' | 'unenroll';
  /** Each course with its cohort (null without a cohorts list). */
  courses: { course_id: string; cohort: string | null }[];
  identifiers: string[];
  autoEnroll: boolean;
  emailStudents: boolean;
  /** A cohorts list was given: `cohort` appears in before/after. */
  withCohorts: boolean;
  actor: string;
  /** Same id for a replay of the same chunk: its own marks are recognised and nothing is done twice. */
  opId: string;
  /** Why, for the audit: a bulk_enroll request (default) or a group's learning module. */
  reason?: 'bulk_enroll' | 'learning_module';
}

export type BulkResultRow =
  | { identifier: string; before: OpenEdxState; after: OpenEdxState; message?: string }
  | { identifier: string; invalidIdentifier: true }
  | { identifier: string; error: true };

export interface ApplyBulkEnrollmentDeps extends IdentifierDirectory {
  enrollments: Pick<EnrollmentRepository, 'getMany' | 'commit'>;
  notify: NotificationOutbox;
  clock: Clock;
  /** After the chunk is committed: the learners whose status moved, per course (automatic groups). */
  onEnrollmentsChanged?: OnEnrollmentsChanged;
  /**
   * Told the e-mails the chunk left with a course allowance, after committing: a learner with one of
   * them created while the chunk ran may have looked for its allowances before they existed, and
   * this fulfills them as its creation would have (idempotent).
   */
  onAllowed?: (tenant: string, emails: string[], actor: string) => Promise<void>;
}

type Member = Extract<ResolvedIdentifier, { kind: 'member' }>;
type Outcome = { before: EnrollmentSnapshot; after: EnrollmentSnapshot; message?: string } | 'error';

/**
 * Applies enroll/unenroll of every identifier in every course of a chunk, Open edX style: one
 * result per identifier and course with its state before and after. Every change is a conditional
 * write with its audit entry (and batch counters) in the same transaction, marked with `opId`: a
 * replayed chunk reports its first results and writes, audits and counts nothing again. A name for
 * a member already named in the chunk reports the state the first left (sequential semantics).
 * Learners whose status moved are then handed to `onEnrollmentsChanged`, once per chunk (a replay,
 * which reports the same before/after, hands them over again).
 */
export const makeApplyBulkEnrollment = (deps: ApplyBulkEnrollmentDeps) => {
  const { enrollments, notify, clock, onEnrollmentsChanged } = deps;

  async function applyCourse(chunk: BulkEnrollmentChunk, courseId: string, cohort: string | null, members: Member[]) {
    const outcomes = new Map<string, Outcome>();
    let todo = members;
    /*
     * An enroll's first round guesses that none of its members has an enrollment in the course yet
     * (a bulk enroll's mostly have not) and commits without reading them: each write is conditioned on
     * the enrollment's absence, so a wrong guess cancels its transaction, writes nothing and stops the
     * round, and the next round reads and plans as any round does (a replayed chunk's own marks
     * included). A member the guess would leave unchanged is read too, never decided on a guess.
     */
    const guessing = chunk.action === 'enroll';
    for (let round = 0; todo.length > 0; round++) {
      const { guess, retries } = roundOf(round, guessing);
      if (retries === MAX_ROUNDS) {
        for (const m of todo) outcomes.set(refId(m.ref), 'error');
        break;
      }
      await beforeRound(retries);
      const op: Operation = {
        opId: chunk.opId,
        actor: chunk.actor,
        at: clock.now(),
        reason: chunk.reason ?? 'bulk_enroll',
      };
      const current = guess
        ? new Map()
        : await enrollments.getMany(
            chunk.tenant,
            courseId,
            todo.map((m) => m.ref),
          );
      const units: (Unit & { member: Member })[] = [];
      const unread: Member[] = [];
      for (const member of todo) {
        const stored = current.get(refId(member.ref));
        if (stored?.last_op_id === chunk.opId && stored.last_op_before) {
          outcomes.set(refId(member.ref), { before: stored.last_op_before, after: snapshotOf(stored) });
          continue;
        }
        const change = planBulkChange(snapshotOf(stored), member.isUser, {
          action: chunk.action,
          autoEnroll: chunk.autoEnroll,
          cohort,
        });
        if (change.patch === null && guess) unread.push(member);
        else if (change.patch === null) {
          const same = snapshotOf(stored);
          outcomes.set(refId(member.ref), {
            before: same,
            after: same,
            ...(change.message && { message: change.message }),
          });
        } else {
          const write = changeEnrollment(stored, { tenant: chunk.tenant, courseId, ref: member.ref }, change.patch, op);
          units.push({ member, writes: [write] });
        }
      }
      const { done, retry } = await commitUnits(enrollments, units, { untilCancelled: guess });
      for (const u of done) {
        const [w] = u.writes;
        outcomes.set(refId(u.member.ref), { before: snapshotOf(w!.before), after: snapshotOf(w!.after ?? undefined) });
      }
      todo = [...retry.map((u) => u.member), ...unread];
    }
    return outcomes;
  }

  return async (chunk: BulkEnrollmentChunk): Promise<Record<string, BulkResultRow[]>> => {
    const resolved = await resolveEnrollIdentifiers(deps, chunk.tenant, chunk.identifiers);
    const members = [
      ...new Map(resolved.flatMap((r) => (r.kind === 'member' ? [[refId(r.ref), r] as const] : []))).values(),
    ];
    const results: Record<string, BulkResultRow[]> = {};
    const notifications: Notification[] = [];
    const changes: EnrollmentChanges = [];
    for (const { course_id, cohort } of chunk.courses) {
      const outcomes = await applyCourse(chunk, course_id, cohort, members);
      results[course_id] = rowsOf(resolved, outcomes, chunk.withCohorts);
      changes.push({ course_id, learner_uuids: learnersWhoseStatusMoved(members, outcomes) });
      if (chunk.emailStudents) notifications.push(...notificationsOf(chunk, course_id, members, outcomes, clock.now()));
    }
    if (changes.some((c) => c.learner_uuids.length > 0))
      await onEnrollmentsChanged?.(chunk.tenant, changes, { actor: chunk.actor });
    if (notifications.length > 0) await notify(notifications);
    const allowed = members.flatMap((m) => ('email' in m.ref ? [m.ref.email] : []));
    if (deps.onAllowed && chunk.action === 'enroll' && allowed.length > 0)
      await deps.onAllowed(chunk.tenant, allowed, chunk.actor);
    return results;
  };
};

function learnersWhoseStatusMoved(members: Member[], outcomes: Map<string, Outcome>): string[] {
  return members.flatMap((m) => {
    const outcome = outcomes.get(refId(m.ref));
    const moved = outcome && outcome !== 'error' && outcome.before.status !== outcome.after.status;
    return moved && 'learnerUuid' in m.ref ? [m.ref.learnerUuid] : [];
  });
}

function rowsOf(resolved: ResolvedIdentifier[], outcomes: Map<string, Outcome>, withCohorts: boolean): BulkResultRow[] {
  const reported = new Set<string>();
  return resolved.map((r): BulkResultRow => {
    if (r.kind === 'invalid') return { identifier: r.identifier, invalidIdentifier: true };
    const key = refId(r.ref);
    const outcome = outcomes.get(key);
    if (!outcome || outcome === 'error') return { identifier: r.identifier, error: true };
    const first = !reported.has(key);
    reported.add(key);
    const before = first ? outcome.before : outcome.after;
    return {
      identifier: r.identifier,
      before: openEdxState(before, r.isUser, withCohorts),
      after: openEdxState(outcome.after, r.isUser, withCohorts),
      ...(first && outcome.message && { message: outcome.message }),
    };
  });
}

function notificationsOf(
  chunk: BulkEnrollmentChunk,
  courseId: string,
  members: Member[],
  outcomes: Map<string, Outcome>,
  now: string,
): Notification[] {
  return members.flatMap((m) => {
    const outcome = outcomes.get(refId(m.ref));
    if (!outcome || outcome === 'error') return [];
    const template = enrollmentTemplate(outcome.before.status, outcome.after.status);
    if (!template) return [];
    return [
      {
        notification_id: notificationId(chunk.opId, courseId, refId(m.ref), template),
        template,
        enterprise_customer_uuid: chunk.tenant,
        to: m.email,
        learner_uuid: 'learnerUuid' in m.ref ? m.ref.learnerUuid : null,
        context: { course_id: courseId, cohort: outcome.after.cohort, auto_enroll: outcome.after.auto_enroll },
        created: now,
      },
    ];
  });
}
