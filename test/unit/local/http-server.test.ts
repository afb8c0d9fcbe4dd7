import { request } from 'node:http';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeys, type SigningKeys } from '#local/auth-keys';
import type { LambdaHandler } from '#local/handler-loader';
import type { HttpApiEvent } from '#local/http-api-event';
import { FunctionTimeoutError, MAX_RESPONSE_BYTES, ResponseTooLargeError } from '#local/invoker';
import { type HttpServer, loggablePath, startHttpServer } from '#local/http-server';
import { createJwtAuthorizer } from '#local/jwt-authorizer';
import type { LocalLog } from '#local/local-log';
import { mintToken } from '#local/mint-token';
import type { HttpFunction } from '#functions/http/route-table';

// The gateway over loopback with in-memory handlers: what reaches a handler and what the client gets back.
const fn = (
  name: string,
  method: HttpFunction['trigger']['method'],
  path: string,
  auth: 'jwt' | 'none',
): HttpFunction => ({
  name,
  entry: `fixtures/${name}.ts`,
  trigger: { type: 'http', method, path, auth },
  access: {},
});

const received: HttpApiEvent[] = [];
const handlers: Record<string, LambdaHandler> = {
  'fixtures/Echo.ts': async (event) => {
    received.push(event as HttpApiEvent);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: ['s=1'], body: '{"ok":true}' };
  },
  'fixtures/Boom.ts': async () => {
    throw new Error('secret internals');
  },
  // What the invoker reports when Lambda's limits end an invocation.
  'fixtures/Slow.ts': async () => {
    throw new FunctionTimeoutError('Slow', 10);
  },
  'fixtures/Large.ts': async () => {
    throw new ResponseTooLargeError('Large', MAX_RESPONSE_BYTES + 1);
  },
  'fixtures/Hang.ts': () => new Promise(() => {}),
};
const errors: string[] = [];
const infos: string[] = [];
const log: LocalLog = { info: (line) => infos.push(line), warn: () => {}, error: (line) => errors.push(line) };

let keys: SigningKeys;
let server: HttpServer;

beforeAll(async () => {
  keys = await generateSigningKeys();
  server = await startHttpServer({
    port: 0,
    functions: [
      fn('Echo', 'POST', '/things/{id}', 'jwt'),
      fn('Boom', 'GET', '/boom', 'none'),
      fn('Missing', 'GET', '/missing', 'none'),
      fn('Slow', 'GET', '/slow', 'none'),
      fn('Large', 'GET', '/large', 'none'),
      fn('Hang', 'GET', '/hang', 'none'),
    ],
    integrationTimeoutMs: 200,
    authorizer: createJwtAuthorizer(keys),
    log,
    invoke: async (definition, event) => {
      const handler = handlers[definition.entry];
      if (!handler) throw new Error(`handler module ${definition.entry} does not exist`);
      return handler(event, {} as Context);
    },
  });
});

afterAll(() => server.stop());

describe('startHttpServer', () => {
  it('calls the handler with the route, decoded parameters and the flattened JWT claims', async () => {
    received.length = 0;
    const token = await mintToken(keys, { roles: ['enterprise_admin'], enterprise_uuids: ['e1', 'e2'] });
    const res = await fetch(`${server.url}/things/a%20b/?x=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"n":1}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('set-cookie')).toBe('s=1');
    expect(res.headers.get('apigw-requestid')).toMatch(/^[0-9a-f-]{36}$/);

    const [event] = received;
    expect(event).toMatchObject({
      routeKey: 'POST /things/{id}',
      pathParameters: { id: 'a b' },
      queryStringParameters: { x: '1' },
      body: '{"n":1}',
      isBase64Encoded: false,
      requestContext: {
        requestId: res.headers.get('apigw-requestid'),
        authorizer: { jwt: { claims: { roles: '[enterprise_admin]', enterprise_uuids: '[e1 e2]' }, scopes: null } },
      },
    });
  });

  it('does not call the handler without a valid token', async () => {
    received.length = 0;
    const res = await fetch(`${server.url}/things/1`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'unauthorized' });
    expect(received).toEqual([]);
  });

  it('answers 500 internal_error without internals when a handler throws, and logs it', async () => {
    const res = await fetch(`${server.url}/boom`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 'internal_error', message: 'Internal server error' });
    expect(errors.some((line) => line.includes('Boom'))).toBe(true);
  });

  it("gives the handler its own address as the Host, never the client's, so its links stay on the gateway", async () => {
    received.length = 0;
    const token = await mintToken(keys, { roles: ['staff'] });
    // fetch cannot send another Host: a plain request can, as a hostile client would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${server.url}/things/1`, {
        method: 'POST',
        headers: { host: 'evil.example', authorization: `Bearer ${token}` },
      });
      req.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode)));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    const own = new URL(server.url).host;
    expect(received[0]?.headers.host).toBe(own);
    expect(received[0]?.requestContext.domainName).toBe(own);
  });

  it('answers 500 when the function times out or its response is over 6 MB, as the HTTP API answers a Lambda error', async () => {
    for (const path of ['/slow', '/large']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ code: 'internal_error', message: 'Internal server error' });
    }
    expect(errors.some((line) => line.includes('Sandbox.Timedout'))).toBe(true);
    expect(errors.some((line) => line.includes('Function.ResponseSizeTooLarge'))).toBe(true);
  });

  it('answers 503 when the function has not answered within the integration timeout', async () => {
    const res = await fetch(`${server.url}/hang`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ code: 'service_unavailable', message: 'Service Unavailable' });
  });

  it('answers 500 for a catalog entry whose module does not exist yet', async () => {
    expect((await fetch(`${server.url}/missing`)).status).toBe(500);
  });
});

describe('request log lines', () => {
  it('name the path and the query parameters, never their values', async () => {
    await fetch(`${server.url}/boom?search=ada%40example.com&page_size=2`);
    expect(infos.at(-1)).toMatch(/^GET \/boom\?search=…&page_size=… → 500/);
    expect(infos.join('\n')).not.toContain('ada');
    expect(loggablePath({ url: '/x/y' })).toBe('/x/y');
  });
});
