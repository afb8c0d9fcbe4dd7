import { UnavailableError } from '#shared/errors';
import { translateErrors } from './translate-errors';

/** DynamoDB's answers for "over capacity": the SDK retries these with backoff before giving up. */
export const THROTTLING_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);

/**
 * Turns throttling that outlasted the SDK's retries into an UnavailableError (503 with Retry-After at
 * the edge; a retried delivery in a worker) instead of an unknown error. Registered outermost, so it
 * only sees what the retry strategy finally gave up on.
 */
export const reportThrottlingAsUnavailable = <C extends Parameters<typeof translateErrors>[0]>(client: C): C =>
  translateErrors(client, 'reportThrottlingAsUnavailable', (error) =>
    THROTTLING_ERRORS.has(error.name)
      ? new UnavailableError('The database is over capacity right now; retry shortly')
      : undefined,
  );
