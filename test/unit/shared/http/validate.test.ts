import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/errors';
import { validate } from '#shared/http/http-handler';

function refusal(schema: z.ZodType, value: unknown): ValidationError {
  try {
    validate(schema, value, 'body');
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('request validation', () => {
  it('names each problem with its path', () => {
    const error = refusal(z.strictObject({ name: z.string() }), { name: 1 });
    expect(error.details).toEqual([{ path: 'body.name', message: expect.any(String) }]);
    expect(error.message).toMatch(/^Invalid body: body\.name /);
  });

  it('lists the first 100 problems and counts the rest, in details and in the message', () => {
    const error = refusal(
      z.array(z.number()),
      Array.from({ length: 300 }, () => 'x'),
    );
    expect(error.details).toHaveLength(101);
    expect(error.details[0]?.path).toBe('body.0');
    expect(error.details[99]?.path).toBe('body.99');
    expect(error.details[100]).toEqual({ path: 'body', message: 'and 200 more problems' });
    expect(error.message).toMatch(/body\.9 .*; and 290 more$/);
    expect(error.message).not.toMatch(/body\.10 /);
  });

  it('bounds one long message, saying how much it left out', () => {
    const keys = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`unknown_${i}`, i]));
    const error = refusal(z.strictObject({}), keys);
    expect(error.details[0]?.message).toMatch(/^Unrecognized keys: .*… \(\d+ more characters\)$/);
    expect(error.details[0]!.message.length).toBeLessThan(600);
  });
});
