import { describe, expect, it } from 'vitest';
import { RefusedInputError } from '#shared/errors';
import { reportOversizeAsRefusedInput } from '#shared/db/size-errors';

type Handler = (args: unknown) => Promise<unknown>;

/** A client whose one call fails as `failure` does, through the middleware the function adds. */
function clientFailingWith(failure: Error) {
  let middleware: ((next: Handler) => Handler) | undefined;
  reportOversizeAsRefusedInput({
    middlewareStack: { add: (m: unknown) => void (middleware = m as typeof middleware) },
  });
  return middleware!(async () => {
    throw failure;
  });
}

const dynamoError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('oversize keys and items', () => {
  it.each([
    'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
    'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
    'Item size has exceeded the maximum allowed size',
  ])('turns DynamoDB refusing "%s" into a refused input', async (message) => {
    const call = clientFailingWith(dynamoError('ValidationException', message));
    await expect(call({})).rejects.toBeInstanceOf(RefusedInputError);
    await expect(call({})).rejects.toMatchObject({ code: 'input_refused' });
  });

  it('leaves other validation errors and other failures as they are', async () => {
    const invalidExpression = dynamoError('ValidationException', 'Invalid UpdateExpression: Syntax error');
    await expect(clientFailingWith(invalidExpression)({})).rejects.toBe(invalidExpression);
    const throttled = dynamoError('ThrottlingException', 'Rate exceeded: size limit');
    await expect(clientFailingWith(throttled)({})).rejects.toBe(throttled);
  });
});
