import { env, type QueueName } from '#functions/resources';
import { REGION } from '#local/aws-account';

export interface StackEnvironment {
  tableName: string;
  bucket: string;
  queueUrls: Record<QueueName, string>;
  dynamodbEndpoint: string;
  /** What SDK clients in this process use for SQS (same origin as the queue URLs). */
  sqsClientEndpoint: string;
  /** What people use from outside (the AWS CLI), shown by GET /health. */
  sqsEndpoint: string;
  s3Endpoint: string;
}

/**
 * The variables the Lambdas get in AWS (from the catalog's grants) plus the endpoint overrides the
 * AWS SDK v3 honours, set before any handler module is imported (shared/config.ts parses them once).
 */
export function applyStackEnv(stack: StackEnvironment): void {
  const variables: Record<string, string> = {
    [env.table]: stack.tableName,
    [env.bucket]: stack.bucket,
    ...Object.fromEntries(
      (Object.entries(stack.queueUrls) as [QueueName, string][]).map(([name, url]) => [env.queueUrl(name), url]),
    ),
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: stack.dynamodbEndpoint,
    AWS_ENDPOINT_URL_SQS: stack.sqsClientEndpoint,
    AWS_ENDPOINT_URL_S3: stack.s3Endpoint,
    LOCAL_STACK_INFO: JSON.stringify({
      s3_endpoint: stack.s3Endpoint,
      sqs_endpoint: stack.sqsEndpoint,
      dynamodb_endpoint: stack.dynamodbEndpoint,
      table: stack.tableName,
      imports_bucket: stack.bucket,
    }),
  };
  delete process.env.AWS_SESSION_TOKEN;
  Object.assign(process.env, variables);
}
