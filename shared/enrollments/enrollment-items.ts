/**
 * The DynamoDB items, transaction parts and listing filters of enrollments, built by small pure
 * functions that are unit-tested without a database. The repository only sends them.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { optional } from '#shared/db/item-schema';
import { keys } from '#shared/db/keys';
import { once } from '#shared/once';
import {
  AUDIT_REASONS,
  type Enrollment,
  type EnrollmentAudit,
  type EnrollmentStatus,
  ENROLLMENT_STATUSES,
  enrollmentRef,
} from './enrollment';
import type { EnrollmentWrite } from './enrollment-change';

/** One part of a TransactWriteItems request. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Whose enrollment in which course, the first fields of an enrollment and of its audit entries. */
const subjectFields = () => ({
  enterprise_customer_uuid: z.string(),
  course_id: z.string(),
  learner_uuid: optional(z.string()),
  pending_email: optional(z.string()),
});

/**
 * A stored enrollment as the service reads it: its fields in the order of the domain type, its other
 * attributes (keys, entity) dropped, each checked for its type; `auto_enroll` an item lacks reads as
 * false.
 */
export const enrollmentItemSchema = /* @__PURE__ */ once(() =>
  z.object({
    ...subjectFields(),
    status: z.enum(ENROLLMENT_STATUSES),
    auto_enroll: z.boolean().default(false),
    cohort: optional(z.string()),
    batch_id: optional(z.string()),
    completed_at: optional(z.string()),
    created: z.string(),
    modified: z.string(),
    version: z.number(),
    last_op_id: optional(z.string()),
    last_op_before: optional(snapshotSchema()),
  }),
);

/**
 * A stored audit entry as the service reads it: its fields in the order of the domain type, keys
 * dropped; what entries written before reverts were recorded lack (`before`, `version`) reads as null.
 */
export const enrollmentAuditItemSchema = /* @__PURE__ */ once(() =>
  z.object({
    ...subjectFields(),
    transition: z.string(),
    from_status: z.enum(ENROLLMENT_STATUSES),
    to_status: z.enum(ENROLLMENT_STATUSES),
    cohort: optional(z.string()),
    batch_id: optional(z.string()),
    actor: z.string(),
    at: z.string(),
    op_id: z.string(),
    reason: z.enum(AUDIT_REASONS),
    before: optional(snapshotSchema()),
    version: optional(z.number()),
  }),
);

/** The parts of an enrollment a transition is about, as an item (or a revert row) holds them. */
export const snapshotSchema = /* @__PURE__ */ once(() =>
  z.object({
    status: z.enum(ENROLLMENT_STATUSES),
    auto_enroll: z.boolean(),
    cohort: optional(z.string()),
    batch_id: optional(z.string()),
  }),
);

export const toEnrollment = (item: Record<string, unknown>): Enrollment => enrollmentItemSchema().parse(item);

export const toEnrollmentAudit = (item: Record<string, unknown>): EnrollmentAudit =>
  enrollmentAuditItemSchema().parse(item);

/** An enrollment's item: its key under the course, under the member (GSI2) and, when in a batch, under the batch (GSI1). */
export function enrollmentItem(e: Enrollment) {
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

export const auditItem = (a: EnrollmentAudit) => ({
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

/**
 * One enrollment write as transaction parts: the Put (or Delete) under the version it read (or the
 * absence of the item), and its audit entry, which is written once.
 */
export function writeItems(tableName: string, w: EnrollmentWrite): TransactItem[] {
  const subject = (w.after ?? w.before)!;
  const key = keys.enrollment(subject.enterprise_customer_uuid, subject.course_id, enrollmentRef(subject));
  const condition = w.before
    ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': w.before.version } }
    : { ConditionExpression: 'attribute_not_exists(PK)' };
  const write = w.after
    ? { Put: { TableName: tableName, Item: enrollmentItem(w.after), ...condition } }
    : { Delete: { TableName: tableName, Key: key, ...condition } };
  if (!w.audit) return [write];
  return [
    write,
    { Put: { TableName: tableName, Item: auditItem(w.audit), ConditionExpression: 'attribute_not_exists(PK)' } },
  ];
}

/** A batch's `participant_count` move; the batch must exist. */
export const participantCounter = (tableName: string, batchId: string, delta: number): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: keys.batch(batchId),
    ConditionExpression: 'attribute_exists(PK)',
    UpdateExpression: 'ADD participant_count :delta',
    ExpressionAttributeValues: { ':delta': delta },
  },
});

