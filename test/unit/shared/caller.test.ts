import { describe, expect, it } from 'vitest';
import { flattenClaims } from '#local/jwt-authorizer';
import { type AuthorizedRequest, administers, callerFromRequest, isLearnerSelf } from '#shared/auth/caller';
import { UnauthorizedError } from '#shared/errors';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const NOW = 1_800_000_000;
const ISS = 'https://idp.test';

/** A request as the HTTP API hands it over: the verified claims flattened, the token in the header. */
function request(claims: Record<string, unknown>): AuthorizedRequest {
  const payload = { iss: ISS, iat: NOW - 60, exp: NOW + 3600, ...claims };
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    claims: flattenClaims(payload),
    authorization: `Bearer ${part({ alg: 'RS256' })}.${part(payload)}.c2ln`,
  };
}
const callerOf = (claims: Record<string, unknown>) => callerFromRequest(request(claims), NOW);

describe('the caller of a request', () => {
  it('reads roles and tenants from the token payload as real arrays', () => {
    const caller = callerOf({ sub: 'a', roles: ['enterprise_admin', 'learner'], enterprise_uuids: [A, B] });
    expect(caller).toEqual({
      issuer: ISS,
      sub: 'a',
      roles: new Set(['enterprise_admin', 'learner']),
      enterprises: new Set([A, B]),
    });
  });

  it('grants nothing for an element that is not exactly a role name, however API Gateway flattens it', () => {
    expect([...callerOf({ sub: 'x', roles: ['learner staff'] }).roles]).toEqual([]);
    expect([...callerOf({ sub: 'x', roles: 'learner,staff' }).roles]).toEqual([]);
    expect([...callerOf({ sub: 'x', roles: '[learner staff]' }).roles]).toEqual([]);
    expect([...callerOf({ sub: 'x', roles: ['root', 'staff '] }).roles]).toEqual([]);
    expect([...callerOf({ sub: 'x', roles: 'staff' }).roles]).toEqual(['staff']);
  });

  it('ignores the legacy role claim', () => {
    expect([...callerOf({ sub: 'x', role: 'staff' }).roles]).toEqual([]);
  });

  it('counts only canonical uuids as tenants, never splitting an element', () => {
    const caller = callerOf({
      sub: 'x',
      roles: ['enterprise_admin'],
      enterprise_uuids: [`${A} ${B}`, `${A},${B}`, 'e1', B],
    });
    expect([...caller.enterprises]).toEqual([B]);
    expect(administers(caller, A)).toBe(false);
  });

  it('refuses list claims of another shape', () => {
    expect(() => callerOf({ sub: 'x', roles: [['staff']] })).toThrow(UnauthorizedError);
    expect(() => callerOf({ sub: 'x', roles: { staff: true } })).toThrow(UnauthorizedError);
    expect(() => callerOf({ sub: 'x', enterprise_uuids: [1] })).toThrow(UnauthorizedError);
  });

  it('refuses a header that is not the token the authorizer verified', () => {
    const verified = request({ sub: 'learner-1', roles: ['learner'] });
    const forged = request({ sub: 'learner-1', roles: ['staff'], exp: NOW + 3599 });
    expect(() => callerFromRequest({ ...verified, authorization: forged.authorization }, NOW)).toThrow(
      UnauthorizedError,
    );
    const otherSub = request({ sub: 'staff-1', roles: ['staff'] });
    expect(() => callerFromRequest({ ...verified, authorization: otherSub.authorization }, NOW)).toThrow(
      UnauthorizedError,
    );
    expect(() => callerFromRequest({ ...verified, authorization: undefined }, NOW)).toThrow(UnauthorizedError);
    expect(() => callerFromRequest({ ...verified, authorization: 'Bearer not-a-jwt' }, NOW)).toThrow(UnauthorizedError);
    expect(() => callerFromRequest({ claims: undefined, authorization: verified.authorization }, NOW)).toThrow(
      UnauthorizedError,
    );
  });

  it('accepts the token without the Bearer prefix, as API Gateway does', () => {
    const verified = request({ sub: 'a', roles: ['staff'] });
    const bare = verified.authorization!.replace('Bearer ', '');
    expect(callerFromRequest({ ...verified, authorization: bare }, NOW).sub).toBe('a');
  });

  it('refuses a token without subject or expiry, or living longer than a day', () => {
    expect(() => callerOf({ roles: ['staff'] })).toThrow(UnauthorizedError);
    expect(() => callerOf({ sub: 'x', roles: ['staff'], exp: undefined })).toThrow(UnauthorizedError);
    expect(() => callerOf({ sub: 'x', roles: ['staff'], iat: NOW, exp: NOW + 24 * 3600 + 1 })).toThrow(
      UnauthorizedError,
    );
    expect(() => callerOf({ sub: 'x', roles: ['staff'], iat: undefined, exp: NOW + 25 * 3600 })).toThrow(
      UnauthorizedError,
    );
    expect(callerOf({ sub: 'x', roles: ['staff'], iat: NOW, exp: NOW + 24 * 3600 }).sub).toBe('x');
  });

  it('refuses a future iat that would stretch a token past a day', () => {
    const future = NOW + 10 * 365 * 86_400;
    expect(() => callerOf({ sub: 'x', roles: ['staff'], iat: future, exp: future + 3600 })).toThrow(UnauthorizedError);
    expect(() => callerOf({ sub: 'x', roles: ['staff'], iat: NOW + 3600, exp: NOW + 24.5 * 3600 })).toThrow(
      UnauthorizedError,
    );
    expect(callerOf({ sub: 'x', roles: ['staff'], iat: NOW + 60, exp: NOW + 3600 }).sub).toBe('x');
  });

  it('refuses a subject that is no OIDC subject: over 255 characters, or not ASCII', () => {
    expect(() => callerOf({ sub: 'a'.repeat(256), roles: ['learner'] })).toThrow(UnauthorizedError);
    expect(() => callerOf({ sub: 'a'.repeat(2100), roles: ['staff'] })).toThrow(UnauthorizedError);
    expect(() => callerOf({ sub: 'ünïcode', roles: ['staff'] })).toThrow(UnauthorizedError);
    expect(callerOf({ sub: 'a'.repeat(255), roles: ['staff'] }).sub).toHaveLength(255);
  });
});

describe('tenant access', () => {
  it('lets an enterprise admin administer only its own tenants', () => {
    const admin = callerOf({ sub: 'a', roles: ['enterprise_admin'], enterprise_uuids: [A] });
    expect(administers(admin, A)).toBe(true);
    expect(administers(admin, B)).toBe(false);
  });

  it('lets staff administer every tenant', () => {
    expect(administers(callerOf({ sub: 's', roles: ['staff'] }), B)).toBe(true);
  });

  it('never lets a learner administer, only read as itself', () => {
    const learner = callerOf({ sub: 'l-1', roles: ['learner'], enterprise_uuids: [A] });
    expect(administers(learner, A)).toBe(false);
    expect(isLearnerSelf(learner, A, 'l-1')).toBe(true);
    expect(isLearnerSelf(learner, A, 'l-2')).toBe(false);
    expect(isLearnerSelf(learner, B, 'l-1')).toBe(false);
  });
});
