/**
 * The stateful and messaging resources, declared once. The CDK stacks and the local stack both
 * build their table, queues and bucket from these definitions, so the two cannot drift apart.
 */

export const table = {
  /** Logical id in CDK; the local table name. */
  id: 'MainTable',
  localName: 'lms-groups',
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds after which DynamoDB may delete an item (idempotency records). */
  timeToLiveAttribute: 'expires_at',
  /**
   * Every item change, with both images, feeds the change-event function (a `stream` trigger): a
   * DynamoDB event source mapping in AWS, a poller over DynamoDB Local's stream locally.
   */
  streamViewType: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

/**
 * The largest message (body and attributes, in bytes) a queue accepts: every queue is created with it
 * in AWS, and the local stack refuses a larger send as SQS does. Messages carry ids, never datasets.
 */
export const MAX_MESSAGE_BYTES = 256 * 1024;

export type QueueName =
  | 'groupCleanup'
  | 'jobChunks'
  | 'fileJobChunks'
  | 'imports'
  | 'notifications'
  | 'recalculations'
  | 'jobPlans'
  | 'webhookDeliveries';

export interface QueueDefinition {
  /** Logical id in CDK; the local queue name (its DLQ adds `-dlq`). */
  id: string;
  localName: string;
  visibilityTimeoutSeconds: number;
  /** Deliveries before a message moves to the DLQ. */
  maxReceiveCount: number;
  /**
   * A FIFO queue (its name, and its DLQ's, end in `.fifo`): one message group is delivered one message at
   * a time, the next only once the one before is deleted or dead-lettered.
   */
  fifo?: true;
  /** Fed by "Object Created" events of the imports bucket under this prefix (EventBridge in AWS, a watcher locally). */
  fedByBucketPrefix?: string;
}

export const queues: Record<QueueName, QueueDefinition> = {
  groupCleanup: {
    id: 'GroupCleanupQueue',
    localName: 'group-cleanup',
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
  },
  /** One message per chunk of a bulk job: `{job_id, chunk}`; the rows live in the table. */
  jobChunks: {
    id: 'JobChunksQueue',
    localName: 'job-chunks',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 4,
  },
  /**
   * The chunks of the jobs that read or write a file in S3 (CSV imports, exports), for their own worker:
   * the worker of the other jobs then carries neither the S3 signer nor the CSV writer.
   */
  fileJobChunks: {
    id: 'FileJobChunksQueue',
    localName: 'file-job-chunks',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 4,
  },
  /** S3 ObjectCreated notifications for `imports/` (the local watcher sends the same records). */
  imports: {
    id: 'ImportsQueue',
    localName: 'imports',
    visibilityTimeoutSeconds: 900,
    maxReceiveCount: 3,
    fedByBucketPrefix: 'imports/',
  },
  /** The notification outbox: one message per e-mail to send (`email_students`); its consumer hands them to a sender. */
  notifications: {
    id: 'NotificationsQueue',
    localName: 'notifications',
    visibilityTimeoutSeconds: 30,
    maxReceiveCount: 5,
  },
  /**
   * The scheduled recalculation's fan-out: one message per active automatic group and tick,
   * `{group_uuid, enterprise_customer_uuid, tick}`; its worker starts that group's recalculation job.
   */
  recalculations: {
    id: 'RecalculationsQueue',
    localName: 'recalculations',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 3,
  },
  /**
   * One message per job whose rows a worker lists, `{job_id}`: a recalculation run (the tenant's
   * learners) or a learning-module enrollment (the group's members). The worker lists them into the
   * job's chunks, saving its place after each, so a redelivery after a timeout resumes there.
   */
  jobPlans: {
    id: 'JobPlansQueue',
    localName: 'job-plans',
    visibilityTimeoutSeconds: 360,
    maxReceiveCount: 5,
  },
  /**
   * Webhook deliveries, FIFO with one message group per subscription and event stream (a group's, a
   * course's): `{webhook_id, stream, from, through}` says that stream has events up to `through` for the
   * subscription. Its worker delivers them in sequence order; one that fails keeps its message in flight
   * for the backoff (ChangeMessageVisibility), which holds back the rest of its stream and nothing else.
   * Each backoff is a receive, so the count allows a day of retries; a message past it is a worker that
   * kept crashing.
   */
  webhookDeliveries: {
    id: 'WebhookDeliveriesQueue',
    localName: 'webhook-deliveries',
    visibilityTimeoutSeconds: 360,
    maxReceiveCount: 1000,
    fifo: true,
  },
};

/** A queue's name as SQS knows it locally: a FIFO queue's ends in `.fifo`. */
export const localQueueName = (definition: QueueDefinition, suffix = '') =>
  `${definition.localName}${suffix}${definition.fifo ? '.fifo' : ''}`;

export type ScheduleName = 'recalculation';

export interface ScheduleDefinition {
  /** Logical id of the EventBridge rule in CDK; the local scheduler's name. */
  id: string;
  description: string;
  /**
   * EventBridge schedule expression used when the deployment sets none (a stack prop, see
   * infra/config.ts); locally the interval defaults to the same period (local/schedule-interval.ts).
   */
  defaultExpression: string;
}

/** Timed triggers: an EventBridge rule in AWS, an in-process timer locally. */
export const schedules: Record<ScheduleName, ScheduleDefinition> = {
  recalculation: {
    id: 'RecalculationSchedule',
    description: 'Recalculates every active automatic group of every tenant',
    defaultExpression: 'rate(1 day)',
  },
};

export const importsBucket = {
  id: 'ImportsBucket',
  localName: 'lms-groups-imports',
  /**
   * The bucket's three areas, each a key prefix: CSV drops, their results files, member exports.
   * Grants name areas, never the whole bucket; all three hold personal data and expire (data stack).
   */
  areas: { imports: 'imports/', results: 'results/', exports: 'exports/' },
  /** Days an object lives before S3 deletes it (CDK context `fileRetentionDays` overrides). */
  defaultRetentionDays: 30,
} as const;
export type BucketArea = keyof typeof importsBucket.areas;

/**
 * The service's EventBridge bus: every change event is put on it (source `lms-groups`, detail-type the
 * event's type), so AWS-native consumers subscribe with rules. The local stack has none (see docs/local-stack.md).
 */
export const eventBus = {
  id: 'ChangeEventBus',
  /** The `source` of every entry put on the bus. */
  source: 'lms-groups',
} as const;

/** Environment variable names through which a function learns where its resources are. */
export const env = {
  table: 'TABLE_NAME',
  bucket: 'IMPORTS_BUCKET',
  eventBus: 'EVENT_BUS_NAME',
  queueUrl: (name: QueueName) => `QUEUE_URL_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
} as const;
