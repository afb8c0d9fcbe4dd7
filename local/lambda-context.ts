import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { FunctionLimits } from '#functions/catalog';
import { ACCOUNT_ID, REGION } from '#local/aws-account';

export interface InvokedFunction extends FunctionLimits {
  name: string;
}

/**
 * A Lambda-like context for one invocation of a function with these limits (see limitsOf); the
 * deadline is `deadline` (epoch ms) or its timeout from now.
 */
export function createLambdaContext(
  fn: InvokedFunction,
  awsRequestId: string = randomUUID(),
  deadline: number = Date.now() + fn.timeoutSeconds * 1000,
): Context {
  const functionName = `lms-groups-local-${fn.name}`;
  const today = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: String(fn.memoryMb),
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${today}/[$LATEST]local`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
