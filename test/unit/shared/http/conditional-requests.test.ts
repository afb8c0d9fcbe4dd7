import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { PreconditionFailedError, ValidationError } from '#shared/errors';
import {
  answerRead,
  ifMatchPasses,
  ifNoneMatchPasses,
  parseTagCondition,
  versionPrecondition,
} from '#shared/http/conditional-requests';

const eventWith = (headers: Record<string, string>) => ({ headers }) as unknown as APIGatewayProxyEventV2;

describe('parseTagCondition (RFC 9110 If-Match / If-None-Match)', () => {
  it('reads * alone as any current representation', () => {
    expect(parseTagCondition(' * ', 'If-Match')).toBe('*');
  });

  it('reads a list of strong and weak tags, skipping empty elements', () => {
    expect(parseTagCondition('"1", W/"2" ,, "x,y"', 'If-Match')).toEqual([
      { weak: false, opaque: '1' },
      { weak: true, opaque: '2' },
      { weak: false, opaque: 'x,y' },
    ]);
  });

  it.each(['3', '"3', 'W/3', '"3" "4"', '*, "3"', 'w/"3"', '"a"b"'])('refuses %j, naming the header', (value) => {
    const error = (() => {
      try {
        parseTagCondition(value, 'If-Match');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual([{ path: 'headers.if-match', message: expect.any(String) }]);
  });
});

describe('comparisons', () => {
  it('If-Match compares strongly: a weak tag never matches, any strong equal tag of a list does', () => {
    expect(ifMatchPasses(parseTagCondition('"1", "2"', 'If-Match'), '2')).toBe(true);
    expect(ifMatchPasses(parseTagCondition('W/"2"', 'If-Match'), '2')).toBe(false);
    expect(ifMatchPasses(parseTagCondition('"0"', 'If-Match'), '2')).toBe(false);
    expect(ifMatchPasses('*', '2')).toBe(true);
  });

  it('If-None-Match compares weakly and * matches any representation', () => {
    expect(ifNoneMatchPasses(parseTagCondition('W/"2"', 'If-None-Match'), '2')).toBe(false);
    expect(ifNoneMatchPasses(parseTagCondition('"1", "3"', 'If-None-Match'), '2')).toBe(true);
    expect(ifNoneMatchPasses('*', '2')).toBe(false);
  });
});

describe('versionPrecondition', () => {
  it('is absent without conditional headers', () => {
    expect(versionPrecondition(eventWith({}))).toBeUndefined();
  });

  it('passes a version that If-Match names and If-None-Match does not', () => {
    const passes = versionPrecondition(eventWith({ 'if-match': '"4", "5"', 'if-none-match': '"5"' }))!;
    expect([3, 4, 5].map(passes)).toEqual([false, true, false]);
  });

  it('refuses a malformed header before anything is read', () => {
    expect(() => versionPrecondition(eventWith({ 'if-none-match': 'nope' }))).toThrow(ValidationError);
  });
});

describe('answerRead', () => {
  it('answers 200 with the body and its ETag', () => {
    expect(answerRead(eventWith({}), 7, { a: 1 })).toMatchObject({
      statusCode: 200,
      headers: { etag: '"7"' },
      body: '{"a":1}',
    });
  });

  it('answers 304 with the ETag and no body when If-None-Match names the version, weakly or by *', () => {
    for (const value of ['W/"7"', '"6", "7"', '*']) {
      const answer = answerRead(eventWith({ 'if-none-match': value }), 7, { a: 1 });
      expect(answer).toEqual({ statusCode: 304, headers: { etag: '"7"' } });
    }
  });

  it('answers 200 when If-None-Match names another version', () => {
    expect(answerRead(eventWith({ 'if-none-match': '"6"' }), 7, {}).statusCode).toBe(200);
  });

  it('refuses with 412 a version If-Match does not name', () => {
    expect(() => answerRead(eventWith({ 'if-match': 'W/"7"' }), 7, {})).toThrow(PreconditionFailedError);
  });
});
