import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { reportThrottlingAsUnavailable } from './capacity-errors';
import { reportOversizeAsRefusedInput } from './size-errors';

/**
 * One document client per process. The endpoint comes from the SDK's own configuration
 * (AWS_ENDPOINT_URL_DYNAMODB locally), so nothing here knows whether it runs in AWS. Throttling the
 * SDK's retries could not absorb surfaces as UnavailableError; a key or item too large to store, as RefusedInputError.
 */
export const db = reportOversizeAsRefusedInput(
  reportThrottlingAsUnavailable(
    DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5 }), {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    }),
  ),
);
