import type { APIGatewayEventRequestContextV2, APIGatewayProxyEventV2WithRequestContext } from 'aws-lambda';
import { ACCOUNT_ID } from '#local/aws-account';
import type { JwtAuthorizerContext } from '#local/jwt-authorizer';

export const API_ID = 'local';

export type HttpApiEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: JwtAuthorizerContext }
>;

export interface IncomingHttpRequest {
  method: string;
  /** The request target as received: path plus optional query string. */
  url: string;
  /** e.g. '1.1' */
  httpVersion: string;
  /** Node's rawHeaders: [name, value, name, value, …] in arrival order. */
  rawHeaders: string[];
  sourceIp: string;
  body?: Buffer;
}

export interface EventRoute {
  routeKey: string;
  pathParameters: Record<string, string>;
  authorizer?: JwtAuthorizerContext;
}

/**
 * The API Gateway HTTP API payload v2.0 for one request, as a Lambda behind the real API receives
 * it: lower-cased headers with repeated values joined by ',', cookies moved out of the headers,
 * repeated query keys joined by ',', decoded path parameters, text bodies as strings and anything
 * else base64-encoded.
 */
export function buildHttpApiEvent(
  request: IncomingHttpRequest,
  route: EventRoute,
  meta: {
    requestId: string;
    now: Date;
    /**
     * The gateway's own address (`host:port`). API Gateway answers only on its domain, so the Host a
     * handler sees (and builds `next` or `status_url` from) is never one a client made up; without
     * it, the request's Host is taken as is.
     */
    domainName?: string;
  },
): HttpApiEvent {
  const [rawPath = '/', rawQueryString = ''] = splitTarget(request.url);
  const { headers, cookies } = collectHeaders(request.rawHeaders);
  if (meta.domainName) headers.host = meta.domainName;
  const host = headers.host ?? '127.0.0.1';
  Object.assign(headers, forwardedHeaders(request, host, headers['x-forwarded-for']));
  const query = collectQuery(rawQueryString);
  const body = encodeBody(request.body, headers['content-type']);

  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 && { cookies }),
    headers,
    ...(query && { queryStringParameters: query }),
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      ...(route.authorizer && { authorizer: route.authorizer }),
      domainName: host,
      domainPrefix: host.split('.')[0]!.split(':')[0]!,
      http: {
        method: request.method.toUpperCase(),
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: meta.requestId,
      routeKey: route.routeKey,
      stage: '$default',
      time: formatRequestTime(meta.now),
      timeEpoch: meta.now.getTime(),
    },
    ...(Object.keys(route.pathParameters).length > 0 && { pathParameters: route.pathParameters }),
    ...body,
  };
}

function splitTarget(url: string): [string, string] {
  const withoutFragment = url.split('#')[0] ?? '';
  const index = withoutFragment.indexOf('?');
  return index < 0 ? [withoutFragment, ''] : [withoutFragment.slice(0, index), withoutFragment.slice(index + 1)];
}

function collectHeaders(rawHeaders: string[]): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    const value = rawHeaders[index + 1]!;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter(Boolean),
      );
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
}

/** API Gateway adds these; handlers build absolute URLs (`next`, `results_url`) from them. */
function forwardedHeaders(request: IncomingHttpRequest, host: string, forwardedFor: string | undefined) {
  const port = /:(\d+)$/.exec(host)?.[1] ?? '80';
  return {
    'x-forwarded-for': forwardedFor ? `${forwardedFor}, ${request.sourceIp}` : request.sourceIp,
    'x-forwarded-port': port,
    'x-forwarded-proto': 'http',
  };
}

function collectQuery(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    query[key] = key in query ? `${query[key]},${value}` : value;
  }
  return Object.keys(query).length > 0 ? query : undefined;
}

const TEXT_TYPES = [
  /^text\//,
  /^application\/([\w.+-]+\+)?json\b/,
  /^application\/([\w.+-]+\+)?xml\b/,
  /^application\/x-www-form-urlencoded\b/,
  /^application\/(javascript|graphql|yaml|x-yaml|csv)\b/,
];

function encodeBody(
  body: Buffer | undefined,
  contentType: string | undefined,
): { body?: string; isBase64Encoded: boolean } {
  if (!body || body.length === 0) return { isBase64Encoded: false };
  const type = (contentType ?? '').toLowerCase().trim();
  if (type !== '' && TEXT_TYPES.some((pattern) => pattern.test(type)))
    return { body: body.toString('utf8'), isBase64Encoded: false };
  return { body: body.toString('base64'), isBase64Encoded: true };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the format of requestContext.time. */
export function formatRequestTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}
