/**
 * Every key string of the single table is built here. The access patterns they serve are
 * listed in ./access-patterns.md; change both together.
 */

export type UniqueKind = 'GROUP_NAME' | 'GROUP_EXTERNAL_ID' | 'GROUP_LEGACY_ID' | 'EMAIL' | 'EMPLOYEE_ID' | 'STATE_ID';

/** A membership's member: a known learner, or an e-mail awaiting its learner. */
export type MemberRef = { learnerUuid: string } | { email: string };

const memberSk = (ref: MemberRef) => ('learnerUuid' in ref ? `MEMBER#L#${ref.learnerUuid}` : `MEMBER#E#${ref.email}`);

const WEBHOOKS_PREFIX = 'WEBHOOK#';
const webhookPartition = (webhookId: string) => `WEBHOOK#${webhookId}`;
const webhookDeliveriesPartition = (webhookId: string) => `WEBHOOK#${webhookId}#DELIVERIES`;

/** The registry partition of automatic groups (see `keys.automaticGroup`). */
const AUTOMATIC_GROUPS = 'AUTOMATIC_GROUPS';

export const keys = {
  group: (groupUuid: string) => ({ PK: `GROUP#${groupUuid}`, SK: 'GROUP' }),
  groupByName: (tenant: string, lowerName: string, groupUuid: string) => ({
    GSI1PK: `TENANT#${tenant}#GROUPS`,
    GSI1SK: `NAME#${lowerName}#${groupUuid}`,
  }),
  groupByCreated: (tenant: string, createdIso: string, groupUuid: string) => ({
    GSI2PK: `TENANT#${tenant}#GROUPS`,
    GSI2SK: `CREATED#${createdIso}#${groupUuid}`,
  }),
  tenantGroupsPartition: (tenant: string) => `TENANT#${tenant}#GROUPS`,
  /**
   * Registry of every automatic group of every tenant (one item per group, written in the group's
   * create and delete transactions), so the scheduled recalculation lists them without a Scan.
   */
  automaticGroup: (tenant: string, groupUuid: string) => ({
    PK: AUTOMATIC_GROUPS,
    SK: `${automaticGroupsOfTenant(tenant)}${groupUuid}`,
  }),
  automaticGroupsPartition: AUTOMATIC_GROUPS,
  /** SK prefix of one tenant's entries in the registry. */
  automaticGroupsOfTenant: (tenant: string) => automaticGroupsOfTenant(tenant),

  /** Uniqueness guard, written in the same transaction as its owner; the value is lower-cased by the caller. */
  unique: (tenant: string, kind: UniqueKind, value: string) => ({
    PK: `UNIQUE#${tenant}#${kind}#${value}`,
    SK: 'UNIQUE',
  }),

  membership: (groupUuid: string, ref: MemberRef) => ({ PK: `GROUP#${groupUuid}`, SK: memberSk(ref) }),
  membersPrefix: 'MEMBER#',
  /** Inverted index: a learner's (or a pending e-mail's) memberships across groups. */
  membershipByMember: (tenant: string, ref: MemberRef, groupUuid: string) => ({
    GSI1PK: memberPartition(tenant, ref),
    GSI1SK: `GROUP#${groupUuid}`,
  }),
  memberPartition: (tenant: string, ref: MemberRef) => memberPartition(tenant, ref),
  /**
   * A member's home group in a tenant (at most one): a pointer holding `group_uuid`, moved by an
   * assign with `home_group: true`, deleted when that membership ends.
   */
  homeGroup: (tenant: string, ref: MemberRef) => ({
    PK: `HOME#${tenant}#${'learnerUuid' in ref ? `L#${ref.learnerUuid}` : `E#${ref.email}`}`,
    SK: 'HOME',
  }),

  /** Audit of a group and its memberships, newest last in SK order; kept when the group is deleted. */
  groupHistory: (groupUuid: string, atIso: string, entryId: string) => ({
    PK: groupHistoryPartition(groupUuid),
    SK: `AT#${atIso}#${entryId}`,
  }),
  groupHistoryPartition: (groupUuid: string) => groupHistoryPartition(groupUuid),

  /** An automatic group's ruleset versions (conditions history), oldest first; kept when the group is deleted. */
  rulesetVersion: (groupUuid: string, version: number) => ({
    PK: rulesetVersionsPartition(groupUuid),
    SK: `V#${String(version).padStart(6, '0')}`,
  }),
  rulesetVersionsPartition: (groupUuid: string) => rulesetVersionsPartition(groupUuid),

  /**
   * A learner of a tenant. Its uuid is unique only within the tenant (for learners it is the IdP's
   * `sub`), so two tenants may each hold the same uuid, and neither can see or block the other's.
   */
  learner: (tenant: string, learnerUuid: string) => ({ PK: learnerPartition(tenant, learnerUuid), SK: 'LEARNER' }),
  learnerByEmail: (tenant: string, email: string, learnerUuid: string) => ({
    GSI1PK: `TENANT#${tenant}#LEARNERS`,
    GSI1SK: `EMAIL#${email}#${learnerUuid}`,
  }),
  tenantLearnersPartition: (tenant: string) => `TENANT#${tenant}#LEARNERS`,
  /** Learners of a tenant by branch, sorted by e-mail (sparse: only learners with a `branch_id`). */
  learnerByBranch: (tenant: string, branchId: string, email: string, learnerUuid: string) => ({
    GSI2PK: branchLearnersPartition(tenant, branchId),
    GSI2SK: `EMAIL#${email}#${learnerUuid}`,
  }),
  branchLearnersPartition: (tenant: string, branchId: string) => branchLearnersPartition(tenant, branchId),
  /** One item per word of a learner's first and last name, for member search by name prefix. */
  learnerNameToken: (tenant: string, learnerUuid: string, token: string) => ({
    PK: learnerPartition(tenant, learnerUuid),
    SK: `NAME#${token}`,
    GSI1PK: learnerNamesPartition(tenant),
    GSI1SK: `NAME#${token}#${learnerUuid}`,
  }),
  learnerNamesPartition: (tenant: string) => learnerNamesPartition(tenant),

  /** A tenant's branch directory (its org tree) in one partition, and the tree's version item. */
  branch: (tenant: string, branchId: string) => ({ PK: branchesPartition(tenant), SK: `BRANCH#${branchId}` }),
  branchTree: (tenant: string) => ({ PK: branchesPartition(tenant), SK: 'TREE' }),
  branchesPartition: (tenant: string) => branchesPartition(tenant),
  branchesPrefix: 'BRANCH#',

  /** A tenant's settings (its groups' default removal guard): one item, absent until an admin sets one. */
  tenantSettings: (tenant: string) => ({ PK: `TENANT#${tenant}`, SK: 'SETTINGS' }),

  job: (jobId: string) => ({ PK: `JOB#${jobId}`, SK: 'JOB' }),
  jobsOfTenant: (tenant: string, createdIso: string, jobId: string) => ({
    GSI1PK: `TENANT#${tenant}#JOBS`,
    GSI1SK: `CREATED#${createdIso}#${jobId}`,
  }),
  tenantJobsPartition: (tenant: string) => `TENANT#${tenant}#JOBS`,
  jobsBySource: (tenant: string, sourceKey: string, createdIso: string, jobId: string) => ({
    GSI2PK: jobSourcePartition(tenant, sourceKey),
    GSI2SK: `CREATED#${createdIso}#${jobId}`,
  }),
  jobSourcePartition: (tenant: string, sourceKey: string) => jobSourcePartition(tenant, sourceKey),
  /** The lower bound of a source's jobs created at or after `createdIso` (J3, a range on GSI2SK). */
  jobsCreatedFrom: (createdIso: string) => `CREATED#${createdIso}`,
  /** A chunk's input rows; its results, written once with the job's counters. */
  jobChunk: (jobId: string, chunk: number) => ({ PK: `JOB#${jobId}`, SK: `CHUNK#${String(chunk).padStart(6, '0')}` }),
  jobResult: (jobId: string, chunk: number) => ({ PK: `JOB#${jobId}`, SK: `RESULT#${String(chunk).padStart(6, '0')}` }),
  jobResultsPrefix: 'RESULT#',
  /** A stored first response for an Idempotency-Key of one caller; the record id hashes issuer, sub and key. */
  idempotency: (recordId: string) => ({ PK: `IDEMPOTENCY#${recordId}`, SK: 'IDEMPOTENCY' }),

  /** A learner's (or a pending e-mail's) enrollment in a course of a tenant. */
  enrollment: (tenant: string, courseId: string, ref: MemberRef) => ({
    PK: courseEnrollmentsPartition(tenant, courseId),
    SK: `ENROLL#${enrolleeKey(ref)}`,
  }),
  courseEnrollmentsPartition: (tenant: string, courseId: string) => courseEnrollmentsPartition(tenant, courseId),
  enrollmentsPrefix: 'ENROLL#',
  /** Inverted index: a learner's (or a pending e-mail's) enrollments across courses. */
  enrollmentByMember: (tenant: string, ref: MemberRef, courseId: string) => ({
    GSI2PK: memberEnrollmentsPartition(tenant, ref),
    GSI2SK: `COURSE#${courseId}`,
  }),
  memberEnrollmentsPartition: (tenant: string, ref: MemberRef) => memberEnrollmentsPartition(tenant, ref),
  /** Sparse: a learner's enrollment that names a batch, in the batch's participant index. */
  batchParticipant: (batchId: string, learnerUuid: string) => ({
    GSI1PK: batchParticipantsPartition(batchId),
    GSI1SK: `L#${learnerUuid}`,
  }),
  batchParticipantsPartition: (batchId: string) => batchParticipantsPartition(batchId),
  /** Audit of a course's enrollments in a tenant, oldest first; its own partition, beside the enrollments'. */
  enrollmentAudit: (tenant: string, courseId: string, atIso: string, opId: string, ref: MemberRef) => ({
    PK: enrollmentAuditPartition(tenant, courseId),
    SK: `AT#${atIso}#${opId}#${enrolleeKey(ref)}`,
  }),
  enrollmentAuditPartition: (tenant: string, courseId: string) => enrollmentAuditPartition(tenant, courseId),
  /** The sort-key bound of a course's audit entries at an instant ('~' after it ends the instant). */
  enrollmentAuditAt: (atIso: string) => `AT#${atIso}`,
  /** The tenants a course has enrollments in (staff listing a course across tenants). */
  courseTenant: (courseId: string, tenant: string) => ({
    PK: courseTenantsPartition(courseId),
    SK: `TENANT#${tenant}`,
  }),
  courseTenantsPartition: (courseId: string) => courseTenantsPartition(courseId),
  batch: (batchId: string) => ({ PK: `BATCH#${batchId}`, SK: 'BATCH' }),
  /** A token bucket (its GCRA arrival time) of one throttled scope (`<route>#caller` or `<route>#tenant`) and subject. */
  throttle: (scope: string, subject: string) => ({ PK: `THROTTLE#${scope}#${subject}`, SK: 'THROTTLE' }),
  /** A CSV upload the upload route granted (who, tenant, kind, key); the import trusts a drop only through it. */
  uploadGrant: (uploadId: string) => ({ PK: `UPLOAD#${uploadId}`, SK: 'UPLOAD' }),
  /** What a tenant sent of a template on one UTC day (`YYYY-MM-DD`), against its daily quota. */
  sendQuota: (tenant: string, template: string, day: string) => ({
    PK: `QUOTA#${tenant}#${template}#${day}`,
    SK: 'QUOTA',
  }),
  /**
   * A change event, keyed by its id so that recording it twice is one conditional write; in its tenant's
   * feed by recording time, then sequence (GSI1), and in its stream by sequence (GSI2). The stream is its group's, or
   * its course's for an enrollment event; both partitions name the tenant.
   */
  changeEvent: (eventId: string, tenant: string, stream: EventStreamKey, recordedAt: string, sequence: number) => ({
    PK: `EVENT#${eventId}`,
    SK: 'EVENT',
    GSI1PK: tenantEventsPartition(tenant),
    GSI1SK: tenantEventPosition(recordedAt, sequence, eventId),
    GSI2PK: streamEventsPartition(tenant, stream),
    GSI2SK: streamEventPosition(sequence),
  }),
  changeEventById: (eventId: string) => ({ PK: `EVENT#${eventId}`, SK: 'EVENT' }),
  tenantEventsPartition: (tenant: string) => tenantEventsPartition(tenant),
  tenantEventPosition: (recordedAt: string, sequence: number, eventId: string) =>
    tenantEventPosition(recordedAt, sequence, eventId),
  /** The highest feed position of events recorded at or before `recordedAt`. */
  tenantEventsUntil: (recordedAt: string) => `AT#${recordedAt}#~`,
  streamEventsPartition: (tenant: string, stream: EventStreamKey) => streamEventsPartition(tenant, stream),
  streamEventPosition: (sequence: number) => streamEventPosition(sequence),
  /** The last sequence number given out in one event stream, moved in the transaction that records the event. */
  eventSequence: (tenant: string, stream: EventStreamKey) => ({
    PK: `EVENT_SEQUENCE#${tenant}#${streamName(stream)}`,
    SK: 'SEQUENCE',
  }),
  /** A tenant's webhook subscription, beside its settings in the tenant's partition (listed by the SK prefix). */
  webhook: (tenant: string, webhookId: string) => ({ PK: `TENANT#${tenant}`, SK: `${WEBHOOKS_PREFIX}${webhookId}` }),
  /** The ids of a tenant's subscriptions, moved in the transaction that creates or deletes one: the cap's guard. */
  webhookIds: (tenant: string) => ({ PK: `TENANT#${tenant}`, SK: 'WEBHOOK_IDS' }),
  tenantPartition: (tenant: string) => `TENANT#${tenant}`,
  webhooksPrefix: WEBHOOKS_PREFIX,
  /**
   * One event's delivery to one subscription (its id is the event's), in the subscription's partition;
   * in its delivery log (GSI1) by the time it was queued.
   */
  webhookDelivery: (webhookId: string, eventId: string, queuedAt: string) => ({
    PK: webhookPartition(webhookId),
    SK: `DELIVERY#${eventId}`,
    GSI1PK: webhookDeliveriesPartition(webhookId),
    GSI1SK: `AT#${queuedAt}#${eventId}`,
  }),
  webhookDeliveryById: (webhookId: string, eventId: string) => ({
    PK: webhookPartition(webhookId),
    SK: `DELIVERY#${eventId}`,
  }),
  webhookDeliveriesPartition: (webhookId: string) => webhookDeliveriesPartition(webhookId),
  /** How far a subscription has delivered one event stream (a group's, a course's): its last sequence done. */
  webhookLane: (webhookId: string, stream: EventStreamKey) => ({
    PK: webhookPartition(webhookId),
    SK: `LANE#${streamName(stream)}`,
  }),
  /** Marks a notification id as delivered, so a redelivered message is not sent twice. */
  sentNotification: (notificationId: string) => ({ PK: `NOTIFICATION#${notificationId}`, SK: 'SENT' }),
} as const;

