import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '#functions/http/platform/answer-unmatched';

const event = (method: string, rawPath: string, rawQueryString = '') =>
  ({ rawPath, rawQueryString, requestContext: { http: { method } } }) as unknown as APIGatewayProxyEventV2;

describe('the $default route', () => {
  it('redirects a trailing-slash path of a route to the route, keeping the query', async () => {
    const res = await handler(event('POST', '/api/v1/enterprise-group/abc/assign_learners/', 'x=1'));
    expect(res.statusCode).toBe(308);
    expect(res.headers).toMatchObject({ location: '/api/v1/enterprise-group/abc/assign_learners?x=1' });
  });

  it('answers 405 for a known path with another method and 404 for an unknown path', async () => {
    expect((await handler(event('DELETE', '/health/'))).statusCode).toBe(405);
    const missing = await handler(event('GET', '/nope'));
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(String(missing.body)).code).toBe('route_not_found');
  });
});
