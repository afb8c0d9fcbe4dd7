import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#shared/db/batch-get';
import { writtenIf } from '#shared/db/conditional-write';
import { keys, type MemberRef } from '#shared/db/keys';
import { encodeCursor } from '#shared/db/page-cursor';
import { type Page, type PageQuery, queryCount, queryPage, queryPages } from '#shared/db/paging';
import { transact } from '#shared/db/transactions';
import { type Enrollment, type EnrollmentAudit, type EnrollmentStatus, enrollmentRef, refId } from './enrollment';
import { type EnrollmentWrite, participantDeltas } from './enrollment-change';

const FIELDS: (keyof Enrollment)[] = [
  'enterprise_customer_uuid',
  'course_id',
  'learner_uuid',
  'pending_email',
  'status',
  'auto_enroll',
  'cohort',
  'batch_id',
  'completed_at',
  'created',
  'modified',
  'version',
  'last_op_id',
  'last_op_before',
];
const AUDIT_FIELDS: (keyof EnrollmentAudit)[] = [
  'enterprise_customer_uuid',
  'course_id',
  'learner_uuid',
  'pending_email',
  'transition',
  'from_status',
  'to_status',
  'cohort',
  'batch_id',
  'actor',
  'at',
  'op_id',
  'reason',
];

const pick = <T>(item: Record<string, unknown>, fields: (keyof T)[]) =>
  Object.fromEntries(fields.map((f) => [f, item[f as string] ?? null])) as T;
export const toEnrollment = (item: Record<string, unknown>) => {
  const e = pick<Enrollment>(item, FIELDS);
  return { ...e, auto_enroll: e.auto_enroll === true };
};

function toItem(e: Enrollment) {
  const ref = enrollmentRef(e);
  return {
    ...keys.enrollment(e.enterprise_customer_uuid, e.course_id, ref),
    ...keys.enrollmentByMember(e.enterprise_customer_uuid, ref, e.course_id),
    // Sparse: only learners that are (or were) in a batch appear in the batch's participant index.
    ...(e.batch_id && e.learner_uuid ? keys.batchParticipant(e.batch_id, e.learner_uuid) : {}),
    entity: 'enrollment',
    ...e,
  };
}

const auditItem = (a: EnrollmentAudit) => ({
  ...keys.enrollmentAudit(
    a.enterprise_customer_uuid,
    a.course_id,
    a.at,
    a.op_id,
    enrollmentRef({ learner_uuid: a.learner_uuid, pending_email: a.pending_email }),
  ),
  entity: 'enrollment_audit',
  ...a,
});

/** Filters shared by the listings: status (one, or a set) and batch. */
export interface EnrollmentFilter {
  statuses?: EnrollmentStatus[] | undefined;
  batchId?: string | undefined;
}
export interface Paging {
  pageSize: number;
  cursor?: string | undefined;
}

export type CommitOutcome = { ok: true } | { ok: false };

