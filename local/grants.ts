/**
 * The local stack's IAM: every AWS SDK call a catalog function makes is checked against the
 * statements of its catalog entry (statementsOf, the derivation the CDK construct grants from) and
 * refused as AWS refuses it, so a missing grant fails here instead of in the first deployment.
 */
import { DynamoDBClient, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { AccessDenied, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { BatchRequestTooLong, SQSClient, SQSServiceException } from '@aws-sdk/client-sqs';
import type { FunctionDefinition } from '#functions/catalog';
import { type Permission, permissionsOf, type ResourceRef, statementsOf } from '#functions/permissions';
import { importsBucket, MAX_MESSAGE_BYTES, type QueueName } from '#functions/resources';
import { ACCOUNT_ID, REGION } from '#local/aws-account';
import { currentFunction } from '#local/invocation-context';
import { type S3Command, S3Requests } from '#shared/imports/s3-requests';
import {
  bucketArn,
  covers,
  objectArn,
  permissionsFor,
  queueArnOfUrl,
  serviceOfClient,
  tableArn,
} from '#local/sdk-authorization';

/** The local resources a function's statements name. */
export interface LocalResources {
  tableName: string;
  bucket: string;
  queueUrls: Record<QueueName, string>;
  dlqUrls: Record<QueueName, string>;
}

/** ARNs of the local resources, as the local stack's emulators name them. */
export function localArnOf(resources: LocalResources, definition: Pick<FunctionDefinition, 'name'>) {
  return (ref: ResourceRef): string => {
    switch (ref.kind) {
      case 'table':
        return tableArn(resources.tableName);
      case 'tableIndex':
        return `${tableArn(resources.tableName)}/index/${ref.name}`;
      case 'queue':
        return queueArnOfUrl(resources.queueUrls[ref.name]);
      case 'deadLetterQueue':
        return queueArnOfUrl(resources.dlqUrls[ref.name]);
      case 'bucketObjects':
        return objectArn(resources.bucket, `${importsBucket.areas[ref.area]}*`);
      case 'logGroup':
        return `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/aws/lambda/${definition.name}:*`;
      case 'failedTicks':
        return `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:${definition.name}-failed-ticks`;
      case 'failedRecords':
        return `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:${definition.name}-failed-records`;
      case 'tableStream':
        return `${tableArn(resources.tableName)}/stream/*`;
      case 'any':
        return '*';
      case 'eventBus':
        return `arn:aws:events:${REGION}:${ACCOUNT_ID}:event-bus/lms-groups-local`;
    }
  };
}

/** What a function may do: its statements, resolved by `arnOf` (local ARNs, or a template's logical ids). */
export const allowedPermissions = (
  definition: Pick<FunctionDefinition, 'access' | 'trigger'>,
  arnOf: (ref: ResourceRef) => string,
): Permission[] => permissionsOf(statementsOf(definition), arnOf);

export interface SdkCheckOptions {
  /** Where each refusal is reported, one line (default: stderr). */
  log?: (line: string) => void;
}

interface Checks {
  resources: LocalResources;
  log: (line: string) => void;
  /** Each function's permissions, recomputed when its access is replaced (a test removing a grant). */
  allowed: WeakMap<FunctionDefinition, { access: FunctionDefinition['access']; permissions: Permission[] }>;
}

let checks: Checks | undefined;
const checkedStacks = new WeakSet<object>();

/**
 * Checks every SDK call made in this isolate (every client, the document client included) and every
 * request of the object store's S3 client (shared/imports/s3-requests.ts) from now on: inside a
 * function's invocation (currentFunction()), a call its statements do not cover is refused with the
 * error AWS gives; everywhere, an SQS message over 256 KB is refused at send.
 * Idempotent: a second call only replaces the resources (a test's second stack).
 */
export function installSdkChecks(resources: LocalResources, options: SdkCheckOptions = {}): void {
  const first = checks === undefined;
  checks = { resources, log: options.log ?? ((line) => console.error(line)), allowed: new WeakMap() };
  if (!first) return;
  // Every service client extends smithy's Client; its send() is the one door to the middleware stack.
  const prototypes = new Set(
    [DynamoDBClient, SQSClient, S3Client].map((client) => Object.getPrototypeOf(client.prototype) as ClientPrototype),
  );
  for (const prototype of prototypes) {
    const send = prototype.send;
    prototype.send = function (this: { middlewareStack: MiddlewareStack }, ...args: unknown[]) {
      if (!checkedStacks.has(this.middlewareStack)) {
        checkedStacks.add(this.middlewareStack);
        // Inside the SDK's own error translations and the project's, as a refusal of the service is.
        this.middlewareStack.add(checkMiddleware, { step: 'initialize', priority: 'low', name: 'localSdkChecks' });
      }
      return send.apply(this, args);
    };
  }
  const sendS3 = S3Requests.prototype.send;
  S3Requests.prototype.send = function (this: S3Requests, command: S3Command) {
    return checked('s3', command.operation, command.input, () => sendS3.call(this, command));
  };
}

interface ClientPrototype {
  send: (...args: unknown[]) => Promise<unknown>;
}
interface MiddlewareStack {
  add(middleware: unknown, options: { step: 'initialize'; priority: 'low'; name: string }): void;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SDK inputs are walked as JSON
type Input = Record<string, any>;
interface Context {
  clientName?: string;
  commandName?: string;
}

const checkMiddleware =
  (next: (args: { input: Input }) => Promise<unknown>, context: Context) => async (args: { input: Input }) =>
    checked(
      serviceOfClient(context.clientName ?? ''),
      (context.commandName ?? '').replace(/Command$/, ''),
      args.input,
      () => next(args),
    );

/** `send`, unless the current function's statements do not cover it: then the refusal AWS would give. */
async function checked<T>(service: string, operation: string, input: Input, send: () => Promise<T>): Promise<T> {
  const definition = currentFunction();
  if (checks && definition) {
    const allowed = allowedOf(checks, definition);
    const denied = permissionsFor(service, operation, input).find((wanted) => !covers(allowed, wanted));
    if (denied) {
      checks.log(`grants: ${definition.name} may not ${denied.action} on ${denied.resource} (refused as AWS would)`);
      throw accessDenied(service, operation, definition.name, denied);
    }
  }
  if (service === 'sqs') refuseOversizeMessages(operation, input);
  try {
    return await send();
  } catch (error) {
    throw (checks && definition && s3MissingKeyAsDenied(checks, definition, service, operation, input, error)) || error;
  }
}

function allowedOf({ resources, allowed }: Checks, definition: FunctionDefinition): Permission[] {
  const cached = allowed.get(definition);
  if (cached?.access === definition.access) return cached.permissions;
  const permissions = allowedPermissions(definition, localArnOf(resources, definition));
  allowed.set(definition, { access: definition.access, permissions });
  return permissions;
}

const metadata = (httpStatusCode: number) => ({
  httpStatusCode,
  requestId: crypto.randomUUID(),
  attempts: 1,
  totalRetryDelay: 0,
});

/** The refusal AWS answers: its status, error name and message, as the SDK raises it. */
export function accessDenied(service: string, operation: string, functionName: string, denied: Permission): Error {
  const user = `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/${functionName}-role/${functionName}`;
  const because = (action: string) => `because no identity-based policy allows the ${action} action`;
  if (service === 'dynamodb') {
    return new DynamoDBServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: metadata(400),
      message: `${user} is not authorized to perform: ${denied.action} on resource: ${denied.resource} ${because(denied.action)}`,
    });
  }
  if (service === 'sqs') {
    // SQS names the action in lower case.
    const action = denied.action.toLowerCase();
    return Object.assign(
      new SQSServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: metadata(403),
        message: `${user} is not authorized to perform: ${action} on resource: ${denied.resource} ${because(action)}`,
      }),
      { Code: 'AccessDenied', Type: 'Sender' },
    );
  }
  if (service === 's3') {
    // A HEAD response has no body: the SDK names the error after the status.
    if (operation === 'HeadObject') {
      return new S3ServiceException({
        name: '403',
        $fault: 'client',
        $metadata: metadata(403),
        message: 'UnknownError',
      });
    }
    return Object.assign(
      new AccessDenied({
        $metadata: metadata(403),
        message: `${user} is not authorized to perform: ${denied.action} on resource: "${denied.resource}" ${because(denied.action)}`,
      }),
      { Code: 'AccessDenied' },
    );
  }
  return Object.assign(new Error(`${user} is not authorized to perform: ${denied.action}`), {
    name: 'AccessDeniedException',
    $fault: 'client',
    $metadata: metadata(403),
  });
}

