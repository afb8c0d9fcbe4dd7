/**
 * Every function of the service: its entry file, its trigger and what it may touch.
 * The CDK service stack builds Lambdas, routes, event sources and grants from this list;
 * the local stack builds its router and queue pollers from the same list.
 */
import type { BucketArea, QueueName, ScheduleName } from './resources';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

/** Concurrent batches of a queue worker when its entry does not say (the smallest AWS allows is 2). */
export const DEFAULT_MAX_CONCURRENCY = 2;

/** Memory of a function whose entry does not say. */
export const DEFAULT_MEMORY_MB = 512;

/**
 * Timeout of a function whose entry does not say, by trigger: an HTTP function answers well inside
 * API Gateway's 30 s; a scheduled fan-out gets a minute.
 */
export const DEFAULT_TIMEOUT_SECONDS = { http: 10, queue: 30, schedule: 60, deadLetters: 30, stream: 60 } as const;

/** API Gateway's catch-all route: whatever no other route matches. */
export const DEFAULT_ROUTE = '$default';

export type Trigger =
  | { type: 'http'; method: HttpMethod; path: string; auth: 'jwt' | 'none' }
  | {
      type: 'queue';
      queue: QueueName;
      batchSize: number;
      /** Concurrent batches at most (the event source's maximum concurrency; local poller loops). Default 2. */
      maxConcurrency?: number;
    }
  /** Invoked on a timer (resources.schedules): an EventBridge rule in AWS, the local scheduler's interval locally. */
  | { type: 'schedule'; schedule: ScheduleName }
  /**
   * Fed by the dead-letter queues of `queues` (what their workers gave up on): an event source
   * mapping per DLQ in AWS, a poller per DLQ locally; partial batch responses as for a queue.
   */
  | { type: 'deadLetters'; queues: QueueName[]; batchSize: number }
  /**
   * Fed by the table's stream (resources.table.streamViewType), in order per shard: a DynamoDB event
   * source mapping in AWS (bisect on error, partial batch responses, an on-failure queue for what it
   * gave up on), a poller over DynamoDB Local's shards locally, delivering the same event.
   */
  | {
      type: 'stream';
      batchSize: number;
      /** Deliveries of a failing record before it goes to the on-failure queue (AWS; locally retried until it succeeds). */
      maxRetries: number;
    };

export interface Access {
  table?: 'read' | 'readwrite';
  /** Queues this function sends to. */
  sendsTo?: QueueName[];
  /** The bucket areas (key prefixes) whose objects it reads (GetObject, HeadObject, presigned GETs) or writes. */
  bucket?: { read?: BucketArea[]; write?: BucketArea[] };
  /**
   * A reader of the table that spends rate-limit tokens (shared/throttle): it writes its callers'
   * token buckets (PutItem, UpdateItem) although it writes nothing else. A writer needs no flag.
   */
  rateLimited?: true;
  /** Puts entries on the service's EventBridge bus (resources.eventBus). */
  eventBus?: 'put';
}

export interface FunctionDefinition {
  /** Stable name: CDK construct id and local log name. */
  name: string;
  /** Entry file, relative to the repository root. */
  entry: string;
  trigger: Trigger;
  access: Access;
  timeoutSeconds?: number;
  memoryMb?: number;
}

const http = (
  name: string,
  method: HttpMethod,
  path: string,
  entry: string,
  access: Access,
  auth: 'jwt' | 'none' = 'jwt',
): FunctionDefinition => ({
  name,
  entry: `functions/http/${entry}.ts`,
  trigger: { type: 'http', method, path, auth },
  access,
});

const read: Access = { table: 'read' };
/** A rate-limited reader: reads, and spends its callers' rate-limit tokens. */
const limitedRead: Access = { table: 'read', rateLimited: true };
/** A job's files, which its view links to with presigned GETs: an import's results, a group's export. */
const jobFiles: Access['bucket'] = { read: ['results', 'exports'] };
const write: Access = { table: 'readwrite' };
const GROUPS = '/api/v1/enterprise-group';
const LEARNERS = '/api/v1/enterprise-customer/{enterprise_uuid}/learners';
const COURSES = '/api/v1/courses/{course_id}';
const BATCHES = '/api/v1/batches/{batch_id}';
const BRANCHES = '/api/v1/enterprise-customer/{enterprise_uuid}/branches';
const SETTINGS = '/api/v1/enterprise-customer/{enterprise_uuid}/settings';
const JOBS = '/api/v1/jobs';
const EVENTS = '/api/v1/enterprise-customer/{enterprise_uuid}/events';
const WEBHOOKS = '/api/v1/enterprise-customer/{enterprise_uuid}/webhooks';
const producer: Access = { table: 'readwrite', sendsTo: ['jobChunks'] };
/**
 * Starts jobs whose rows a worker lists: recalculations (the tenant's learners) and learning-module
 * enrollments (the group's members). Records the job and queues its planning.
 */