/** The put that records a course has enrollments in a tenant; it writes once. */
export const courseTenantPut = (tableName: string, courseId: string, tenant: string) => ({
  TableName: tableName,
  Item: { ...keys.courseTenant(courseId, tenant), entity: 'course_tenant', course_id: courseId, tenant },
  ConditionExpression: 'attribute_not_exists(PK)',
});

/** Filters shared by the listings: status (one, or a set) and batch. */
export interface EnrollmentFilter {
  statuses?: EnrollmentStatus[] | undefined;
  batchId?: string | undefined;
}

/** A listing's filter expression with its names; the values it names are added to `values`. */
export function filterOf(f: EnrollmentFilter, values: Record<string, unknown>) {
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

/** The query of a course's enrollments in a tenant (the table's partition, enrollment keys only). */
export function courseListing(q: { tenant: string; courseId: string } & EnrollmentFilter) {
  const pk = keys.courseEnrollmentsPartition(q.tenant, q.courseId);
  const values: Record<string, unknown> = { ':pk': pk, ':prefix': keys.enrollmentsPrefix };
  return {
    index: 'table' as const,
    partition: { name: 'PK', value: pk },
    keyCondition: 'PK = :pk AND begins_with(SK, :prefix)',
    sortKeyPrefix: keys.enrollmentsPrefix,
    ...filterOf(q, values),
    values,
  };
}

/** A cursor-free start of a course listing's last page: just after the last possible enrollment key. */
export const courseListingEnd = (tenant: string, courseId: string) => ({
  PK: keys.courseEnrollmentsPartition(tenant, courseId),
  SK: `${keys.enrollmentsPrefix}\u{10ffff}`,
});

/** The query of one member's enrollments in a tenant (GSI2). */
export function memberListing(
  q: { tenant: string; ref: Parameters<typeof keys.memberEnrollmentsPartition>[1] } & EnrollmentFilter,
) {
  const pk = keys.memberEnrollmentsPartition(q.tenant, q.ref);
  const values: Record<string, unknown> = { ':pk': pk };
  return {
    index: 'GSI2' as const,
    partition: { name: 'GSI2PK', value: pk },
    keyCondition: 'GSI2PK = :pk',
    ...filterOf(q, values),
    values,
  };
}

/** The query of a batch's participants (GSI1); a batch filter would be redundant. */
export function batchListing(q: { batchId: string } & EnrollmentFilter) {
  const pk = keys.batchParticipantsPartition(q.batchId);
  const values: Record<string, unknown> = { ':pk': pk };
  return {
    index: 'GSI1' as const,
    partition: { name: 'GSI1PK', value: pk },
    keyCondition: 'GSI1PK = :pk',
    ...filterOf({ statuses: q.statuses }, values),
    values,
  };
}

/** The query of a course's audit trail in a tenant, optionally one learner's entries. */
export function auditListing(q: { tenant: string; courseId: string; learnerUuid?: string | undefined }) {
  const pk = keys.enrollmentAuditPartition(q.tenant, q.courseId);
  const values: Record<string, unknown> = { ':pk': pk };
  if (q.learnerUuid) values[':learner'] = q.learnerUuid;
  return {
    index: 'table' as const,
    partition: { name: 'PK', value: pk },
    keyCondition: 'PK = :pk',
    filter: q.learnerUuid ? 'learner_uuid = :learner' : undefined,
    values,
  };
}

/**
 * The raw query of a course's audit entries written by one job's operations (`<job_id>#…`) between
 * two instants: the audit key starts with its time, so the Query reads only the job's run.
 */
export const auditOfJobQuery = (
  tableName: string,
  q: { tenant: string; courseId: string; jobId: string; fromIso: string; toIso: string },
) => {
  const pk = keys.enrollmentAuditPartition(q.tenant, q.courseId);
  return {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    FilterExpression: 'begins_with(op_id, :op)',
    ExpressionAttributeValues: {
      ':pk': pk,
      ':from': keys.enrollmentAuditAt(q.fromIso),
      ':to': `${keys.enrollmentAuditAt(q.toIso)}~`,
      ':op': `${q.jobId}#`,
    },
  };
};

/** The raw query of the allowances waiting for a learner with this e-mail in the tenant (GSI2). */
export const allowedOfEmailQuery = (tableName: string, tenant: string, email: string) => ({
  TableName: tableName,
  IndexName: 'GSI2',
  KeyConditionExpression: 'GSI2PK = :pk',
  FilterExpression: '#status = :allowed',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':pk': keys.memberEnrollmentsPartition(tenant, { email }), ':allowed': 'allowed' },
});