/** An event stream: a group's, or a course's within a tenant (enrollment events). */
export type EventStreamKey = { group: string } | { course: string };

const streamName = (stream: EventStreamKey) =>
  'group' in stream ? `GROUP#${stream.group}` : `COURSE#${stream.course}`;

function tenantEventsPartition(tenant: string): string {
  return `TENANT#${tenant}#EVENTS`;
}

/** A stream's events recorded in the same millisecond keep their sequence order in the feed. */
function tenantEventPosition(recordedAt: string, sequence: number, eventId: string): string {
  return `AT#${recordedAt}#${String(sequence).padStart(12, '0')}#${eventId}`;
}

function streamEventsPartition(tenant: string, stream: EventStreamKey): string {
  return `TENANT#${tenant}#EVENTS#${streamName(stream)}`;
}

function streamEventPosition(sequence: number): string {
  return `SEQ#${String(sequence).padStart(12, '0')}`;
}

function automaticGroupsOfTenant(tenant: string): string {
  return `TENANT#${tenant}#GROUP#`;
}

const enrolleeKey = (ref: MemberRef) => ('learnerUuid' in ref ? `L#${ref.learnerUuid}` : `E#${ref.email}`);

function courseTenantsPartition(courseId: string): string {
  return `COURSE_TENANTS#${courseId}`;
}

