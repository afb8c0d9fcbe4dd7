import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** The only place a `{ statusCode, headers, body }` literal is built. */
export function respond(
  statusCode: number,
  body?: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  if (body === undefined) return { statusCode, headers };
  if (typeof body === 'string') return { statusCode, headers: { 'content-type': 'text/plain', ...headers }, body };
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export const ok = (body: unknown, headers?: Record<string, string>) => respond(200, body, headers);
export const created = (body: unknown, headers?: Record<string, string>) => respond(201, body, headers);
export const accepted = (body: unknown, headers?: Record<string, string>) => respond(202, body, headers);
export const noContent = (headers?: Record<string, string>) => respond(204, undefined, headers);
/** 304: the validators of the representation the client already holds, never a body (RFC 9110 §15.4.5). */
export const notModified = (headers: Record<string, string>) => respond(304, undefined, headers);