const planStarter: Access = { table: 'readwrite', sendsTo: ['jobPlans'] };

export const catalog: readonly FunctionDefinition[] = [
  http('Health', 'GET', '/health', 'platform/get-health', {}, 'none'),
  http('OpenApi', 'GET', '/openapi.json', 'platform/get-openapi', {}, 'none'),
  // HTTP APIs match paths exactly; this answers `/x/` with a 308 to `/x` and anything else with our 404.
  http('AnswerUnmatched', 'ANY', DEFAULT_ROUTE, 'platform/answer-unmatched', {}, 'none'),

  // An automatic group's create, ruleset change or resume starts a recalculation job; a PATCH that makes a
  // learning module auto-enroll starts the job enrolling the present members.
  http('CreateGroup', 'POST', GROUPS, 'groups/create-group', planStarter),
  http('PreviewRuleset', 'POST', `${GROUPS}/preview`, 'groups/preview-ruleset', limitedRead),
  http('ListGroups', 'GET', GROUPS, 'groups/list-groups', read),
  http('GetGroupByLegacyId', 'GET', `${GROUPS}/legacy/{legacy_id}`, 'groups/get-group-by-legacy-id', read),
  http('GetGroup', 'GET', `${GROUPS}/{group_uuid}`, 'groups/get-group', read),
  http('UpdateGroup', 'PATCH', `${GROUPS}/{group_uuid}`, 'groups/update-group', planStarter),
  http('RecalculateGroup', 'POST', `${GROUPS}/{group_uuid}/recalculate`, 'groups/recalculate-group', planStarter),
  http(
    'ListConditionsHistory',
    'GET',
    `${GROUPS}/{group_uuid}/conditions-history`,
    'groups/list-conditions-history',
    read,
  ),
  http(
    'ExplainMembership',
    'GET',
    `${GROUPS}/{group_uuid}/learners/{learner_uuid}/explain`,
    'groups/explain-membership',
    read,
  ),
  http('DeleteGroup', 'DELETE', `${GROUPS}/{group_uuid}`, 'groups/delete-group', {
    table: 'readwrite',
    sendsTo: ['groupCleanup'],
  }),
  // A big group exports through a job: it sends the job's chunk; the file jobs' worker writes the file.
  http('ExportGroupMembers', 'GET', `${GROUPS}/{group_uuid}/export`, 'groups/export-group-members', {
    table: 'readwrite',
    sendsTo: ['fileJobChunks'],
    bucket: { read: ['exports'] },
  }),
  http('ListGroupLearners', 'GET', `${GROUPS}/{group_uuid}/learners`, 'memberships/list-group-learners', limitedRead),
  http('ListGroupHistory', 'GET', `${GROUPS}/{group_uuid}/history`, 'groups/list-group-history', read),
  // More than 1000 identifiers become a job: these producers send its chunks.
  // Pending (e-mail) members it invites get a `group_invitation` on the notifications queue.
  http('AssignLearners', 'POST', `${GROUPS}/{group_uuid}/assign_learners`, 'memberships/assign-learners', {
    ...producer,
    sendsTo: ['jobChunks', 'notifications'],
  }),
  http('RemoveLearners', 'POST', `${GROUPS}/{group_uuid}/remove_learners`, 'memberships/remove-learners', producer),

  http('PutLearner', 'PUT', `${LEARNERS}/{learner_uuid}`, 'learners/put-learner', write),
  http('GetLearner', 'GET', `${LEARNERS}/{learner_uuid}`, 'learners/get-learner', read),
  http('DeleteLearner', 'DELETE', `${LEARNERS}/{learner_uuid}`, 'learners/delete-learner', write),
  http('ListLearners', 'GET', LEARNERS, 'learners/list-learners', read),
  http('ListLearnerGroups', 'GET', `${LEARNERS}/{learner_uuid}/groups`, 'learners/list-learner-groups', read),
  http('BulkUpsertLearners', 'POST', `${LEARNERS}/bulk`, 'learners/bulk-upsert-learners', producer),
  // A branch created under a parent, or moved, recalculates the automatic groups whose descendant rules it changes.
  http('PutBranch', 'PUT', `${BRANCHES}/{branch_id}`, 'branches/put-branch', planStarter),
  http('ListBranches', 'GET', BRANCHES, 'branches/list-branches', read),
  http('GetTenantSettings', 'GET', SETTINGS, 'tenants/get-tenant-settings', read),
  http('PutTenantSettings', 'PUT', SETTINGS, 'tenants/put-tenant-settings', write),
  // Records an upload grant, then presigns a PUT into imports/ (a presigned request carries the signer's
  // own permission: s3:PutObject there). It reads nothing of the bucket.
  http(
    'CreateImportUpload',
    'POST',
    '/api/v1/enterprise-customer/{enterprise_uuid}/imports',
    'imports/create-import-upload',
    {
      table: 'readwrite',
      bucket: { write: ['imports'] },
    },
  ),

  http('ListEvents', 'GET', EVENTS, 'events/list-events', read),
  http('CreateWebhook', 'POST', WEBHOOKS, 'webhooks/create-webhook', write),
  http('ListWebhooks', 'GET', WEBHOOKS, 'webhooks/list-webhooks', read),
  http('GetWebhook', 'GET', `${WEBHOOKS}/{webhook_id}`, 'webhooks/get-webhook', read),
  http('UpdateWebhook', 'PATCH', `${WEBHOOKS}/{webhook_id}`, 'webhooks/update-webhook', write),
  http('DeleteWebhook', 'DELETE', `${WEBHOOKS}/{webhook_id}`, 'webhooks/delete-webhook', write),
  http(
    'RotateWebhookSecret',
    'POST',
    `${WEBHOOKS}/{webhook_id}/rotate-secret`,
    'webhooks/rotate-webhook-secret',
    write,
  ),
  http('ListWebhookDeliveries', 'GET', `${WEBHOOKS}/{webhook_id}/deliveries`, 'webhooks/list-webhook-deliveries', read),
  // Reopens the delivery and queues it in its stream's message group.
  http(
    'RedeliverWebhookEvent',
    'POST',
    `${WEBHOOKS}/{webhook_id}/deliveries/{delivery_id}/redeliver`,
    'webhooks/redeliver-webhook-event',
    { table: 'readwrite', sendsTo: ['webhookDeliveries'] },
  ),

  http('ListJobs', 'GET', JOBS, 'jobs/list-jobs', read),
  // Reading a job presigns the download link of an import's results file.
  http('GetJob', 'GET', `${JOBS}/{job_id}`, 'jobs/get-job', { table: 'read', bucket: jobFiles }),
  http('ListJobResults', 'GET', `${JOBS}/{job_id}/results`, 'jobs/list-job-results', read),
  http('AbortJob', 'POST', `${JOBS}/{job_id}/abort`, 'jobs/abort-job', { table: 'readwrite', bucket: jobFiles }),
  // Approving held removals delivers the job's last chunk again, so its finish step (the sweep) runs: to the
  // file jobs' worker for a held group-members import.
  http('ApproveJob', 'POST', `${JOBS}/{job_id}/approve`, 'jobs/approve-job', {
    table: 'readwrite',
    sendsTo: ['jobChunks', 'fileJobChunks'],
  }),
  // Cancelling a held import delivers its last chunk again, so the file jobs' worker writes its results file.
  http('CancelJob', 'POST', `${JOBS}/{job_id}/cancel`, 'jobs/cancel-job', {
    table: 'readwrite',
    sendsTo: ['fileJobChunks'],
  }),
  // Reads the job's history to plan the revert, records it and sends its chunks.
  http('RevertJob', 'POST', `${JOBS}/{job_id}/revert`, 'jobs/revert-job', {
    table: 'readwrite',
    sendsTo: ['jobChunks'],
  }),

  // Over 1000 identifier×course pairs (or participants) a request becomes a job: these send its chunks.
  http('BulkEnroll', 'POST', '/api/bulk_enroll/v1/bulk_enroll', 'enrollments/bulk-enroll', {
    table: 'readwrite',
    sendsTo: ['notifications', 'jobChunks'],
  }),
  http('CreateBatch', 'POST', `${COURSES}/batches`, 'enrollments/create-batch', write),
  http('GetBatch', 'GET', BATCHES, 'enrollments/get-batch', read),
  http('AddBatchParticipants', 'POST', `${BATCHES}/participants/add`, 'enrollments/add-batch-participants', {
    table: 'readwrite',
    sendsTo: ['jobChunks'],
  }),
  http('RemoveBatchParticipants', 'POST', `${BATCHES}/participants/remove`, 'enrollments/remove-batch-participants', {
    table: 'readwrite',
    sendsTo: ['jobChunks'],
  }),
  http('ListBatchParticipants', 'GET', `${BATCHES}/participants`, 'enrollments/list-batch-participants', read),
  http('ListCourseEnrollments', 'GET', `${COURSES}/enrollments`, 'enrollments/list-course-enrollments', read),
  http('ListEnrollmentAudit', 'GET', `${COURSES}/enrollments/audit`, 'enrollments/list-enrollment-audit', read),
  http('UpdateEnrollment', 'PATCH', `${COURSES}/enrollments/{learner_uuid}`, 'enrollments/complete-enrollment', write),
  http(
    'ListLearnerEnrollments',
    'GET',
    `${LEARNERS}/{learner_uuid}/enrollments`,
    'enrollments/list-learner-enrollments',
    read,
  ),

  {
    name: 'CleanupGroupMemberships',
    entry: 'functions/workers/cleanup-group-memberships.ts',
    trigger: { type: 'queue', queue: 'groupCleanup', batchSize: 5 },
    // A big group's sweep continues in a new message before the function's time runs out.
    access: { table: 'readwrite', sendsTo: ['groupCleanup'] },
    timeoutSeconds: 60,
  },
  {
    name: 'ApplyJobChunk',
    entry: 'functions/workers/apply-job-chunk.ts',
    trigger: { type: 'queue', queue: 'jobChunks', batchSize: 2, maxConcurrency: 8 },
    // The jobs without a file (API bulk calls, recalculations, reverts); bulk_enroll chunks may e-mail students.
    access: { table: 'readwrite', sendsTo: ['notifications'] },
    timeoutSeconds: 150,
  },
  {
    name: 'ApplyFileJobChunk',
    entry: 'functions/workers/apply-file-job-chunk.ts',
    trigger: { type: 'queue', queue: 'fileJobChunks', batchSize: 2, maxConcurrency: 8 },
    // CSV imports and exports: writes an import's results file when it finishes the job, an export's file;
    // enrollment imports may e-mail students.
    access: { table: 'readwrite', bucket: { write: ['results', 'exports'] }, sendsTo: ['notifications'] },
    timeoutSeconds: 150,
  },
  {
    name: 'StartCsvImport',
    entry: 'functions/workers/start-csv-import.ts',
    trigger: { type: 'queue', queue: 'imports', batchSize: 1 },
    // Reads the drop and its upload grant; writes the results file of a drop refused for want of a grant.
    access: { table: 'readwrite', bucket: { read: ['imports'], write: ['results'] }, sendsTo: ['fileJobChunks'] },
    timeoutSeconds: 600,
    memoryMb: 1024,
  },
  {
    name: 'DeliverNotifications',
    entry: 'functions/workers/deliver-notifications.ts',
    trigger: { type: 'queue', queue: 'notifications', batchSize: 10 },
    // Table: the delivered-id marks that keep a redelivered message from being sent twice.
    access: { table: 'readwrite' },
    timeoutSeconds: 30,
  },
  {
    name: 'FanOutRecalculations',
    entry: 'functions/scheduled/fan-out-recalculations.ts',
    trigger: { type: 'schedule', schedule: 'recalculation' },
    // Reads the automatic-group registry and the groups; one message per active group.
    access: { table: 'read', sendsTo: ['recalculations'] },
    timeoutSeconds: 300,
  },
  {
    name: 'StartScheduledRecalculation',
    entry: 'functions/workers/start-scheduled-recalculation.ts',
    trigger: { type: 'queue', queue: 'recalculations', batchSize: 5 },
    // Starts a recalculation job: records it and queues its planning.
    access: planStarter,
    timeoutSeconds: 120,
  },
  {
    name: 'PlanJob',
    entry: 'functions/workers/plan-job.ts',
    trigger: { type: 'queue', queue: 'jobPlans', batchSize: 1 },
    // Lists a job's rows into its chunks and sends them (a recalculation's learners, a module enrollment's
    // members); resumes where a timed-out attempt stopped. A run with no chunk finishes here, so its sweep
    // (and a removal guard's notice) runs here too.
    access: { table: 'readwrite', sendsTo: ['jobChunks', 'notifications'] },
    timeoutSeconds: 300,
  },
  {
    name: 'EndDeadLetteredJobs',
    entry: 'functions/workers/end-dead-lettered-jobs.ts',
    // The producers of jobs: a start whose every delivery failed or timed out leaves its job queued. And the
    // chunks: a worker that timed out or crashed on its last delivery leaves its chunk unrecorded and the job
    // running; the consumer records it failed and sends it back to its worker, whose finish step ends the job.
    trigger: { type: 'deadLetters', queues: ['imports', 'jobPlans', 'jobChunks', 'fileJobChunks'], batchSize: 10 },
    access: { table: 'readwrite', sendsTo: ['jobChunks', 'fileJobChunks'] },
    timeoutSeconds: 30,
  },
  {
    name: 'PublishChangeEvents',
    entry: 'functions/triggers/publish-change-events.ts',
    // Turns membership, enrollment and group changes into events: records each once in the table (with its
    // per-stream sequence), puts it on the bus and queues the webhook deliveries it makes. A record that
    // fails is retried from there, in order.
    trigger: { type: 'stream', batchSize: 100, maxRetries: 50 },
    access: { table: 'readwrite', eventBus: 'put', sendsTo: ['webhookDeliveries'] },
    timeoutSeconds: 60,
  },
  {
    name: 'DeliverWebhooks',
    entry: 'functions/workers/deliver-webhooks.ts',
    // One message at a time: a message delivers its stream's events in order, and a failing one is held
    // back (its visibility moved to the backoff's end) alone. Sends to its own queue: ChangeMessageVisibility
    // is granted with consumption, the URL comes with the send grant.
    trigger: { type: 'queue', queue: 'webhookDeliveries', batchSize: 1, maxConcurrency: 4 },
    access: { table: 'readwrite', sendsTo: ['webhookDeliveries'] },
    timeoutSeconds: 60,
  },
];