export function makeEnrollmentRepository(db: DynamoDBDocumentClient, tableName: string) {
  function writeItems(w: EnrollmentWrite) {
    const key = keys.enrollment(
      (w.after ?? w.before)!.enterprise_customer_uuid,
      (w.after ?? w.before)!.course_id,
      enrollmentRef((w.after ?? w.before)!),
    );
    const condition = w.before
      ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': w.before.version } }
      : { ConditionExpression: 'attribute_not_exists(PK)' };
    const write = w.after
      ? { Put: { TableName: tableName, Item: toItem(w.after), ...condition } }
      : { Delete: { TableName: tableName, Key: key, ...condition } };
    if (!w.audit) return [write];
    return [
      write,
      { Put: { TableName: tableName, Item: auditItem(w.audit), ConditionExpression: 'attribute_not_exists(PK)' } },
    ];
  }

  function filterOf(f: EnrollmentFilter, values: Record<string, unknown>) {
    const filters: string[] = [];
    if (f.statuses?.length) {
      f.statuses.forEach((s, i) => (values[`:s${i}`] = s));
      filters.push(`#status IN (${f.statuses.map((_, i) => `:s${i}`).join(', ')})`);
    }
    if (f.batchId) {
      values[':batch'] = f.batchId;
      filters.push('batch_id = :batch');
    }
    return {
      filter: filters.length ? filters.join(' AND ') : undefined,
      names: f.statuses?.length ? { '#status': 'status' } : undefined,
    };
  }

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
      const item = { ...keys.courseTenant(courseId, tenant), entity: 'course_tenant', course_id: courseId, tenant };
      await writtenIf(
        db.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' })),
      );
      registered.add(id);
    }
  }

  return {
    getMany,

    /** The tenants a course has (or had) enrollments in, in uuid order. */
    async tenantsOfCourse(courseId: string): Promise<string[]> {
      const tenants: string[] = [];
      for await (const items of queryPages(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.courseTenantsPartition(courseId) },
        ExpressionAttributeNames: { '#tenant': 'tenant' },
        ProjectionExpression: '#tenant',
      }))
        tenants.push(...items.map((i) => String(i.tenant)));
      return tenants;
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
      const counters = [...participantDeltas(writes)].map(([batchId, delta]) => ({
        Update: {
          TableName: tableName,
          Key: keys.batch(batchId),
          ConditionExpression: 'attribute_exists(PK)',
          UpdateExpression: 'ADD participant_count :delta',
          ExpressionAttributeValues: { ':delta': delta },
        },
      }));
      const outcome = await transact(db, [...counters, ...writes.flatMap(writeItems)]);
      return outcome.ok ? { ok: true } : { ok: false };
    },

    /**
     * Enrollments of a course in a tenant, by learner then pending e-mail; `fromEnd` (without a
     * cursor) is its last page, read backwards from after the last possible key.
     */
    listByCourse(q: { tenant: string; courseId: string; fromEnd?: boolean } & EnrollmentFilter & Paging, count = true) {
      const pk = keys.courseEnrollmentsPartition(q.tenant, q.courseId);
      const values: Record<string, unknown> = { ':pk': pk, ':prefix': keys.enrollmentsPrefix };
      const cursor =
        q.fromEnd && !q.cursor ? encodeCursor({ b: { PK: pk, SK: `${keys.enrollmentsPrefix}\u{10ffff}` } }) : q.cursor;
      return listing(
        {
          index: 'table',
          partition: { name: 'PK', value: pk },
          keyCondition: 'PK = :pk AND begins_with(SK, :prefix)',
          sortKeyPrefix: keys.enrollmentsPrefix,
          ...filterOf(q, values),
          values,
        },
        { pageSize: q.pageSize, cursor },
        count,
      );
    },

    /** How many enrollments of a course in a tenant match the filters. */
    countByCourse(q: { tenant: string; courseId: string } & EnrollmentFilter): Promise<number> {
      const pk = keys.courseEnrollmentsPartition(q.tenant, q.courseId);
      const values: Record<string, unknown> = { ':pk': pk, ':prefix': keys.enrollmentsPrefix };
      return queryCount(db, tableName, {
        index: 'table',
        keyCondition: 'PK = :pk AND begins_with(SK, :prefix)',
        sortKeyPrefix: keys.enrollmentsPrefix,
        ...filterOf(q, values),
        values,
      });
    },

    /** Enrollments of one learner (or pending e-mail) in a tenant, by course. */
    listByMember(q: { tenant: string; ref: MemberRef } & EnrollmentFilter & Paging, count = true) {
      const pk = keys.memberEnrollmentsPartition(q.tenant, q.ref);
      const values: Record<string, unknown> = { ':pk': pk };
      return listing(
        {
          index: 'GSI2',
          partition: { name: 'GSI2PK', value: pk },
          keyCondition: 'GSI2PK = :pk',
          ...filterOf(q, values),
          values,
        },
        q,
        count,
      );
    },

    /** Participants of a batch (learners whose enrollment names it), by learner uuid. */
    listByBatch(q: { batchId: string } & EnrollmentFilter & Paging, count = true) {
      const pk = keys.batchParticipantsPartition(q.batchId);
      const values: Record<string, unknown> = { ':pk': pk };
      return listing(
        {
          index: 'GSI1',
          partition: { name: 'GSI1PK', value: pk },
          keyCondition: 'GSI1PK = :pk',
          ...filterOf({ statuses: q.statuses }, values),
          values,
        },
        q,
        count,
      );
    },

    /** Every allowance still waiting for a learner with this e-mail in the tenant. */
    async listAllowedOfEmail(tenant: string, email: string): Promise<Enrollment[]> {
      const out: Enrollment[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk',
            FilterExpression: '#status = :allowed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':pk': keys.memberEnrollmentsPartition(tenant, { email }),
              ':allowed': 'allowed',
            },
            ExclusiveStartKey: startKey,
          }),
        );
        out.push(...(page.Items ?? []).map(toEnrollment));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return out;
    },

    /** The audit trail of a course in a tenant, oldest first; optionally one learner's entries. */
    async listAudit(
      q: { tenant: string; courseId: string; learnerUuid?: string | undefined } & Paging,
    ): Promise<Page<EnrollmentAudit> & { count: number }> {
      const pk = keys.enrollmentAuditPartition(q.tenant, q.courseId);
      const values: Record<string, unknown> = { ':pk': pk };
      if (q.learnerUuid) values[':learner'] = q.learnerUuid;
      const query = {
        index: 'table' as const,
        keyCondition: 'PK = :pk',
        filter: q.learnerUuid ? 'learner_uuid = :learner' : undefined,
        values,
      };
      const [page, count] = await Promise.all([
        queryPage(db, tableName, {
          ...query,
          partition: { name: 'PK', value: pk },
          pageSize: q.pageSize,
          cursor: q.cursor,
        }),
        queryCount(db, tableName, query),
      ]);
      return { ...page, count, items: page.items.map((item) => pick<EnrollmentAudit>(item, AUDIT_FIELDS)) };
    },
  };
}

export type EnrollmentRepository = ReturnType<typeof makeEnrollmentRepository>;