/**
 * S3 answers a read of a missing key with 403, not 404, to a caller without s3:ListBucket on the
 * bucket (it would otherwise tell which keys exist): no function has it.
 */
function s3MissingKeyAsDenied(
  checks: Checks,
  definition: FunctionDefinition,
  service: string,
  operation: string,
  input: Input,
  error: unknown,
): Error | undefined {
  if (service !== 's3' || (operation !== 'GetObject' && operation !== 'HeadObject')) return undefined;
  const name = (error as { name?: string }).name;
  if (name !== 'NoSuchKey' && name !== 'NotFound') return undefined;
  const listBucket = { action: 's3:ListBucket', resource: bucketArn(input.Bucket) };
  if (covers(allowedOf(checks, definition), listBucket)) return undefined;
  if (operation === 'HeadObject') {
    return new S3ServiceException({ name: '403', $fault: 'client', $metadata: metadata(403), message: 'UnknownError' });
  }
  return Object.assign(new AccessDenied({ $metadata: metadata(403), message: 'Access Denied' }), {
    Code: 'AccessDenied',
  });
}

/** A message's size as SQS counts it: the body and every attribute's name, type and value, in bytes. */
export function messageBytes(message: Input): number {
  let bytes = Buffer.byteLength(message.MessageBody ?? '');
  for (const [name, attribute] of Object.entries<Input>(message.MessageAttributes ?? {})) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(attribute.DataType ?? '');
    bytes += attribute.BinaryValue ? attribute.BinaryValue.length : Buffer.byteLength(attribute.StringValue ?? '');
  }
  return bytes;
}

function refuseOversizeMessages(operation: string, input: Input): void {
  if (operation === 'SendMessage') {
    const bytes = messageBytes(input);
    if (bytes > MAX_MESSAGE_BYTES) {
      throw Object.assign(
        new SQSServiceException({
          name: 'InvalidParameterValue',
          $fault: 'client',
          $metadata: metadata(400),
          message: `One or more parameters are invalid. Reason: Message must be shorter than ${MAX_MESSAGE_BYTES} bytes.`,
        }),
        { Code: 'InvalidParameterValue', Type: 'Sender' },
      );
    }
  }
  if (operation === 'SendMessageBatch') {
    const bytes = (input.Entries ?? []).reduce((sum: number, entry: Input) => sum + messageBytes(entry), 0);
    if (bytes > MAX_MESSAGE_BYTES) {
      throw new BatchRequestTooLong({
        $metadata: metadata(400),
        message: `Batch requests cannot be longer than ${MAX_MESSAGE_BYTES} bytes. You have sent ${bytes} bytes.`,
      });
    }
  }
}
