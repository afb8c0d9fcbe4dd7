import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';

const tenant = randomUUID();
let admin: string;

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same request and refuses another request under the key', async () => {
    const key = randomUUID();
    const body = { name: `Idem ${key}`, enterprise_customer_uuid: tenant };
    const first = await api('POST', '/api/v1/enterprise-group/', {
      token: admin,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    const again = await api('POST', '/api/v1/enterprise-group/', {
      token: admin,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const list = await api(
      'GET',
      `/api/v1/enterprise-group/?enterprise_uuid=${tenant}&search=${encodeURIComponent(key)}`,
      { token: admin },
    );
    expect(list.json.count).toBe(1);

    const other = await api('POST', '/api/v1/enterprise-group/', {
      token: admin,
      body: { ...body, name: 'Another' },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(409);
    expect(other.json.code).toBe('idempotency_key_reused');
  });

  it('remembers a refusal too, and keys belong to one caller', async () => {
    const key = randomUUID();
    const body = { name: `Dup ${key}`, enterprise_customer_uuid: tenant };
    await api('POST', '/api/v1/enterprise-group/', { token: admin, body });
    const refused = await api('POST', '/api/v1/enterprise-group/', {
      token: admin,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(refused.json.code).toBe('group_name_taken');
    const replay = await api('POST', '/api/v1/enterprise-group/', {
      token: admin,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(replay.status).toBe(409);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const someoneElse = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: 'another-admin' });
    const theirs = await api('POST', '/api/v1/enterprise-group/', {
      token: someoneElse,
      body: { name: `Theirs ${key}`, enterprise_customer_uuid: tenant },
      headers: { 'idempotency-key': key },
    });
    expect(theirs.status).toBe(201);
  });
});
