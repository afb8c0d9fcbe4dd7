import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFunctions } from '#functions/catalog';
import { generateSigningKeys } from '#local/auth-keys';
import { CONSOLE_PREFIX, consoleHandler } from '#local/console-server';
import { createJwtAuthorizer } from '#local/jwt-authorizer';

describe('the local console routes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-files-'));
  let server: Server;
  let base: string;
  let keys: Awaited<ReturnType<typeof generateSigningKeys>>;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    keys = await generateSigningKeys();
    server = createServer(consoleHandler({ dir, keys, s3Endpoint: 'http://127.0.0.1:9', bucket: 'imports-bucket' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shares no path with an API route, so none exists only locally', () => {
    const clashes = httpFunctions.filter(
      (fn) => fn.trigger.type === 'http' && fn.trigger.path.startsWith(CONSOLE_PREFIX),
    );
    expect(clashes).toEqual([]);
  });

  it('serves the page, its hashed assets as immutable, and nothing outside its folder', async () => {
    const page = await fetch(`${base}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const asset = await fetch(`${base}/console/assets/index-abc.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/console/..%2f..%2fetc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
  });

  it('relays only a PUT under the imports area of the bucket', async () => {
    const elsewhere = await fetch(`${base}/console/local/s3/imports-bucket/results/x.csv`, {
      method: 'PUT',
      body: 'a',
    });
    expect(elsewhere.status).toBe(405);
  });

  it('mints a token the local authorizer accepts, for the role and tenant picked', async () => {
    const tenant = '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10';
    const answer = await fetch(`${base}/console/local/token`, {
      method: 'POST',
      body: JSON.stringify({ role: 'enterprise_admin', enterprise_uuid: tenant }),
    });
    expect(answer.status).toBe(200);
    const { token } = (await answer.json()) as { token: string };
    expect(decodeJwt(token)).toMatchObject({ roles: ['enterprise_admin'], enterprise_uuids: [tenant] });
    expect(await createJwtAuthorizer(keys)(`Bearer ${token}`)).toMatchObject({ ok: true });
  });

  it('refuses an unknown role or a tenant that is no uuid, naming the field', async () => {
    const mint = (body: object) => fetch(`${base}/console/local/token`, { method: 'POST', body: JSON.stringify(body) });
    const badRole = await mint({ role: 'boss' });
    expect(badRole.status).toBe(400);
    expect(await badRole.json()).toMatchObject({ details: [{ path: 'body.role' }] });
    const badTenant = await mint({ role: 'enterprise_admin', enterprise_uuid: 'acme' });
    expect(await badTenant.json()).toMatchObject({ details: [{ path: 'body.enterprise_uuid' }] });
  });
});
