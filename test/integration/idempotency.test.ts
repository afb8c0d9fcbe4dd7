import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '#shared/auth/caller';
import { ConflictError } from '#shared/errors';
import { type IdempotencyRepository, makeIdempotencyRepository } from '#shared/http/idempotency-repository';
import { withIdempotency } from '#shared/http/with-idempotency';
import { createTestTable, documentClient } from './dynamo';

const A = randomUUID();
const B = randomUUID();
const NOW = 1_800_000_000;
let store: IdempotencyRepository;

beforeAll(async () => {
  store = makeIdempotencyRepository(documentClient(), await createTestTable('idempotency'));
});

const callerOf = (sub: string, enterprises: string[], issuer = 'https://idp.test'): Caller => ({
  issuer,
  sub,
  roles: new Set(['enterprise_admin']),
  enterprises: new Set(enterprises),
});

const eventWith = (key: string, headers: Record<string, string> = {}) =>
  ({
    rawPath: '/api/v1/enterprise-group/g/assign_learners',
    headers: { 'idempotency-key': key, ...headers },
    requestContext: { http: { method: 'POST' } },
  }) as unknown as APIGatewayProxyEventV2;

/** Sends one keyed request; says whether the use case ran and what the caller got. */
async function send(
  caller: Caller,
  key: string,
  answer: string,
  at = NOW,
  runningSeconds = 30,
  headers: Record<string, string> = {},
) {
  let ran = false;
  const run = async () => {
    ran = true;
    return { statusCode: 201, headers: {}, body: answer };
  };
  const body = { learners: ['x'] };
  try {
    const response = await withIdempotency(() => store, eventWith(key, headers), caller, body, run, {
      nowSeconds: at,
      runningSeconds,
    });
    return { ran, body: response.body, replayed: response.headers?.['idempotent-replayed'] === 'true' };
  } catch (error) {
    if (error instanceof ConflictError) return { ran, code: error.code };
    throw error;
  }
}

describe('Idempotency-Key records', () => {
  it('replays the first response to the same caller with the same access', async () => {
    const key = randomUUID();
    const admin = callerOf(`admin-${key}`, [A]);
    expect(await send(admin, key, 'first')).toEqual({ ran: true, body: 'first', replayed: false });
    expect(await send(admin, key, 'second')).toEqual({ ran: false, body: 'first', replayed: true });
  });

  it('refuses the key for the same write under another precondition instead of replaying it', async () => {
    const key = randomUUID();
    const admin = callerOf(`admin-${key}`, [A]);
    expect(await send(admin, key, 'first', NOW, 30, { 'If-Match': '"3"' })).toMatchObject({ ran: true });
    expect(await send(admin, key, 'again', NOW, 30, { 'if-match': '"3"' })).toMatchObject({ replayed: true });
    expect(await send(admin, key, 'other', NOW, 30, { 'if-match': '"4"' })).toEqual({
      ran: false,
      code: 'idempotency_key_reused',
    });
    expect(await send(admin, key, 'none')).toEqual({ ran: false, code: 'idempotency_key_reused' });
  });

  it('never replays to a caller whose roles or tenants changed', async () => {
    const key = randomUUID();
    const sub = `shared-admin-${key}`;
    expect(await send(callerOf(sub, [B]), key, "B's data")).toMatchObject({ ran: true });
    expect(await send(callerOf(sub, [A]), key, 'other')).toEqual({ ran: false, code: 'idempotency_key_reused' });
    expect(await send(callerOf(sub, [A, B]), key, 'other')).toEqual({ ran: false, code: 'idempotency_key_reused' });
  });

  it('keeps keys of callers whose sub and key join alike apart', async () => {
    const tag = randomUUID();
    expect(await send(callerOf(`victim-${tag}`, [A]), 'x#k', 'victim')).toMatchObject({ ran: true });
    expect(await send(callerOf(`victim-${tag}#x`, [A]), 'k', 'attacker')).toEqual({
      ran: true,
      body: 'attacker',
      replayed: false,
    });
  });

  it('keeps the same sub of two issuers apart', async () => {
    const key = randomUUID();
    expect(await send(callerOf('same-sub', [A], 'https://idp-one.test'), key, 'one')).toMatchObject({ ran: true });
    expect(await send(callerOf('same-sub', [A], 'https://idp-two.test'), key, 'two')).toMatchObject({
      ran: true,
      body: 'two',
    });
  });

  it('lets a claim whose invocation timed out lapse with the function timeout', async () => {
    const key = randomUUID();
    const admin = callerOf(`admin-${key}`, [A]);
    // A first request whose invocation never ends (a Lambda timeout): it neither completes nor releases its record.
    const running = new Promise<void>((claimed) => {
      const hang = () => {
        claimed();
        return new Promise<never>(() => {});
      };
      void withIdempotency(() => store, eventWith(key), admin, { learners: ['x'] }, hang, {
        nowSeconds: NOW,
        runningSeconds: 30,
      });
    });
    await running;
    expect(await send(admin, key, 'retry', NOW + 10)).toEqual({ ran: false, code: 'idempotency_key_in_progress' });
    expect(await send(admin, key, 'retry', NOW + 31)).toEqual({ ran: true, body: 'retry', replayed: false });
    expect(await send(admin, key, 'again', NOW + 40)).toEqual({ ran: false, body: 'retry', replayed: true });
  });
});
