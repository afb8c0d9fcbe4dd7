import { ForbiddenError, UnauthorizedError } from '#shared/errors';

export type Role = 'staff' | 'enterprise_admin' | 'learner';
const ROLES: readonly Role[] = ['staff', 'enterprise_admin', 'learner'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The longest a token may live (exp − iat, or exp − now without iat): a leaked token is worth a day at most. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** Clocks of the IdP and of this service may differ by this much. */
const CLOCK_SKEW_SECONDS = 300;

/** OpenID Connect Core 1.0 §2: a `sub` is at most 255 ASCII characters (it becomes part of keys here). */
const SUBJECT = /^[\x20-\x7e]{1,255}$/;

/** Who is calling, as the JWT authorizer vouched for it. */
export interface Caller {
  /** The token's issuer: with `sub`, the caller's identity (two IdPs may issue the same sub). */
  issuer: string;
  sub: string;
  roles: ReadonlySet<Role>;
  enterprises: ReadonlySet<string>;
}

/** What reaches the Lambda: the claims API Gateway verified (flattened to strings) and the request's headers. */
export interface AuthorizedRequest {
  claims: Record<string, string | number | boolean | string[]> | undefined;
  authorization: string | undefined;
}

/**
 * The caller of a request the HTTP API JWT authorizer let through. The authorizer flattens array
 * claims to `"[a b]"`, which loses element boundaries (`["learner staff"]` and `["learner", "staff"]`
 * read alike), so roles and tenants are read from the token's own JSON payload, whose signature the
 * authorizer checked; the flattened `sub`, `iss` and `exp` must agree with it, or the header is not
 * the token that was verified. Only exact role names and canonical uuids count: any other element
 * grants nothing. A token without `exp`, issued in the future, or living longer than a day (from its
 * `iat` or from now), and a `sub` that is no OIDC subject (1 to 255 ASCII characters), are refused.
 */
export function callerFromRequest(
  { claims, authorization }: AuthorizedRequest,
  nowSeconds = Date.now() / 1000,
): Caller {
  if (!claims) throw new UnauthorizedError();
  const payload = tokenPayload(authorization);
  const { sub, iss, exp, iat } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof iss !== 'string' || typeof exp !== 'number') {
    throw new UnauthorizedError('The token must carry sub, iss and exp');
  }
  if (String(claims.sub) !== sub || String(claims.iss) !== iss || Number(claims.exp) !== exp) {
    throw new UnauthorizedError('The token does not match the verified claims');
  }
  if (!SUBJECT.test(sub)) throw new UnauthorizedError('The token subject must be 1 to 255 ASCII characters');
  // Lifetime from issue, and what is left from now: a future iat must not stretch a token past a day.
  if (typeof iat === 'number' && iat > nowSeconds + CLOCK_SKEW_SECONDS) {
    throw new UnauthorizedError('The token is issued in the future');
  }
  const issuedAt = typeof iat === 'number' ? iat : nowSeconds;
  if (Math.max(exp - issuedAt, exp - nowSeconds) > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new UnauthorizedError(`The token lives longer than ${MAX_TOKEN_LIFETIME_SECONDS / 3600} hours`);
  }
  const roles = exactElements(payload.roles, 'roles').filter((r): r is Role =>
    (ROLES as readonly string[]).includes(r),
  );
  const enterprises = exactElements(payload.enterprise_uuids, 'enterprise_uuids').filter((e) => UUID.test(e));
  return { issuer: iss, sub, roles: new Set(roles), enterprises: new Set(enterprises) };
}

/** The JSON payload of a compact JWS token (bare or after `Bearer`, as API Gateway takes it); the authorizer checked its signature. */
function tokenPayload(authorization: string | undefined): Record<string, unknown> {
  const token = authorization?.trim().match(/^(?:Bearer\s+)?([\w-]+\.[\w-]+\.[\w-]*)$/i)?.[1];
  const payload = token?.split('.')[1];
  if (!payload) throw new UnauthorizedError();
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // falls through to the refusal
  }
  throw new UnauthorizedError('The token payload is not a JSON object');
}

/**
 * A list claim as the token carries it: a JSON array of strings, or one string (an IdP that emits a
 * single value unwrapped). Elements are never split: `"learner,staff"` is one element, which names no role.
 */
function exactElements(value: unknown, claim: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((element) => typeof element === 'string')) return value;
  throw new UnauthorizedError(`The ${claim} claim must be an array of strings`);
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
