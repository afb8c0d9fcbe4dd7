import { describe, expect, it } from 'vitest';
import { generateSigningKeys } from '#local/auth-keys';
import { mintToken } from '#local/mint-token';
import { api, tokenFor } from './client';

const GROUPS = '/api/v1/enterprise-group/';

describe('GET /health', () => {
  it('answers without a token and shows where the local emulators are', async () => {
    const res = await api('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'ok',
      local: {
        s3_endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        sqs_endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        dynamodb_endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        table: 'lms-groups',
        imports_bucket: 'lms-groups-imports',
      },
    });
  });

  it('accepts a trailing slash', async () => {
    const res = await api('GET', '/health/');
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('ok');
  });
});

describe('the local gateway', () => {
  it('answers 404 route_not_found for an unknown path', async () => {
    const res = await api('GET', '/no/such/route');
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('route_not_found');
  });

  it('answers 405 method_not_allowed for a known path with another method', async () => {
    const res = await api('DELETE', '/health');
    expect(res.status).toBe(405);
    expect(res.json.code).toBe('method_not_allowed');
    expect(res.headers.allow).toBe('GET');
  });

  it('rejects bodies over 10 MB with 413 before any handler runs', async () => {
    const res = await api('POST', GROUPS, {
      rawBody: 'x'.repeat(10 * 1024 * 1024 + 1),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(413);
    expect(res.json.code).toBe('payload_too_large');
  });
});

describe('the JWT authorizer on protected routes', () => {
  it('answers 401 without a token', async () => {
    const res = await api('GET', GROUPS);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ code: 'unauthorized', message: expect.any(String) });
  });

  it('answers 401 for a token signed by another key', async () => {
    const stranger = await generateSigningKeys();
    const token = await mintToken(stranger, { roles: ['staff'] });
    const res = await api('GET', GROUPS, { token });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('unauthorized');
  });

  it('answers 401 for an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await tokenFor({ roles: ['staff'] }, { issuedAt: now - 7200, expiresIn: now - 3600 });
    const res = await api('GET', GROUPS, { token });
    expect(res.status).toBe(401);
    expect(res.json.message).toMatch(/expired/i);
  });

  it('lets a valid token through to the handler', async () => {
    const res = await api('GET', GROUPS, { token: await tokenFor({ roles: ['staff'] }) });
    expect(res.status).not.toBe(401);
    expect(res.json?.code).not.toBe('unauthorized');
  });
});
