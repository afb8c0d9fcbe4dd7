import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildHttpApiEvent } from '#local/http-api-event';
import { gatewayError, type HttpResponse, toHttpResponse } from '#local/http-api-response';
import { CONSOLE_PREFIX, type ConsoleHandler } from '#local/console-server';
import type { JwtAuthorizer } from '#local/jwt-authorizer';
import { FunctionInvocationError, type Invoke } from '#local/invoker';
import type { LocalLog } from '#local/local-log';
import { portInUse } from '#local/ports';
import { createRouteTable, type HttpFunction } from '#functions/http/route-table';

/** The HTTP API payload limit: API Gateway rejects larger request bodies with 413. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * Lambda's limit for a synchronous invocation's payload, the whole event (body, escaped as a JSON
 * string, plus headers): a bigger event never reaches the function. In AWS the HTTP API then
 * answers with an error of its own; here it is a 413, so the limit shows before deploying.
 */
export const MAX_EVENT_BYTES = 6 * 1024 * 1024;
/**
 * How long API Gateway waits for a Lambda integration (the most an HTTP API allows): past it, it
 * answers 503 while the function runs on until its own timeout.
 */
export const INTEGRATION_TIMEOUT_MS = 30_000;
/** Past this, stop draining an oversized upload and drop the connection. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

export interface HttpServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  functions: readonly HttpFunction[];
  authorizer: JwtAuthorizer;
  log: LocalLog;
  /** Runs a route's function (local/invoker.ts). */
  invoke: Invoke;
  /** Tests shorten it. */
  integrationTimeoutMs?: number;
  /** Serves everything under /console (local/console-server.ts); without it those paths reach the route table. */
  console?: ConsoleHandler;
}

export interface HttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A local stand-in for the API Gateway HTTP API: routes by the catalog, runs the JWT authorizer on
 * `auth: 'jwt'` routes, and calls the same handler modules with payload v2.0 events.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const host = options.host ?? '127.0.0.1';
  const route = createRouteTable(options.functions);
  const { authorizer, log, invoke } = options;
  const integrationTimeoutMs = options.integrationTimeoutMs ?? INTEGRATION_TIMEOUT_MS;

  async function respondTo(req: IncomingMessage, body: Buffer | 'too_large', requestId: string): Promise<HttpResponse> {
    if (body === 'too_large') {
      return gatewayError(413, 'payload_too_large', `Request body exceeds ${MAX_BODY_BYTES} bytes`);
    }
    const rawPath = (req.url ?? '/').split('?')[0]!;
    const match = route(req.method ?? 'GET', rawPath);
    if (match.kind === 'not_found') {
      return gatewayError(404, 'route_not_found', `No route for ${req.method} ${rawPath}`);
    }
    if (match.kind === 'method_not_allowed') {
      return gatewayError(405, 'method_not_allowed', `${req.method} is not allowed on ${rawPath}`, {
        allow: match.allowed.join(', '),
      });
    }
    let authorizerContext: Awaited<ReturnType<JwtAuthorizer>> | undefined;
    if (match.fn.trigger.auth === 'jwt') {
      authorizerContext = await authorizer(headerValue(req, 'authorization'));
      if (!authorizerContext.ok) {
        return gatewayError(401, 'unauthorized', authorizerContext.message, {
          'www-authenticate': `Bearer error="invalid_token", error_description="${authorizerContext.message}"`,
        });
      }
    }
    const event = buildHttpApiEvent(
      {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        httpVersion: req.httpVersion,
        rawHeaders: req.rawHeaders,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        body,
      },
      {
        routeKey: match.routeKey,
        pathParameters: match.pathParameters,
        ...(authorizerContext?.ok && { authorizer: authorizerContext.authorizer }),
      },
      { requestId, now: new Date(), domainName: `${host}:${(server.address() as AddressInfo).port}` },
    );
    const eventBytes = Buffer.byteLength(JSON.stringify(event));
    if (eventBytes > MAX_EVENT_BYTES) {
      return gatewayError(
        413,
        'payload_too_large',
        `The request makes a Lambda event of ${eventBytes} bytes; a synchronous invocation takes at most ` +
          `${MAX_EVENT_BYTES} (keep bodies under about 6 MB, or drop a CSV)`,
      );
    }
    const invocation = invoke(match.fn, event, { requestId });
    let timer: NodeJS.Timeout | undefined;
    const integrationTimeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), integrationTimeoutMs);
    });
    try {
      const result = await Promise.race([invocation, integrationTimeout]);
      if (result === 'timeout') {
        invocation.catch(() => {}); // it runs on, and fails or ends, unobserved, as in AWS
        log.error(
          `${match.fn.name}: no answer within API Gateway's ${integrationTimeoutMs} ms on ${req.method} ${rawPath}`,
        );
        return gatewayError(503, 'service_unavailable', 'Service Unavailable');
      }
      return toHttpResponse(result);
    } catch (error) {
      // A handler's error, a timeout, an out-of-memory or an oversized response: Lambda reports a
      // function error and the HTTP API answers 500.
      const what = error instanceof FunctionInvocationError ? ` (${error.errorType})` : '';
      log.error(`${match.fn.name} (${match.fn.entry}) failed${what} on ${req.method} ${rawPath}:`, error);
      return gatewayError(500, 'internal_error', 'Internal server error');
    } finally {
      clearTimeout(timer);
    }
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    const requestId = randomUUID();
    const consolePath = (req.url ?? '/').split('?')[0]!;
    if (options.console && (consolePath === CONSOLE_PREFIX || consolePath.startsWith(`${CONSOLE_PREFIX}/`))) {
      options.console(req, res).catch((error) => {
        log.error(`console failed on ${req.method} ${consolePath}:`, error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    readBody(req)
      .then((body) => respondTo(req, body, requestId))
      .catch((error) => {
        log.error(`local gateway failed on ${req.method} ${loggablePath(req)}:`, error);
        return gatewayError(500, 'internal_error', 'Internal server error');
      })
      .then((response) => {
        write(res, response, requestId);
        log.info(`${req.method} ${loggablePath(req)} → ${response.statusCode} (${Date.now() - started} ms)`);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? portInUse(options.port, 'HTTP API', 'set PORT or pass --port') : error);
    });
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
      return stopped;
    },
  };
}

/** Reads the body up to MAX_BODY_BYTES; a larger one is drained (up to a point) and reported as too large. */
function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let tooLarge = declared > MAX_BODY_BYTES;
    let received = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
      if (received > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete && tooLarge) resolve('too_large');
    });
  });
}

/**
 * The path for a log line, query values masked: they carry e-mails and names (`?search=ada@…`),
 * which never go to logs (as in AWS, whose access log records the route key only).
 */
export function loggablePath(req: Pick<IncomingMessage, 'url'>): string {
  const [path = '/', query] = (req.url ?? '/').split('?', 2);
  if (query === undefined) return path;
  const names = [...new URLSearchParams(query).keys()];
  return `${path}?${names.map((name) => `${encodeURIComponent(name)}=…`).join('&')}`;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function write(res: ServerResponse, response: HttpResponse, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | string[]> = { ...response.headers, 'apigw-requestid': requestId };
  if (response.cookies.length > 0) headers['set-cookie'] = response.cookies;
  headers['content-length'] = String(response.body.length);
  res.writeHead(response.statusCode, headers);
  res.end(response.body);
}
