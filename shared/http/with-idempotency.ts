import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 as Result } from 'aws-lambda';
import type { Caller } from '#shared/auth/caller';
import { ConflictError, ValidationError } from '#shared/errors';
import type { IdempotencyRepository } from './idempotency-repository';
import { mapError } from './map-error';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Request headers that change what a write does: its preconditions (RFC 9110 §13.1). */
const CONDITIONAL = ['if-match', 'if-none-match'];

/**
 * What makes two requests "the same": method, path, query, preconditions and body (whitespace in the
 * JSON ignored). A retry with another If-Match is another request, never a replay of the first.
 */
function requestFingerprint(event: APIGatewayProxyEventV2, json: unknown): string {
  const body = json === undefined ? '' : JSON.stringify(json);
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const conditions = CONDITIONAL.map((name) => headers[name] ?? '').join('\n');
  const query = event.rawQueryString ?? '';
  return sha256(`${event.requestContext.http.method} ${event.rawPath}?${query}\n${conditions}\n${body}`);
}

/** The caller's access: a replay must not hand back a response the caller may no longer see. */
const accessFingerprint = (caller: Caller) =>
  sha256(JSON.stringify([[...caller.roles].sort(), [...caller.enterprises].sort()]));

/** One record per issuer, subject and key; hashed, so no choice of `#` in a sub or key reaches another's record. */
const recordId = (caller: Caller, key: string) => sha256(JSON.stringify([caller.issuer, caller.sub, key]));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Idempotency-Key on writes: the first request with a key runs and its response (status, headers,
 * body; not 5xx) is kept for 24 hours; the same key with the same request replays it, with another
 * request is refused (409 `idempotency_key_reused`), and while the first still runs is refused too
 * (409 `idempotency_key_in_progress`) until the invocation's time is up (`runningSeconds`: a timed-out
 * invocation never completes its record). Keys are per caller (issuer and sub), and a replay is only
 * for the same roles and tenants: a caller whose access changed is refused, never shown the old answer.
 */
export async function withIdempotency(
  storeOf: () => IdempotencyRepository,
  event: APIGatewayProxyEventV2,
  caller: Caller,
  json: unknown,
  run: () => Promise<Result>,
  times: { nowSeconds?: number; runningSeconds: number },
): Promise<Result> {
  const key = event.headers['idempotency-key'];
  if (key === undefined || !WRITES.has(event.requestContext.http.method)) return run();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new ValidationError('Idempotency-Key must be 1 to 255 visible ASCII characters', [
      { path: 'headers.idempotency-key', message: 'invalid' },
    ]);
  }
  const store = storeOf();
  const record = recordId(caller, key);
  const claim = await store.claim(
    record,
    { request: requestFingerprint(event, json), access: accessFingerprint(caller) },
    {
      nowSeconds: times.nowSeconds ?? Math.floor(Date.now() / 1000),
      ttlSeconds: IDEMPOTENCY_TTL_SECONDS,
      runningSeconds: Math.max(1, Math.ceil(times.runningSeconds)),
    },
  );
  if (claim.kind === 'reused') {
    throw new ConflictError('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
  }
  if (claim.kind === 'access_changed') {
    throw new ConflictError(
      'idempotency_key_reused',
      'This Idempotency-Key was used by this caller with other roles or tenants; use a new key',
    );
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
  if (status >= 500) await store.release(record);
  else {
    const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k, String(v)]));
    await store.complete(record, { statusCode: status, headers, body: response.body });
  }
  return response;
}
