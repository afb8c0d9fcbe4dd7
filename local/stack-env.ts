import type { FunctionDefinition } from '#functions/catalog';
import { environmentOf } from '#functions/permissions';
import { env, type QueueName } from '#functions/resources';
import { REGION } from '#local/aws-account';

export interface StackEnvironment {
  tableName: string;
  bucket: string;
  queueUrls: Record<QueueName, string>;
  /** The dead-letter queues' URLs (their ARNs are in the grants of the functions that consume them). */
  dlqUrls: Record<QueueName, string>;
  dynamodbEndpoint: string;
  /** What SDK clients of the functions use for SQS (same origin as the queue URLs). */
  sqsClientEndpoint: string;
  /** What people use from outside (the AWS CLI), shown by GET /health. */
  sqsEndpoint: string;
  s3Endpoint: string;
}

/**
 * Settings of the local stack that a function may read besides its catalog variables, passed from
 * the stack's own environment when set there. None is a secret and none names a resource; in AWS
 * each is either absent (its default applies) or set on every function alike.
 * - NOTIFICATION_OUTBOX_FILE: where DeliverNotifications appends locally (shared/config.ts)
 * - LOG_LEVEL: the structured logger's level (shared/logger.ts)
 * - MAX_IMPORT_BYTES, MAX_SYNC_EXPORT, BULK_ENROLL_RATE_PER_MINUTE: limits the e2e stack lowers
 * - WEBHOOK_RETRY_CAP_SECONDS: the longest pause between webhook attempts, which the e2e stack shortens
 * - AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: silences the SDK's Node version notice
 */
export const LOCAL_SETTINGS = [
  'NOTIFICATION_OUTBOX_FILE',
  'LOG_LEVEL',
  'MAX_IMPORT_BYTES',
  'MAX_SYNC_EXPORT',
  'BULK_ENROLL_RATE_PER_MINUTE',
  'WEBHOOK_RETRY_CAP_SECONDS',
  'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
] as const;

/**
 * What the AWS SDK v3 needs to reach the emulators instead of AWS (endpoint overrides, a region,
 * fake credentials), and LOCAL_STACK_INFO, the endpoints GET /health shows (its presence also tells
 * shared/config.ts it runs under the local stack).
 */
export function sdkOverrides(stack: StackEnvironment): Record<string, string> {
  return {
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: stack.dynamodbEndpoint,
    AWS_ENDPOINT_URL_SQS: stack.sqsClientEndpoint,
    AWS_ENDPOINT_URL_S3: stack.s3Endpoint,
    // Receivers run on this machine: webhook URLs may be http and name the loopback (never so in AWS).
    WEBHOOK_LOCAL_URLS: 'allow',
    LOCAL_STACK_INFO: JSON.stringify({
      s3_endpoint: stack.s3Endpoint,
      sqs_endpoint: stack.sqsEndpoint,
      dynamodb_endpoint: stack.dynamodbEndpoint,
      table: stack.tableName,
      imports_bucket: stack.bucket,
    }),
  };
}

/** The local names environmentOf fills in for a function (CDK fills in tokens). */
export const localNames = (stack: StackEnvironment) => ({
  tableName: stack.tableName,
  bucketName: stack.bucket,
  queueUrl: (name: QueueName) => stack.queueUrls[name],
  // No EventBridge locally: the change events are recorded in the table (and fed to webhooks) only.
  eventBusName: null,
});

/**
 * Exactly the environment one function gets in its isolate: its catalog variables (environmentOf,
 * as CDK sets them), the SDK overrides, the runtime's own variables and the local settings the
 * stack's process has. Nothing of any other function.
 */
export function functionEnvironment(
  definition: FunctionDefinition,
  stack: StackEnvironment,
  memoryMb: number,
  settings: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const local = Object.fromEntries(
    LOCAL_SETTINGS.flatMap((name) => (settings[name] === undefined ? [] : [[name, settings[name]]])),
  );
  return {
    ...local,
    ...environmentOf(definition, localNames(stack)),
    ...sdkOverrides(stack),
    // Set by the Lambda runtime in every execution environment.
    AWS_LAMBDA_FUNCTION_NAME: `lms-groups-local-${definition.name}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMb),
  };
}

/**
 * Every function's variables at once plus the SDK overrides, in this process: only for functions run
 * in process (local/invoker.ts `inProcess`, `npm run recalc`), where all handlers share one
 * process.env. Set before any handler module is imported (shared/config.ts parses them once).
 */
export function applyStackEnv(stack: StackEnvironment): void {
  const variables: Record<string, string> = {
    [env.table]: stack.tableName,
    [env.bucket]: stack.bucket,
    ...Object.fromEntries(
      (Object.entries(stack.queueUrls) as [QueueName, string][]).map(([name, url]) => [env.queueUrl(name), url]),
    ),
    ...sdkOverrides(stack),
  };
  delete process.env.AWS_SESSION_TOKEN;
  Object.assign(process.env, variables);
}
