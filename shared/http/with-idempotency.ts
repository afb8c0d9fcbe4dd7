import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 as Result } from 'aws-lambda';
import type { Caller } from '#shared/auth/caller';
import { ConflictError, ValidationError } from '#shared/errors';
import type { IdempotencyRepository } from './idempotency-repository';
import { mapError } from './map-error';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What makes two requests "the same": method, path and body (whitespace in the JSON ignored). */
function fingerprint(event: APIGatewayProxyEventV2, json: unknown): string {
  const body = json === undefined ? '' : JSON.stringify(json);
  return createHash('sha256').update(`${event.requestContext.http.method} ${event.rawPath}\n${body}`).digest('hex');
}

/**
 * Idempotency-Key on writes: the first request with a key runs and its response (status, headers,
 * body; not 5xx) is kept for 24 hours; the same key with the same request replays it, with another
 * request is refused (409 `idempotency_key_reused`), and while the first still runs is refused too
 * (409 `idempotency_key_in_progress`). Keys are per caller.
 */
export async function withIdempotency(
  storeOf: () => IdempotencyRepository,
  event: APIGatewayProxyEventV2,
  caller: Caller,
  json: unknown,
  run: () => Promise<Result>,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<Result> {
  const key = event.headers['idempotency-key'];
  if (key === undefined || !WRITES.has(event.requestContext.http.method)) return run();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new ValidationError('Idempotency-Key must be 1 to 255 visible ASCII characters', [
      { path: 'headers.idempotency-key', message: 'invalid' },
    ]);
  }
  const store = storeOf();
  const claim = await store.claim(caller.sub, key, fingerprint(event, json), nowSeconds, IDEMPOTENCY_TTL_SECONDS);
  if (claim.kind === 'reused') {
    throw new ConflictError('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
  }
  if (claim.kind === 'in_progress') {
    throw new ConflictError(
      'idempotency_key_in_progress',
      'The first request with this Idempotency-Key is still running',
    );
  }
  if (claim.kind === 'replay') {
    const { statusCode, headers, body } = claim.response;
    return { statusCode, headers: { ...headers, 'idempotent-replayed': 'true' }, body };
  }
  let response: Result;
  try {
    response = await run();
  } catch (error) {
    response = mapError(error);
  }
  const status = response.statusCode ?? 200;
  if (status >= 500) await store.release(caller.sub, key);
  else {
    const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k, String(v)]));
    await store.complete(caller.sub, key, { statusCode: status, headers, body: response.body });
  }
  return response;
}