export interface FunctionLimits {
  timeoutSeconds: number;
  memoryMb: number;
}

/** A function's timeout and memory, its entry's or the defaults: what CDK deploys and the local stack enforces. */
export const limitsOf = (
  definition: Pick<FunctionDefinition, 'trigger' | 'timeoutSeconds' | 'memoryMb'>,
): FunctionLimits => ({
  timeoutSeconds: definition.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS[definition.trigger.type],
  memoryMb: definition.memoryMb ?? DEFAULT_MEMORY_MB,
});

export const httpFunctions = catalog.filter(
  (f): f is FunctionDefinition & { trigger: Extract<Trigger, { type: 'http' }> } => f.trigger.type === 'http',
);
export const queueFunctions = catalog.filter(
  (f): f is FunctionDefinition & { trigger: Extract<Trigger, { type: 'queue' }> } => f.trigger.type === 'queue',
);

export const deadLetterFunctions = catalog.filter(
  (f): f is FunctionDefinition & { trigger: Extract<Trigger, { type: 'deadLetters' }> } =>
    f.trigger.type === 'deadLetters',
);

export const scheduleFunctions = catalog.filter(
  (f): f is FunctionDefinition & { trigger: Extract<Trigger, { type: 'schedule' }> } => f.trigger.type === 'schedule',
);

export const streamFunctions = catalog.filter(
  (f): f is FunctionDefinition & { trigger: Extract<Trigger, { type: 'stream' }> } => f.trigger.type === 'stream',
);

/** API Gateway's route key of an HTTP trigger (`GET /x/{id}`, or `$default`). */
export const routeKeyOf = ({ method, path }: { method: HttpMethod; path: string }) =>
  path === DEFAULT_ROUTE ? DEFAULT_ROUTE : `${method} ${path}`;
