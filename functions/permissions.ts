/**
 * What a catalog function gets from its entry, derived once for both runtimes: its environment
 * variables and its IAM statements. The CDK construct builds the Lambda's environment and role from
 * them; the local stack gives each function the same variables and refuses the SDK calls its
 * statements do not cover.
 */
import type { FunctionDefinition } from './catalog';
import { type BucketArea, env, type QueueName, table } from './resources';

/** The deployed names of the resources a function may be told about: CDK tokens in AWS, local names locally. */
export interface ResourceNames {
  tableName: string;
  bucketName: string;
  queueUrl: (name: QueueName) => string;
  /** The service's EventBridge bus; null locally, where there is none and events are only recorded in the table. */
  eventBusName: string | null;
}

/** The service name every function logs under (Powertools). */
export const SERVICE_NAME = 'lms-groups';

/**
 * The environment variables a function is given: the table's name if it touches the table, the
 * bucket's if it touches the bucket, the URL of each queue it sends to, and nothing else.
 */
export function environmentOf(
  { access }: Pick<FunctionDefinition, 'access'>,
  names: ResourceNames,
): Record<string, string> {
  const variables: Record<string, string> = {
    NODE_OPTIONS: '--enable-source-maps',
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
  };
  if (access.table) variables[env.table] = names.tableName;
  if (access.bucket) variables[env.bucket] = names.bucketName;
  for (const name of access.sendsTo ?? []) variables[env.queueUrl(name)] = names.queueUrl(name);
  if (access.eventBus && names.eventBusName !== null) variables[env.eventBus] = names.eventBusName;
  return variables;
}

/**
 * A resource an IAM statement names, before it has an ARN: CDK resolves it to tokens, the local
 * stack to its emulators' ARNs, the parity test to the template's logical ids.
 */
export type ResourceRef =
  | { kind: 'table' }
  | { kind: 'tableIndex'; name: string }
  | { kind: 'queue'; name: QueueName }
  | { kind: 'deadLetterQueue'; name: QueueName }
  /** The objects under one area (key prefix) of the imports bucket. */
  | { kind: 'bucketObjects'; area: BucketArea }
  /** The function's own log group. */
  | { kind: 'logGroup' }
  /** The function's own dead-letter queue of failed schedule ticks. */
  | { kind: 'failedTicks' }
  /** The table's stream, which a stream-triggered function reads through its event source. */
  | { kind: 'tableStream' }
  /** Any resource: what an action that names no resource (dynamodb:ListStreams) is granted on. */
  | { kind: 'any' }
  /** The function's own on-failure queue of stream records it gave up on. */
  | { kind: 'failedRecords' }
  /** The service's EventBridge bus. */
  | { kind: 'eventBus' };

export interface PolicyStatement {
  actions: readonly string[];
  resource: ResourceRef;
  /**
   * Set on what the trigger's wiring grants by itself in AWS (an event source mapping's consumption,
   * a Lambda dead-letter queue's send): the CDK construct does not grant these again.
   */
  grantedByTrigger?: true;
}

/**
 * The table actions the code uses, and nothing else: no Scan (every read is a key or index query), no
 * PartiQL; stream reads only through a stream trigger's event source (STREAM_CONSUME). Transactions are authorized per item by these same actions.
 */
