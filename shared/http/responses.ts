import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

declare const body: unique symbol;

/**
 * A response whose body is a `T`, in its type only: httpHandler checks it against the bodies the
 * route's contract declares (a handler answering a drifted shape fails the typecheck).
 */
export type Answer<T> = APIGatewayProxyStructuredResultV2 & { readonly [body]?: T };

/** The only place a `{ statusCode, headers, body }` literal is built. */
export function respond<T = unknown>(statusCode: number, body?: T, headers: Record<string, string> = {}): Answer<T> {
  if (body === undefined) return { statusCode, headers };
  if (typeof body === 'string') return { statusCode, headers: { 'content-type': 'text/plain', ...headers }, body };
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export const ok = <T>(body: T, headers?: Record<string, string>) => respond(200, body, headers);
export const created = <T>(body: T, headers?: Record<string, string>) => respond(201, body, headers);
export const accepted = <T>(body: T, headers?: Record<string, string>) => respond(202, body, headers);
export const noContent = (headers?: Record<string, string>) => respond<never>(204, undefined, headers);
/** 304: the validators of the representation the client already holds, never a body (RFC 9110 §15.4.5). */
export const notModified = (headers: Record<string, string>) => respond<never>(304, undefined, headers);
