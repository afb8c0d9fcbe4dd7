import type { MemberRef } from '#shared/db/keys';
import type { Batch } from '#shared/enrollments/batch';
import { type Enrollment, type EnrollmentAudit, enrollmentRef, refId } from '#shared/enrollments/enrollment';
import { type EnrollmentWrite, participantDeltas } from '#shared/enrollments/enrollment-change';
import type { Learner } from '#shared/learners/learner';
import type { Notification } from '#shared/notifications/notification';
import { aLearner, fakeLearners, TENANT } from '../fakes';

const keyOf = (tenant: string, courseId: string, ref: MemberRef) => `${tenant}|${courseId}|${refId(ref)}`;

/**
 * An in-memory enrollment store with the repository's surface and its rules: writes are
 * conditional on the version read, a commit is all or nothing, audits and batch counters move with it.
 * `interfere` runs once before a commit, to simulate a concurrent writer.
 */
export function fakeEnrollments(batches: Batch[] = []) {
  const rows = new Map<string, Enrollment>();
  const audits: EnrollmentAudit[] = [];
  const batchById = new Map(batches.map((b) => [b.batch_id, { ...b }]));
  let interfere: (() => void) | undefined;
  const store = {
    rows,
    audits,
    batchById,
    interfereOnce(fn: () => void) {
      interfere = fn;
    },
    put(e: Enrollment) {
      rows.set(keyOf(e.enterprise_customer_uuid, e.course_id, enrollmentRef(e)), e);
    },
    find(tenant: string, courseId: string, ref: MemberRef) {
      return rows.get(keyOf(tenant, courseId, ref));
    },
    async getMany(tenant: string, courseId: string, refs: MemberRef[]) {
      return new Map(
        refs.flatMap((r) => {
          const e = rows.get(keyOf(tenant, courseId, r));
          return e ? [[refId(r), structuredClone(e)] as const] : [];
        }),
      );
    },
    async get(tenant: string, courseId: string, ref: MemberRef) {
      const e = rows.get(keyOf(tenant, courseId, ref));
      return e && structuredClone(e);
    },
    async commit(writes: EnrollmentWrite[]) {
      const run = interfere;
      interfere = undefined;
      run?.();
      const items = writes.length + writes.filter((w) => w.audit).length + participantDeltas(writes).size;
      if (items > 100) throw new Error(`transaction of ${items} items`);
      for (const w of writes) {
        const e = (w.after ?? w.before)!;
        const stored = rows.get(keyOf(e.enterprise_customer_uuid, e.course_id, enrollmentRef(e)));
        if ((stored?.version ?? null) !== (w.before?.version ?? null)) return { ok: false as const };
      }
      for (const w of writes) {
        const e = (w.after ?? w.before)!;
        const key = keyOf(e.enterprise_customer_uuid, e.course_id, enrollmentRef(e));
        if (w.after) rows.set(key, structuredClone(w.after));
        else rows.delete(key);
        if (w.audit) audits.push(w.audit);
      }
      for (const [batchId, delta] of participantDeltas(writes)) batchById.get(batchId)!.participant_count += delta;
      return { ok: true as const };
    },
    async listAllowedOfEmail(tenant: string, email: string) {
      return [...rows.values()].filter(
        (e) => e.enterprise_customer_uuid === tenant && e.pending_email === email && e.status === 'allowed',
      );
    },
  };
  return store;
}

export function fakeBatches(store: ReturnType<typeof fakeEnrollments>) {
  return {
    get: async (batchId: string) => {
      const b = store.batchById.get(batchId);
      return b && { ...b };
    },
    create: async (b: Batch) => void store.batchById.set(b.batch_id, { ...b }),
  };
}

export function fakeOutbox() {
  const sent: Notification[] = [];
  return { sent, notify: async (ns: Notification[]) => void sent.push(...ns) };
}

export const noUsernames = { findByUsernames: async () => new Map() };

/** Learner `n` of the tenant, with an e-mail, an employee id and a state id of its own. */
export const learnerN = (n: number, overrides: Partial<Learner> = {}) =>
  aLearner({
    learner_uuid: `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email: `l${n}@example.com`,
    employee_id: `E${n}`,
    state_id: `S${n}`,
    ...overrides,
  });

/** A directory with the repository's lookups, for every unique kind. */
export function directory(all: Learner[]) {
  const field = { EMAIL: 'email', EMPLOYEE_ID: 'employee_id', STATE_ID: 'state_id' } as const;
  return {
    ...fakeLearners(all),
    findUuids: async (tenant: string, kind: string, values: string[]) =>
      new Map(
        all
          .filter((l) => l.enterprise_customer_uuid === tenant)
          .flatMap((l) => {
            const value = l[field[kind as keyof typeof field]];
            return value !== null && values.includes(value) ? [[value, l.learner_uuid] as const] : [];
          }),
      ),
  };
}

/** An invite-only batch of the tenant, empty. */
export const aBatch: Batch = {
  batch_id: 'bbbbbbbb-0000-4000-8000-000000000001',
  course_id: 'do_3129',
  enterprise_customer_uuid: TENANT,
  name: 'Teachers 2026',
  enrollment_type: 'invite_only',
  participant_count: 0,
  created_by: 'staff-1',
  created: 'x',
  modified: 'x',
};
