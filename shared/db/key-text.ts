import * as z from 'zod';

/**
 * Text that becomes part of a sort key (a name, a search prefix): DynamoDB counts a sort key in UTF-8
 * bytes, at most 1,024 with its prefix and suffix, while a character cap counts UTF-16 units, so 255
 * emoji pass a 255-character cap and make 1,020 bytes. 900 bytes leave room for the key's other parts.
 */
export const MAX_KEY_TEXT_BYTES = 900;

export const withinKeyBytes = <T extends z.ZodType<string>>(schema: T) =>
  schema.refine((text) => Buffer.byteLength(text) <= MAX_KEY_TEXT_BYTES, {
    message: `at most ${MAX_KEY_TEXT_BYTES} bytes in UTF-8`,
  });
