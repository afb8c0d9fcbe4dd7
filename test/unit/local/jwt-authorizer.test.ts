import { importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, generateSigningKeys, ISSUER, type SigningKeys } from '#local/auth-keys';
import { createJwtAuthorizer, flattenClaims } from '#local/jwt-authorizer';
import { mintToken } from '#local/mint-token';

let keys: SigningKeys;
beforeAll(async () => {
  keys = await generateSigningKeys();
});

async function signed(claims: { iss: string; aud: string }): Promise<string> {
  return new SignJWT({ roles: ['staff'] })
    .setProtectedHeader({ alg: 'ES256', kid: keys.kid })
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setExpirationTime('5m')
    .sign(await importJWK(keys.privateJwk, 'ES256'));
}

describe('createJwtAuthorizer', () => {
  it('accepts a token from the local issuer and flattens its claims like API Gateway', async () => {
    const token = await mintToken(keys, {
      sub: 'admin-1',
      roles: ['enterprise_admin', 'learner'],
      enterprise_uuids: ['e1', 'e2'],
    });
    const result = await createJwtAuthorizer(keys)(`Bearer ${token}`);
    expect(result).toEqual({
      ok: true,
      authorizer: {
        jwt: {
          claims: {
            sub: 'admin-1',
            roles: '[enterprise_admin learner]',
            enterprise_uuids: '[e1 e2]',
            iss: 'https://lms-groups.local/issuer',
            aud: 'lms-groups',
            iat: expect.stringMatching(/^\d+$/),
            exp: expect.stringMatching(/^\d+$/),
          },
          scopes: null,
        },
      },
    });
  });

  it('rejects a missing header, a token from another key, a wrong audience and an expired token', async () => {
    const authorize = createJwtAuthorizer(keys);
    const stranger = await generateSigningKeys();
    const now = Math.floor(Date.now() / 1000);
    expect(await authorize(undefined)).toEqual({ ok: false, message: 'Missing bearer token' });
    expect(await authorize('Bearer ')).toMatchObject({ ok: false });
    expect(await authorize(`Bearer ${await mintToken(stranger, { roles: ['staff'] })}`)).toMatchObject({ ok: false });
    expect(await authorize(`Bearer ${await signed({ iss: ISSUER, aud: 'another-api' })}`)).toMatchObject({ ok: false });
    expect(await authorize(`Bearer ${await signed({ iss: 'https://elsewhere', aud: AUDIENCE })}`)).toMatchObject({
      ok: false,
    });
    expect(await authorize(`Bearer ${await signed({ iss: ISSUER, aud: AUDIENCE })}`)).toMatchObject({ ok: true });
    const expired = await mintToken(keys, { roles: ['staff'] }, { issuedAt: now - 100, expiresIn: now - 10 });
    expect(await authorize(`Bearer ${expired}`)).toEqual({ ok: false, message: 'The token has expired' });
    expect(await authorize('Bearer not.a.jwt')).toMatchObject({ ok: false });
  });

  it('rejects a token without exp, as API Gateway does', async () => {
    const endless = await new SignJWT({ roles: ['staff'] })
      .setProtectedHeader({ alg: 'ES256', kid: keys.kid })
      .setSubject('staff-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(await importJWK(keys.privateJwk, 'ES256'));
    expect(await createJwtAuthorizer(keys)(`Bearer ${endless}`)).toMatchObject({ ok: false });
  });
});

describe('flattenClaims', () => {
  it('formats numbers, booleans, arrays and objects as the HTTP API authorizer does', () => {
    expect(flattenClaims({ n: 5, b: true, list: ['a', 'b'], empty: [], obj: { z: 1, a: 'x' }, s: 'plain' })).toEqual({
      n: '5',
      b: 'true',
      list: '[a b]',
      empty: '[]',
      obj: 'map[a:x z:1]',
      s: 'plain',
    });
  });
});
