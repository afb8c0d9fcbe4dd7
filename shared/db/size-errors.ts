import { RefusedInputError } from '#shared/errors';

/**
 * DynamoDB's refusals of a value too large for a key or an item: a key attribute over 2,048 bytes (a
 * partition key) or 1,024 bytes (a sort key), an item over 400 KB. Lengths are checked in characters at
 * the edge, but keys are counted in UTF-8 bytes, so a value within its character cap can still be too
 * large (255 emoji make 1,020 bytes).
 */
const OVERSIZE = /exceeded the (maximum )?(allowed )?size|size limit|Size of hashkey|Aggregated size/i;

interface MiddlewareHost {
  middlewareStack: {
    add(middleware: unknown, options: { step: 'initialize'; priority: 'high'; name: string }): void;
  };
}

/**
 * Turns DynamoDB's refusal of an oversize key or item into a RefusedInputError (400 `input_refused` at
 * the edge; the row's or the job's failure in a worker) instead of an unknown error: no retry changes
 * it, and the value came from the caller. The schemas cap what they can in bytes; this is the backstop.
 */
export function reportOversizeAsRefusedInput<C extends MiddlewareHost>(client: C): C {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof Error && error.name === 'ValidationException' && OVERSIZE.test(error.message)) {
          throw new RefusedInputError(`a value is too large to store: ${error.message}`);
        }
        throw error;
      }
    },
    { step: 'initialize', priority: 'high', name: 'reportOversizeAsRefusedInput' },
  );
  return client;
}
