import { UnavailableError } from '#shared/errors';

/** DynamoDB's answers for "over capacity": the SDK retries these with backoff before giving up. */
export const THROTTLING_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);

interface MiddlewareHost {
  middlewareStack: {
    add(middleware: unknown, options: { step: 'initialize'; priority: 'high'; name: string }): void;
  };
}

/**
 * Turns throttling that outlasted the SDK's retries into an UnavailableError (503 with Retry-After at
 * the edge; a retried delivery in a worker) instead of an unknown error. Registered outermost, so it
 * only sees what the retry strategy finally gave up on.
 */
export function reportThrottlingAsUnavailable<C extends MiddlewareHost>(client: C): C {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof Error && THROTTLING_ERRORS.has(error.name)) {
          throw new UnavailableError('The database is over capacity right now; retry shortly');
        }
        throw error;
      }
    },
    { step: 'initialize', priority: 'high', name: 'reportThrottlingAsUnavailable' },
  );
  return client;
}
