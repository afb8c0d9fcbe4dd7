import { RefusedInputError } from '#shared/errors';
import { translateErrors } from './translate-errors';

/**
 * DynamoDB's refusals of a value too large for a key or an item: a key attribute over 2,048 bytes (a
 * partition key) or 1,024 bytes (a sort key), an item over 400 KB. Lengths are checked in characters at
 * the edge, but keys are counted in UTF-8 bytes, so a value within its character cap can still be too
 * large (255 emoji make 1,020 bytes).
 */
const OVERSIZE = /exceeded the (maximum )?(allowed )?size|size limit|Size of hashkey|Aggregated size/i;

/**
 * Turns DynamoDB's refusal of an oversize key or item into a RefusedInputError (400 `input_refused` at
 * the edge; the row's or the job's failure in a worker) instead of an unknown error: no retry changes
 * it, and the value came from the caller. The schemas cap what they can in bytes; this is the backstop.
 */
export const reportOversizeAsRefusedInput = <C extends Parameters<typeof translateErrors>[0]>(client: C): C =>
  translateErrors(client, 'reportOversizeAsRefusedInput', (error) =>
    error.name === 'ValidationException' && OVERSIZE.test(error.message)
      ? new RefusedInputError(`a value is too large to store: ${error.message}`)
      : undefined,
  );
