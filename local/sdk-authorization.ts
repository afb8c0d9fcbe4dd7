/**
 * What IAM authorizes for one AWS SDK v3 call: the action(s) and resource ARN(s) the service checks
 * against the caller's policies before it does anything. DynamoDB authorizes a batch per table and a
 * transaction per item; SQS a batch as its single action; S3 every part of a multipart upload as
 * s3:PutObject. The local stack refuses a call whose permissions a function's statements lack.
 */
import type { Permission } from '#functions/permissions';
import { ACCOUNT_ID, REGION } from '#local/aws-account';

/** The service prefix of IAM actions (`dynamodb`, `sqs`, `s3`, …) from an SDK client's name. */
export const serviceOfClient = (clientName: string): string => clientName.replace(/Client$/, '').toLowerCase();

export const tableArn = (table: string) =>
  table.startsWith('arn:') ? table : `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/${table}`;
export const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
export const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

/** A queue URL (`https://sqs.<region>.amazonaws.com/<account>/<name>`, or fauxqs's) as its ARN. */
export function queueArnOfUrl(url: string): string {
  const { hostname, pathname } = new URL(url);
  const [account, name] = pathname.split('/').filter(Boolean).slice(-2);
  const region = /^sqs\.([a-z0-9-]+)\./.exec(hostname)?.[1] ?? REGION;
  return `arn:aws:sqs:${region}:${account ?? ACCOUNT_ID}:${name}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SDK inputs are walked as JSON
type Input = Record<string, any>;

/** The permissions AWS checks for `operation` of `service` (an IAM prefix) with `input`, in the order it checks them. */
export function permissionsFor(service: string, operation: string, input: Input): Permission[] {
  if (service === 'dynamodb') return dynamoDbPermissions(operation, input);
  if (service === 'sqs') return sqsPermissions(operation, input);
  if (service === 's3') return s3Permissions(operation, input);
  return [{ action: `${service}:${operation}`, resource: '*' }];
}

const TRANSACT_WRITE_ACTIONS = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
} as const;

function dynamoDbPermissions(operation: string, input: Input): Permission[] {
  switch (operation) {
    case 'Query':
    case 'Scan': {
      const table = tableArn(input.TableName);
      return [
        { action: `dynamodb:${operation}`, resource: input.IndexName ? `${table}/index/${input.IndexName}` : table },
      ];
    }
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys(input.RequestItems ?? {}).map((table) => ({
        action: `dynamodb:${operation}`,
        resource: tableArn(table),
      }));
    case 'TransactWriteItems':
      return (input.TransactItems ?? []).flatMap((item: Input) =>
        Object.entries(TRANSACT_WRITE_ACTIONS)
          .filter(([kind]) => item[kind])
          .map(([kind, action]) => ({ action, resource: tableArn(item[kind].TableName) })),
      );
    case 'TransactGetItems':
      return (input.TransactItems ?? []).map((item: Input) => ({
        action: 'dynamodb:GetItem',
        resource: tableArn(item.Get?.TableName),
      }));
    case 'ExecuteStatement':
      return [partiQlPermission(input.Statement)];
    case 'BatchExecuteStatement':
    case 'ExecuteTransaction':
      return (input.Statements ?? input.TransactStatements ?? []).map((s: Input) => partiQlPermission(s.Statement));
    default:
      return [{ action: `dynamodb:${operation}`, resource: input.TableName ? tableArn(input.TableName) : '*' }];
  }
}

/** PartiQL is authorized per verb (dynamodb:PartiQLSelect, …) on the table the statement names. */
function partiQlPermission(statement: string = ''): Permission {
  const verb = /^\s*(\w+)/.exec(statement)?.[1]?.toLowerCase() ?? 'select';
  const table = /(?:from|into|update)\s+"?([\w.-]+)"?/i.exec(statement)?.[1];
  return {
    action: `dynamodb:PartiQL${verb.charAt(0).toUpperCase()}${verb.slice(1)}`,
    resource: table ? tableArn(table) : '*',
  };
}

/** Batch operations have no action of their own: SendMessageBatch is authorized as sqs:SendMessage. */
const SQS_ACTIONS: Record<string, string> = {
  SendMessageBatch: 'SendMessage',
  DeleteMessageBatch: 'DeleteMessage',
  ChangeMessageVisibilityBatch: 'ChangeMessageVisibility',
};

function sqsPermissions(operation: string, input: Input): Permission[] {
  const action = `sqs:${SQS_ACTIONS[operation] ?? operation}`;
  if (input.QueueUrl) return [{ action, resource: queueArnOfUrl(input.QueueUrl) }];
  if (operation === 'GetQueueUrl') {
    return [
      { action, resource: `arn:aws:sqs:${REGION}:${input.QueueOwnerAWSAccountId ?? ACCOUNT_ID}:${input.QueueName}` },
    ];
  }
  return [{ action, resource: '*' }];
}

/** Object operations authorized as another action (every step of a multipart upload is s3:PutObject). */
const S3_OBJECT_ACTIONS: Record<string, string> = {
  HeadObject: 'GetObject',
  CreateMultipartUpload: 'PutObject',
  UploadPart: 'PutObject',
  UploadPartCopy: 'PutObject',
  CompleteMultipartUpload: 'PutObject',
  CopyObject: 'PutObject',
  DeleteObjects: 'DeleteObject',
  ListParts: 'ListMultipartUploadParts',
};
/** Bucket operations authorized as another action. */
const S3_BUCKET_ACTIONS: Record<string, string> = {
  ListObjects: 'ListBucket',
  ListObjectsV2: 'ListBucket',
  HeadBucket: 'ListBucket',
  ListObjectVersions: 'ListBucketVersions',
  ListMultipartUploads: 'ListBucketMultipartUploads',
};

function s3Permissions(operation: string, input: Input): Permission[] {
  const { Bucket: bucket, Key: key } = input;
  if (operation === 'DeleteObjects') {
    return (input.Delete?.Objects ?? []).map((o: Input) => ({
      action: 's3:DeleteObject',
      resource: objectArn(bucket, o.Key),
    }));
  }
  if (key === undefined) {
    return [{ action: `s3:${S3_BUCKET_ACTIONS[operation] ?? operation}`, resource: bucket ? bucketArn(bucket) : '*' }];
  }
  const permissions = [{ action: `s3:${S3_OBJECT_ACTIONS[operation] ?? operation}`, resource: objectArn(bucket, key) }];
  // A copy also reads its source (`bucket/key`, URL-encoded, optionally `?versionId=`).
  if (input.CopySource) {
    const source = decodeURIComponent(String(input.CopySource).split('?')[0]!.replace(/^\//, ''));
    permissions.push({ action: 's3:GetObject', resource: `arn:aws:s3:::${source}` });
  }
  return permissions;
}

/** Whether `granted` (IAM actions and resource patterns, `*` and `?` wildcards) covers `wanted`. */
export function covers(granted: readonly Permission[], wanted: Permission): boolean {
  return granted.some(
    ({ action, resource }) => matches(action, wanted.action, 'i') && matches(resource, wanted.resource, ''),
  );
}

/** Patterns compiled once: every SDK call of every function is matched against its statements. */
const compiled = new Map<string, RegExp>();

function matches(pattern: string, value: string, flags: string): boolean {
  let regExp = compiled.get(`${flags}:${pattern}`);
  if (!regExp) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regExp = new RegExp(`^${source}$`, flags);
    compiled.set(`${flags}:${pattern}`, regExp);
  }
  return regExp.test(value);
}
