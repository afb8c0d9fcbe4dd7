import { createLocalJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { ALGORITHM, AUDIENCE, ISSUER, type SigningKeys } from '#local/auth-keys';

/** requestContext.authorizer as the HTTP API JWT authorizer fills it. */
export interface JwtAuthorizerContext {
  jwt: { claims: Record<string, string>; scopes: string[] | null };
}

export type AuthorizerResult = { ok: true; authorizer: JwtAuthorizerContext } | { ok: false; message: string };

export type JwtAuthorizer = (authorizationHeader: string | undefined) => Promise<AuthorizerResult>;

/**
 * Verifies a bearer token the way the API Gateway HTTP API JWT authorizer does: signature against
 * the issuer's key set, `iss`, `aud`, `exp` (required) and `nbf`. The handler is only called when this says ok.
 */
export function createJwtAuthorizer(keys: Pick<SigningKeys, 'publicJwk'>): JwtAuthorizer {
  const keySet = createLocalJWKSet({ keys: [keys.publicJwk] });
  return async (header) => {
    const token = header?.replace(/^Bearer\s+/i, '').trim();
    if (!token) return { ok: false, message: 'Missing bearer token' };
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM, 'RS256'],
        // API Gateway's JWT authorizer refuses a token without exp; a token that never expires is no credential.
        requiredClaims: ['exp'],
      });
      return { ok: true, authorizer: { jwt: { claims: flattenClaims(payload), scopes: scopesOf(payload) } } };
    } catch (error) {
      return { ok: false, message: rejection(error) };
    }
  };
}

/**
 * Claims as API Gateway passes them to the Lambda: strings as-is, numbers and booleans as strings,
 * arrays as `[a b c]` and objects as `map[k:v]` (the authorizer formats them the way Go prints them).
 */
export function flattenClaims(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, formatClaim(value)]));
}

function formatClaim(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(formatClaim).join(' ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `map[${entries.map(([key, inner]) => `${key}:${formatClaim(inner)}`).join(' ')}]`;
  }
  return String(value);
}

function scopesOf(payload: JWTPayload): string[] | null {
  const scope = payload.scope ?? payload.scp;
  if (typeof scope === 'string') return scope.split(' ').filter(Boolean);
  if (Array.isArray(scope)) return scope.map(String);
  return null;
}

function rejection(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `Invalid token: ${error.message}`;
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'Invalid token: signature verification failed';
  }
  return 'Invalid token';
}
