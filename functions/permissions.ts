/**
 * What a catalog function gets from its entry, derived once for both runtimes: the CDK construct
 * builds the Lambda's environment from it, and the local stack gives each function exactly the same
 * variables. (Its IAM statements are derived here too.)
 */
import type { FunctionDefinition } from './catalog';
import { env, type QueueName } from './resources';

/** The deployed names of the resources a function may be told about: CDK tokens in AWS, local names locally. */
export interface ResourceNames {
  tableName: string;
  bucketName: string;
  queueUrl: (name: QueueName) => string;
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
  return variables;
}
