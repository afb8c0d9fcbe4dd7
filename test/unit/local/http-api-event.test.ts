import { describe, expect, it } from 'vitest';
import { buildHttpApiEvent, formatRequestTime, type IncomingHttpRequest } from '#local/http-api-event';

const now = new Date('2026-03-12T19:03:58.390Z');
const meta = { requestId: '6f1c1a8e-0000-4000-8000-000000000001', now };

function request(overrides: Partial<IncomingHttpRequest> = {}): IncomingHttpRequest {
  return {
    method: 'post',
    url: '/api/v1/enterprise-group/g%201/assign_learners?a=1&a=2&b=x%20y&empty=',
    httpVersion: '1.1',
    rawHeaders: [
      'Host',
      '127.0.0.1:3000',
      'User-Agent',
      'curl/8.0',
      'Content-Type',
      'application/json',
      'X-Multi',
      'one',
      'x-multi',
      'two',
      'Cookie',
      'a=1; b=2',
      'Cookie',
      'c=3',
    ],
    sourceIp: '127.0.0.1',
    body: Buffer.from('{"learner_uuids":[]}'),
    ...overrides,
  };
}

const route = {
  routeKey: 'POST /api/v1/enterprise-group/{group_uuid}/assign_learners',
  pathParameters: { group_uuid: 'g 1' },
};

describe('buildHttpApiEvent', () => {
  it('builds an API Gateway HTTP API payload v2.0 event', () => {
    const authorizer = { jwt: { claims: { sub: 'u1', roles: '[staff]' }, scopes: null } };
    const event = buildHttpApiEvent(request(), { ...route, authorizer }, meta);
    expect(event).toEqual({
      version: '2.0',
      routeKey: route.routeKey,
      rawPath: '/api/v1/enterprise-group/g%201/assign_learners',
      rawQueryString: 'a=1&a=2&b=x%20y&empty=',
      cookies: ['a=1', 'b=2', 'c=3'],
      headers: {
        host: '127.0.0.1:3000',
        'user-agent': 'curl/8.0',
        'content-type': 'application/json',
        'x-multi': 'one,two',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-port': '3000',
        'x-forwarded-proto': 'http',
      },
      queryStringParameters: { a: '1,2', b: 'x y', empty: '' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        authorizer,
        domainName: '127.0.0.1:3000',
        domainPrefix: '127',
        http: {
          method: 'POST',
          path: '/api/v1/enterprise-group/g%201/assign_learners',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'curl/8.0',
        },
        requestId: meta.requestId,
        routeKey: route.routeKey,
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: now.getTime(),
      },
      pathParameters: { group_uuid: 'g 1' },
      body: '{"learner_uuids":[]}',
      isBase64Encoded: false,
    });
  });

  it('leaves out what the request does not have, as API Gateway does', () => {
    const event = buildHttpApiEvent(
      request({ method: 'GET', url: '/health', rawHeaders: ['Host', 'localhost:3000'], body: Buffer.alloc(0) }),
      { routeKey: 'GET /health', pathParameters: {} },
      meta,
    );
    expect(event.rawQueryString).toBe('');
    for (const absent of ['cookies', 'queryStringParameters', 'pathParameters', 'body'] as const) {
      expect(event).not.toHaveProperty(absent);
    }
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event.isBase64Encoded).toBe(false);
  });

  it("names the gateway's own address as the host when given it, whatever Host the client sent", () => {
    const event = buildHttpApiEvent(request({ rawHeaders: ['Host', 'evil.example'] }), route, {
      ...meta,
      domainName: '127.0.0.1:3000',
    });
    expect(event.headers.host).toBe('127.0.0.1:3000');
    expect(event.headers['x-forwarded-port']).toBe('3000');
    expect(event.requestContext.domainName).toBe('127.0.0.1:3000');
  });

  it('base64-encodes bodies that are not text', () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    const binary = buildHttpApiEvent(
      request({ rawHeaders: ['Content-Type', 'application/octet-stream'], body: bytes }),
      route,
      meta,
    );
    expect(binary).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
    const untyped = buildHttpApiEvent(request({ rawHeaders: [], body: Buffer.from('hi') }), route, meta);
    expect(untyped).toMatchObject({ body: Buffer.from('hi').toString('base64'), isBase64Encoded: true });
  });

  it('keeps text bodies as strings: text/*, +json, form and csv', () => {
    for (const type of [
      'text/csv; charset=utf-8',
      'application/merge-patch+json',
      'application/x-www-form-urlencoded',
    ]) {
      const event = buildHttpApiEvent(
        request({ rawHeaders: ['Content-Type', type], body: Buffer.from('é,1') }),
        route,
        meta,
      );
      expect(event).toMatchObject({ body: 'é,1', isBase64Encoded: false });
    }
  });
});

describe('formatRequestTime', () => {
  it('pads day and time fields', () => {
    expect(formatRequestTime(new Date('2026-01-02T03:04:05Z'))).toBe('02/Jan/2026:03:04:05 +0000');
  });
});
