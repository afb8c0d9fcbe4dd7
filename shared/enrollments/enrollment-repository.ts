import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { writtenIf } from '#shared/db/conditional-write';
import { keys, type MemberRef } from '#shared/db/keys';
import { encodeCursor } from '#shared/db/page-cursor';
import { type Page, type PageQuery, queryCount, queryPage, queryPages } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { type Enrollment, type EnrollmentAudit, enrollmentRef, refId } from './enrollment';
import { type EnrollmentWrite, participantDeltas } from './enrollment-change';
import {
  allowedOfEmailQuery,
  auditListing,
  auditOfJobQuery,
  batchListing,
  courseListing,
  courseListingEnd,
  courseTenantPut,
  type EnrollmentFilter,
  memberListing,
  participantCounter,
  toEnrollment,
  toEnrollmentAudit,
  writeItems,
} from './enrollment-items';

export type { EnrollmentFilter } from './enrollment-items';

export interface Paging {
  pageSize: number;
  cursor?: string | undefined;
}

export type CommitOutcome = { ok: true } | { ok: false };

export function makeEnrollmentRepository(db: DynamoDBDocumentClient, tableName: string) {
  async function listing(q: Omit<PageQuery, 'pageSize' | 'cursor'>, paging: Paging, count: boolean) {
    const [page, total] = await Promise.all([
      queryPage(db, tableName, { ...q, ...paging }),
      count ? queryCount(db, tableName, q) : Promise.resolve(undefined),
    ]);
    return { ...page, items: page.items.map(toEnrollment), count: total };
  }

  async function getMany(tenant: string, courseId: string, refs: MemberRef[]): Promise<Map<string, Enrollment>> {
    const items = await batchGetAll(
      db,
      tableName,
      refs.map((r) => keys.enrollment(tenant, courseId, r)),
    );
    return new Map(items.map((item) => [refId(enrollmentRef(toEnrollment(item))), toEnrollment(item)]));
  }

  async function queryAll(input: Parameters<typeof queryPages>[1]): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for await (const items of queryPages(db, input)) out.push(...items);
    return out;
  }

  /** (tenant, course) pairs this process registered already: one conditional put each per warm process. */
  const registered = new Set<string>();

  /**
   * Records that each course the writes touch has enrollments in their tenant, before they commit (a
   * registered tenant without enrollments lists nothing; the reverse would hide them from staff).
   */
  async function registerCourseTenants(writes: EnrollmentWrite[]) {
    for (const w of writes) {
      const { enterprise_customer_uuid: tenant, course_id: courseId } = (w.after ?? w.before)!;
      const id = JSON.stringify([tenant, courseId]);
      if (registered.has(id)) continue;
      await writtenIf(db.send(new PutCommand(courseTenantPut(tableName, courseId, tenant))));
      registered.add(id);
    }
  }

  return {
    getMany,

    /** The tenants a course has (or had) enrollments in, in uuid order. */
    async tenantsOfCourse(courseId: string): Promise<string[]> {
      const items = await queryAll({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.courseTenantsPartition(courseId) },
        ExpressionAttributeNames: { '#tenant': 'tenant' },
        ProjectionExpression: '#tenant',
      });
      return items.map((i) => String(i.tenant));
    },

    async get(tenant: string, courseId: string, ref: MemberRef): Promise<Enrollment | undefined> {
      return (await getMany(tenant, courseId, [ref])).get(refId(ref));
    },

    /**
     * Applies the writes, their audit entries and the `participant_count` moves of the batches they
     * touch in one transaction (at most 100 items): all or nothing, so the counters are exact and an
     * audit entry exists exactly when its change does. A failed condition is reported, not thrown.
     */
    async commit(writes: EnrollmentWrite[]): Promise<CommitOutcome> {
      if (writes.length === 0) return { ok: true };
      await registerCourseTenants(writes);
      const counters = [...participantDeltas(writes)].map(([batchId, delta]) =>
        participantCounter(tableName, batchId, delta),
      );
      const outcome = await transact(db, [...counters, ...writes.flatMap((w) => writeItems(tableName, w))]);
      return outcome.ok ? { ok: true } : { ok: false };
    },

    /**
     * Enrollments of a course in a tenant, by learner then pending e-mail; `fromEnd` (without a
     * cursor) is its last page, read backwards from after the last possible key.
     */
    listByCourse(q: { tenant: string; courseId: string; fromEnd?: boolean } & EnrollmentFilter & Paging, count = true) {
      const cursor = q.fromEnd && !q.cursor ? encodeCursor({ b: courseListingEnd(q.tenant, q.courseId) }) : q.cursor;
      return listing(courseListing(q), { pageSize: q.pageSize, cursor }, count);
    },

    /** How many enrollments of a course in a tenant match the filters. */
    countByCourse(q: { tenant: string; courseId: string } & EnrollmentFilter): Promise<number> {
      return queryCount(db, tableName, courseListing(q));
    },

    /** Enrollments of one learner (or pending e-mail) in a tenant, by course. */
    listByMember(q: { tenant: string; ref: MemberRef } & EnrollmentFilter & Paging, count = true) {
      return listing(memberListing(q), q, count);
    },

    /** Participants of a batch (learners whose enrollment names it), by learner uuid. */
    listByBatch(q: { batchId: string } & EnrollmentFilter & Paging, count = true) {
      return listing(batchListing(q), q, count);
    },

    /** Every allowance still waiting for a learner with this e-mail in the tenant. */
    async listAllowedOfEmail(tenant: string, email: string): Promise<Enrollment[]> {
      return (await queryAll(allowedOfEmailQuery(tableName, tenant, email))).map(toEnrollment);
    },

    /** The audit entries one job's operations wrote in a course of a tenant between two instants, oldest first. */
    async *auditOfJob(q: Parameters<typeof auditOfJobQuery>[1]): AsyncGenerator<EnrollmentAudit> {
      for await (const items of queryPages(db, auditOfJobQuery(tableName, q)))
        for (const item of items) yield toEnrollmentAudit(item);
    },

    /** The audit trail of a course in a tenant, oldest first; optionally one learner's entries. */
    async listAudit(
      q: { tenant: string; courseId: string; learnerUuid?: string | undefined } & Paging,
    ): Promise<Page<EnrollmentAudit> & { count: number }> {
      const query = auditListing(q);
      const [page, count] = await Promise.all([
        queryPage(db, tableName, { ...query, pageSize: q.pageSize, cursor: q.cursor }),
        queryCount(db, tableName, query),
      ]);
      return { ...page, count, items: page.items.map(toEnrollmentAudit) };
    },
  };
}

export type EnrollmentRepository = ReturnType<typeof makeEnrollmentRepository>;
