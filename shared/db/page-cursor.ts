import * as z from 'zod';
import { InvalidCursorError } from '#shared/errors';
import { type IndexName, indexKeyAttributes } from './keys';

export type Key = Record<string, string>;

/** Opaque cursor: the key to continue after (`a`) or before (`b`) in index order. */
export interface Cursor {
  a?: Key;
  b?: Key;
}

/** The listing a cursor must belong to. */
export interface CursorScope {
  index: IndexName;
  /** The partition the Query stays inside. */
  partition: { name: string; value: string };
  /** The sort-key prefix of a `begins_with` key condition. */
  sortKeyPrefix?: string | undefined;
}

// DynamoDB's limits on key values (UTF-8 bytes); a longer value never came from this service.
const maxBytes = (attribute: string) => (attribute.endsWith('SK') ? 1024 : 2048);
const sortKeyOf = (index: IndexName) => (index === 'table' ? 'SK' : `${index}SK`);

/** Exactly the index's key attributes, each a non-empty string DynamoDB would accept as a key. */
function cursorSchema(index: IndexName): z.ZodType<Cursor> {
  const key = z.strictObject(
    Object.fromEntries(
      indexKeyAttributes[index].map((name) => [
        name,
        z
          .string()
          .min(1)
          .refine((v) => Buffer.byteLength(v) <= maxBytes(name)),
      ]),
    ),
  );
  return z.union([z.strictObject({ a: key }), z.strictObject({ b: key })]);
}

/** Every listing's cursor is the base64url of a JSON value, which only the listing reads. */
export const writeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Reads a cursor that `schema` accepts; anything else (not base64url JSON, or a value of another
 * shape) is InvalidCursorError, a 400 `invalid_cursor` naming `query.<parameter>` (`cursor` unless the
 * listing names its cursor otherwise), never a 500.
 */
export function readCursor<T>(cursor: string, schema: z.ZodType<T>, parameter = 'cursor'): T {
  const invalid = () => new InvalidCursorError(undefined, `query.${parameter}`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalid();
  return parsed.data;
}

export const encodeCursor = (cursor: Cursor) => writeCursor(cursor);

/**
 * Reads a cursor this listing handed out, and nothing else: exactly the index's key attributes, all
 * non-empty strings within DynamoDB's key sizes, in the listing's partition and inside its sort-key
 * prefix. Anything else would reach DynamoDB as an ExclusiveStartKey it refuses (a 500), or start
 * the listing somewhere it never goes.
 */
export function decodeCursor(cursor: string, scope: CursorScope): Cursor {
  const read = readCursor(cursor, cursorSchema(scope.index));
  const key = (read.a ?? read.b)!;
  if (key[scope.partition.name] !== scope.partition.value) throw new InvalidCursorError('a cursor of another listing');
  if (scope.sortKeyPrefix !== undefined && !key[sortKeyOf(scope.index)]!.startsWith(scope.sortKeyPrefix))
    throw new InvalidCursorError('a cursor of another listing');
  return read;
}
