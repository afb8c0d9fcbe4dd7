import { ForbiddenError, UnauthorizedError } from '#shared/errors';

export type Role = 'staff' | 'enterprise_admin' | 'learner';
const ROLES: readonly Role[] = ['staff', 'enterprise_admin', 'learner'];

/** Who is calling, as the JWT authorizer vouched for it. */
export interface Caller {
  sub: string;
  roles: ReadonlySet<Role>;
  enterprises: ReadonlySet<string>;
}

type ClaimValue = string | number | boolean | string[] | undefined;

/**
 * API Gateway's HTTP API JWT authorizer flattens array claims to a string like `[a b]`;
 * tokens and tests may carry real arrays. Both forms, and a plain space/comma list, are accepted.
 */
export function claimList(value: ClaimValue): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim().replace(/^\[/, '').replace(/\]$/, '');
  return text.split(/[\s,]+/).filter(Boolean);
}

export function callerFromClaims(claims: Record<string, ClaimValue> | undefined): Caller {
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string' || sub === '') throw new UnauthorizedError();
  const roles = claimList(claims.roles ?? claims.role).filter((r): r is Role => (ROLES as string[]).includes(r));
  return { sub, roles: new Set(roles), enterprises: new Set(claimList(claims.enterprise_uuids)) };
}

export const isStaff = (caller: Caller) => caller.roles.has('staff');

/** May this caller administer (read and change everything of) the tenant? */
export function administers(caller: Caller, enterpriseUuid: string): boolean {
  return isStaff(caller) || (caller.roles.has('enterprise_admin') && caller.enterprises.has(enterpriseUuid));
}

/** Whether the caller reads as the learner with this uuid inside this tenant. */
export function isLearnerSelf(caller: Caller, enterpriseUuid: string, learnerUuid: string): boolean {
  return caller.roles.has('learner') && caller.sub === learnerUuid && caller.enterprises.has(enterpriseUuid);
}

export function assertAdministers(caller: Caller, enterpriseUuid: string): void {
  if (!administers(caller, enterpriseUuid)) throw new ForbiddenError(`You may not act on enterprise ${enterpriseUuid}`);
}
