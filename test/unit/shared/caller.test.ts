import { describe, expect, it } from 'vitest';
import { administers, callerFromClaims, claimList, isLearnerSelf } from '#shared/auth/caller';
import { UnauthorizedError } from '#shared/errors';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('claims', () => {
  it('reads array claims in the flattened form the HTTP API JWT authorizer produces', () => {
    expect(claimList('[staff enterprise_admin]')).toEqual(['staff', 'enterprise_admin']);
    expect(claimList(['a', 'b'])).toEqual(['a', 'b']);
    expect(claimList('[]')).toEqual([]);
    expect(claimList(undefined)).toEqual([]);
  });

  it('refuses claims without a subject', () => {
    expect(() => callerFromClaims({ roles: '[staff]' })).toThrow(UnauthorizedError);
    expect(() => callerFromClaims(undefined)).toThrow(UnauthorizedError);
  });

  it('ignores unknown roles', () => {
    const caller = callerFromClaims({ sub: 'x', roles: '[root staff]' });
    expect([...caller.roles]).toEqual(['staff']);
  });
});

describe('tenant access', () => {
  it('lets an enterprise admin administer only its own tenants', () => {
    const admin = callerFromClaims({ sub: 'a', roles: ['enterprise_admin'], enterprise_uuids: `[${A}]` });
    expect(administers(admin, A)).toBe(true);
    expect(administers(admin, B)).toBe(false);
  });

  it('lets staff administer every tenant', () => {
    expect(administers(callerFromClaims({ sub: 's', roles: ['staff'] }), B)).toBe(true);
  });

  it('never lets a learner administer, only read as itself', () => {
    const learner = callerFromClaims({ sub: 'l-1', roles: ['learner'], enterprise_uuids: [A] });
    expect(administers(learner, A)).toBe(false);
    expect(isLearnerSelf(learner, A, 'l-1')).toBe(true);
    expect(isLearnerSelf(learner, A, 'l-2')).toBe(false);
    expect(isLearnerSelf(learner, B, 'l-1')).toBe(false);
  });
});
