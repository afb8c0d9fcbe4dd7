import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '#shared/errors';
import * as z from 'zod';
import { type CursorScope, decodeCursor, encodeCursor, readCursor, writeCursor } from '#shared/db/page-cursor';
import { queryPage } from '#shared/db/paging';

const members: CursorScope = { index: 'table', partition: { name: 'PK', value: 'GROUP#g' }, sortKeyPrefix: 'MEMBER#' };
const byName: CursorScope = { index: 'GSI1', partition: { name: 'GSI1PK', value: 'TENANT#t#GROUPS' } };
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(cursor: string, scope: CursorScope) {
  try {
    decodeCursor(cursor, scope);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('decodeCursor', () => {
  it('reads back the cursors a listing hands out, both ways', () => {
    const after = { a: { PK: 'GROUP#g', SK: 'MEMBER#L#1' } };
    const before = { b: { PK: 'GROUP#1', SK: 'GROUP', GSI1PK: 'TENANT#t#GROUPS', GSI1SK: 'NAME#a#1' } };
    expect(decodeCursor(encodeCursor(after), members)).toEqual(after);
    expect(decodeCursor(encodeCursor(before), byName)).toEqual(before);
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['JSON that is not an object', raw(42)],
    ['no position', raw({})],
    ['both directions', raw({ a: { PK: 'GROUP#g', SK: 'MEMBER#1' }, b: { PK: 'GROUP#g', SK: 'MEMBER#1' } })],
    ['an unknown direction', raw({ c: { PK: 'GROUP#g', SK: 'MEMBER#1' } })],
    ['a missing sort key', raw({ a: { PK: 'GROUP#g' } })],
    ['an object sort key', raw({ a: { PK: 'GROUP#g', SK: { S: 'MEMBER#1' } } })],
    ['a number sort key', raw({ a: { PK: 'GROUP#g', SK: 7 } })],
    ['an empty sort key', raw({ a: { PK: 'GROUP#g', SK: '' } })],
    ['an extra attribute', raw({ a: { PK: 'GROUP#g', SK: 'MEMBER#1', GSI1PK: 'x' } })],
    ['a sort key longer than DynamoDB allows', raw({ a: { PK: 'GROUP#g', SK: `MEMBER#${'é'.repeat(600)}` } })],
    ['another partition', raw({ a: { PK: 'GROUP#other', SK: 'MEMBER#1' } })],
    ['a sort key outside the prefix (the finding)', raw({ a: { PK: 'GROUP#g', SK: 'ZZZ' } })],
    ['a sort key before the prefix', raw({ b: { PK: 'GROUP#g', SK: 'GROUP' } })],
  ])('refuses %s with invalid_cursor naming query.cursor', (_, cursor) => {
    const error = refusal(cursor, members);
    expect(error).toBeInstanceOf(InvalidCursorError);
    expect(error).toMatchObject({ code: 'invalid_cursor', details: [{ path: 'query.cursor' }] });
  });

  it("refuses an index cursor without the table's key attributes or from another index", () => {
    expect(refusal(raw({ a: { GSI1PK: 'TENANT#t#GROUPS', GSI1SK: 'NAME#a' } }), byName)).toBeInstanceOf(
      InvalidCursorError,
    );
    const gsi2 = { a: { PK: 'GROUP#1', SK: 'GROUP', GSI2PK: 'TENANT#t#GROUPS', GSI2SK: 'CREATED#x' } };
    expect(refusal(raw(gsi2), byName)).toBeInstanceOf(InvalidCursorError);
  });
});

describe('queryPage', () => {
  const refusing = {
    send: () =>
      Promise.reject(
        Object.assign(new Error('The provided starting key does not match the range key predicate'), {
          name: 'ValidationException',
        }),
      ),
  } as unknown as DynamoDBDocumentClient;
  const query = { ...members, keyCondition: 'PK = :pk AND begins_with(SK, :prefix)', pageSize: 10 };

  it('answers invalid_cursor when DynamoDB still refuses the start key a client gave', async () => {
    const cursor = encodeCursor({ a: { PK: 'GROUP#g', SK: 'MEMBER#1' } });
    await expect(queryPage(refusing, 'table', { ...query, cursor })).rejects.toMatchObject({ code: 'invalid_cursor' });
  });

  it('lets the same DynamoDB error through when no cursor was given', async () => {
    await expect(queryPage(refusing, 'table', query)).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('refuses a begins_with listing that does not say its prefix', async () => {
    const { sortKeyPrefix: _, ...unscoped } = query;
    await expect(queryPage(refusing, 'table', unscoped)).rejects.toThrow(/sortKeyPrefix/);
  });
});

describe('readCursor', () => {
  const Position = z.strictObject({ chunk: z.int().min(0), offset: z.int().min(0) });

  it('reads back what writeCursor wrote', () => {
    expect(readCursor(writeCursor({ chunk: 2, offset: 40 }), Position)).toEqual({ chunk: 2, offset: 40 });
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['another shape', raw({ a: { PK: 'GROUP#g', SK: 'MEMBER#1' } })],
    ['a negative offset', raw({ chunk: 0, offset: -1 })],
    ['a fraction', raw({ chunk: 0.5, offset: 0 })],
    ['a string where a number is', raw({ chunk: '1', offset: 0 })],
  ])('refuses %s with invalid_cursor naming query.cursor', (_, cursor) => {
    const error = (() => {
      try {
        readCursor(cursor, Position);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'invalid_cursor', details: [{ path: 'query.cursor' }] });
  });
});
