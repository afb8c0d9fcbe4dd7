import { resolve } from 'node:path';
import * as z from 'zod';

/**
 * The process environment, parsed once at cold start. A function only receives the variables
 * for the resources the catalog grants it, so each is optional here and required where used.
 */
const Env = z.object({
  TABLE_NAME: z.string().min(1).optional(),
  IMPORTS_BUCKET: z.string().min(1).optional(),
  /** The service's EventBridge bus; absent locally, where events are only recorded in the table. */
  EVENT_BUS_NAME: z.string().min(1).optional(),
  QUEUE_URL_GROUP_CLEANUP: z.string().url().optional(),
  QUEUE_URL_JOB_CHUNKS: z.string().url().optional(),
  QUEUE_URL_FILE_JOB_CHUNKS: z.string().url().optional(),
  QUEUE_URL_NOTIFICATIONS: z.string().url().optional(),
  QUEUE_URL_RECALCULATIONS: z.string().url().optional(),
  QUEUE_URL_JOB_PLANS: z.string().url().optional(),
  QUEUE_URL_WEBHOOK_DELIVERIES: z.string().url().optional(),
  /**
   * Set by the local stack only: webhook URLs may be http and name loopback or private addresses (a
   * receiver on 127.0.0.1). In AWS they must be https on a public address (shared/webhooks/url-policy.ts).
   */
  WEBHOOK_LOCAL_URLS: z.enum(['allow']).optional(),
  /** Longest pause between two attempts of a webhook delivery, in seconds (15 minutes); the e2e stack shortens it. */
  WEBHOOK_RETRY_CAP_SECONDS: z.coerce.number().int().positive().default(900),
  /** Where the local notification consumer appends messages; under the local stack it defaults to .local/outbox.jsonl. */
  NOTIFICATION_OUTBOX_FILE: z.string().min(1).optional(),
  /** bulk_enroll calls a caller may make per minute (Open edX's staff rate), which is also its burst. */
  BULK_ENROLL_RATE_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /**
   * Largest CSV one import accepts, in bytes: 100 MiB. Production never sets it; the e2e stack
   * lowers it so the over-the-limit path is proven without uploading 100 MB.
   */
  MAX_IMPORT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /**
   * Most members an export answers in its response (10,000); a bigger group exports through a job.
   * Production never sets it; the e2e stack lowers it to prove the job path and its reuse on a small group.
   */
  MAX_SYNC_EXPORT: z.coerce.number().int().positive().default(10_000),
  /** Set by the local stack only: endpoints shown by GET /health. */
  LOCAL_STACK_INFO: z.string().optional(),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
  /** Set by Lambda (and the local stack): the region presigned links are signed for. */
  AWS_REGION: z.string().min(1).optional(),
  /** An S3 endpoint override, which the SDK honours too: the local emulator. */
  AWS_ENDPOINT_URL_S3: z.string().url().optional(),
});

const LocalInfo = z.object({
  s3_endpoint: z.string(),
  sqs_endpoint: z.string(),
  dynamodb_endpoint: z.string(),
  table: z.string(),
  imports_bucket: z.string(),
});
export type LocalInfo = z.infer<typeof LocalInfo>;

const env = Env.parse(process.env);

function required(name: keyof z.infer<typeof Env>, value: string | undefined): string {
  if (!value) throw new Error(`${name} is not set for this function; check its catalog access`);
  return value;
}

export const config = {
  get tableName() {
    return required('TABLE_NAME', env.TABLE_NAME);
  },
  get importsBucket() {
    return required('IMPORTS_BUCKET', env.IMPORTS_BUCKET);
  },
  get groupCleanupQueueUrl() {
    return required('QUEUE_URL_GROUP_CLEANUP', env.QUEUE_URL_GROUP_CLEANUP);
  },
  get jobChunksQueueUrl() {
    return required('QUEUE_URL_JOB_CHUNKS', env.QUEUE_URL_JOB_CHUNKS);
  },
  get fileJobChunksQueueUrl() {
    return required('QUEUE_URL_FILE_JOB_CHUNKS', env.QUEUE_URL_FILE_JOB_CHUNKS);
  },
  get notificationsQueueUrl() {
    return required('QUEUE_URL_NOTIFICATIONS', env.QUEUE_URL_NOTIFICATIONS);
  },
  get recalculationsQueueUrl() {
    return required('QUEUE_URL_RECALCULATIONS', env.QUEUE_URL_RECALCULATIONS);
  },
  get jobPlansQueueUrl() {
    return required('QUEUE_URL_JOB_PLANS', env.QUEUE_URL_JOB_PLANS);
  },
  get webhookDeliveriesQueueUrl() {
    return required('QUEUE_URL_WEBHOOK_DELIVERIES', env.QUEUE_URL_WEBHOOK_DELIVERIES);
  },
  webhookLocalUrls: env.WEBHOOK_LOCAL_URLS === 'allow',
  webhookRetryCapSeconds: env.WEBHOOK_RETRY_CAP_SECONDS,
  /** The local outbox file (absolute); undefined in AWS, where an e-mail sender takes the notifications. */
  notificationOutboxFile: env.NOTIFICATION_OUTBOX_FILE
    ? resolve(env.NOTIFICATION_OUTBOX_FILE)
    : env.LOCAL_STACK_INFO
      ? resolve('.local/outbox.jsonl')
      : undefined,
  eventBusName: env.EVENT_BUS_NAME,
  bulkEnrollRatePerMinute: env.BULK_ENROLL_RATE_PER_MINUTE,
  maxImportBytes: env.MAX_IMPORT_BYTES,
  maxSyncExport: env.MAX_SYNC_EXPORT,
  get region() {
    return required('AWS_REGION', env.AWS_REGION);
  },
  s3Endpoint: env.AWS_ENDPOINT_URL_S3,
  localInfo: env.LOCAL_STACK_INFO ? LocalInfo.parse(JSON.parse(env.LOCAL_STACK_INFO)) : undefined,
  logLevel: env.LOG_LEVEL,
};
