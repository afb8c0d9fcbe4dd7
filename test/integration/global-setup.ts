import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '#local/dynamodb';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local for this run (in memory); tests create their own tables (see ./dynamo.ts). */
    dynamodbEndpoint: string;
  }
}

/** One DynamoDB Local for the whole integration run, on a free port; java is stopped in teardown. */
export default async function setup(project: TestProject) {
  // The Lambda runtime is Node 24; the SDK's notice about dropping Node 20 is noise in test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoDbLocal({ port: 0 });
  project.provide('dynamodbEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