export const TABLE_READS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
export const TABLE_WRITES = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
/** What the rate limiter writes: its token buckets (shared/throttle/throttle-repository.ts). */
const RATE_LIMIT_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem'];
/** An index is only ever queried. */
const INDEX_READS = ['dynamodb:Query'];
/** What CDK's `grantSendMessages` gives (the queues are SQS-encrypted: no KMS actions). */
const QUEUE_SEND = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
/** What an SQS event source mapping's `grantConsumeMessages` gives the function's role. */
const QUEUE_CONSUME = [
  'sqs:ReceiveMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueUrl',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
];
/** Object actions on one area of the bucket: no listing, deleting, retention or legal hold. */
const OBJECT_READS = ['s3:GetObject'];
const OBJECT_WRITES = ['s3:PutObject', 's3:AbortMultipartUpload'];
const LOG_WRITES = ['logs:CreateLogStream', 'logs:PutLogEvents'];
/** What a DynamoDB event source mapping's `grantStreamRead` gives: the stream's reads, and listing streams (no resource). */
const STREAM_READS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
const STREAM_LIST = ['dynamodb:ListStreams'];
/** What an event source's SQS on-failure destination grants the role. */
const FAILED_RECORD_SEND = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
const EVENT_PUTS = ['events:PutEvents'];

/**
 * Every IAM statement of a function's execution role, derived from its catalog entry: its log group;
 * the table (and each index, for queries) read or read-write, and a rate-limited reader's token writes; each queue it sends to; the bucket
 * areas it reads or writes; and what its trigger consumes. The CDK construct grants these and the
 * local stack refuses any SDK call they do not cover, so the two cannot differ.
 */
export function statementsOf({ access, trigger }: Pick<FunctionDefinition, 'access' | 'trigger'>): PolicyStatement[] {
  const statements: PolicyStatement[] = [{ actions: LOG_WRITES, resource: { kind: 'logGroup' } }];
  if (access.table) {
    const actions = access.table === 'readwrite' ? [...TABLE_READS, ...TABLE_WRITES] : TABLE_READS;
    statements.push({ actions, resource: { kind: 'table' } });
    if (access.rateLimited && access.table === 'read') {
      statements.push({ actions: RATE_LIMIT_WRITES, resource: { kind: 'table' } });
    }
    for (const { name } of table.globalSecondaryIndexes) {
      statements.push({ actions: INDEX_READS, resource: { kind: 'tableIndex', name } });
    }
  }
  for (const area of access.bucket?.read ?? []) {
    statements.push({ actions: OBJECT_READS, resource: { kind: 'bucketObjects', area } });
  }
  for (const area of access.bucket?.write ?? []) {
    statements.push({ actions: OBJECT_WRITES, resource: { kind: 'bucketObjects', area } });
  }
  for (const name of access.sendsTo ?? []) statements.push({ actions: QUEUE_SEND, resource: { kind: 'queue', name } });
  if (trigger.type === 'queue') {
    statements.push({
      actions: QUEUE_CONSUME,
      resource: { kind: 'queue', name: trigger.queue },
      grantedByTrigger: true,
    });
  }
  if (trigger.type === 'deadLetters') {
    for (const name of trigger.queues) {
      statements.push({ actions: QUEUE_CONSUME, resource: { kind: 'deadLetterQueue', name }, grantedByTrigger: true });
    }
  }
  if (access.eventBus) statements.push({ actions: EVENT_PUTS, resource: { kind: 'eventBus' } });
  if (trigger.type === 'stream') {
    statements.push(
      { actions: STREAM_LIST, resource: { kind: 'any' }, grantedByTrigger: true },
      { actions: STREAM_READS, resource: { kind: 'tableStream' }, grantedByTrigger: true },
      { actions: FAILED_RECORD_SEND, resource: { kind: 'failedRecords' }, grantedByTrigger: true },
    );
  }
  if (trigger.type === 'schedule') {
    statements.push({ actions: ['sqs:SendMessage'], resource: { kind: 'failedTicks' }, grantedByTrigger: true });
  }
  return statements;
}

/** One action on one resource ARN (or ARN pattern, `*` matching any characters). */
export interface Permission {
  action: string;
  resource: string;
}

/** The statements as (action, resource) pairs, each resource resolved by `arnOf`. */
export const permissionsOf = (
  statements: readonly PolicyStatement[],
  arnOf: (ref: ResourceRef) => string,
): Permission[] =>
  statements.flatMap(({ actions, resource }) => actions.map((action) => ({ action, resource: arnOf(resource) })));
