import { describe, expect, it } from 'vitest';
import { gatewayError, toHttpResponse } from '#local/http-api-response';

describe('toHttpResponse', () => {
  it('writes a structured result back with lower-cased string headers and cookies', () => {
    const response = toHttpResponse({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', ETag: '"1"', 'X-Count': 3 },
      cookies: ['a=1; Path=/'],
      body: '{"ok":true}',
    });
    expect(response).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/json', etag: '"1"', 'x-count': '3' },
      cookies: ['a=1; Path=/'],
      body: Buffer.from('{"ok":true}'),
    });
  });

  it('decodes base64 bodies', () => {
    const response = toHttpResponse({
      statusCode: 200,
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from([1, 2, 3]).toString('base64'),
      isBase64Encoded: true,
    });
    expect([...response.body]).toEqual([1, 2, 3]);
  });

  it('treats a result without statusCode as a 200 JSON body, as API Gateway does', () => {
    expect(toHttpResponse({ hello: 'world' })).toMatchObject({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"hello":"world"}'),
    });
  });

  it('answers 204 without a body and without a content type', () => {
    expect(toHttpResponse({ statusCode: 204 })).toEqual({
      statusCode: 204,
      headers: {},
      cookies: [],
      body: Buffer.alloc(0),
    });
  });

  it('refuses an invalid status code', () => {
    expect(() => toHttpResponse({ statusCode: 42 })).toThrow(/statusCode/);
  });
});

describe('gatewayError', () => {
  it('answers with the JSON error shape of the API', () => {
    const response = gatewayError(404, 'route_not_found', 'No route for GET /x');
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body.toString())).toEqual({ code: 'route_not_found', message: 'No route for GET /x' });
  });
});