function courseEnrollmentsPartition(tenant: string, courseId: string): string {
  return `ENROLLMENTS#${tenant}#COURSE#${courseId}`;
}

function memberEnrollmentsPartition(tenant: string, ref: MemberRef): string {
  return `ENROLLMENTS#${tenant}#${enrolleeKey(ref)}`;
}

function batchParticipantsPartition(batchId: string): string {
  return `BATCH#${batchId}#PARTICIPANTS`;
}

function enrollmentAuditPartition(tenant: string, courseId: string): string {
  return `ENROLLMENT_AUDIT#${tenant}#COURSE#${courseId}`;
}

function jobSourcePartition(tenant: string, sourceKey: string): string {
  return `TENANT#${tenant}#JOBSOURCE#${sourceKey}`;
}

function rulesetVersionsPartition(groupUuid: string): string {
  return `RULESETS#${groupUuid}`;
}

function groupHistoryPartition(groupUuid: string): string {
  return `HISTORY#${groupUuid}`;
}

function branchLearnersPartition(tenant: string, branchId: string): string {
  return `TENANT#${tenant}#BRANCH#${branchId}`;
}

function learnerPartition(tenant: string, learnerUuid: string): string {
  return `LEARNER#${tenant}#${learnerUuid}`;
}

function learnerNamesPartition(tenant: string): string {
  return `TENANT#${tenant}#LEARNER_NAMES`;
}

function branchesPartition(tenant: string): string {
  return `TENANT#${tenant}#BRANCHES`;
}

function memberPartition(tenant: string, ref: MemberRef): string {
  return 'learnerUuid' in ref ? `MEMBERSHIPS#${tenant}#L#${ref.learnerUuid}` : `MEMBERSHIPS#${tenant}#E#${ref.email}`;
}

/** The key attributes of each index, for building pagination cursors from items. */
export const indexKeyAttributes = {
  table: ['PK', 'SK'],
  GSI1: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
  GSI2: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
} as const;
export type IndexName = keyof typeof indexKeyAttributes;
