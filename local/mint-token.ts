import { importJWK, SignJWT } from 'jose';
import { ALGORITHM, AUDIENCE, ISSUER, type SigningKeys } from '#local/auth-keys';

export const ROLES = ['staff', 'enterprise_admin', 'learner'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenClaims {
  /** Defaults to `local-<first role>`. */
  sub?: string;
  roles: string[];
  enterprise_uuids?: string[];
  /** Any other claims, for tests that need them. */
  [claim: string]: unknown;
}

export interface MintOptions {
  /** A jose time span ('12h', '30m', '7d') or seconds since the epoch; defaults to 12h. */
  expiresIn?: string | number;
  /** Override iat (tests of expired tokens). */
  issuedAt?: number;
}

/** Signs a token the local JWT authorizer accepts: issuer, audience and key as configured in AWS. */
export async function mintToken(keys: SigningKeys, claims: TokenClaims, options: MintOptions = {}): Promise<string> {
  const { sub, roles, enterprise_uuids = [], ...rest } = claims;
  const key = await importJWK(keys.privateJwk, ALGORITHM);
  const jwt = new SignJWT({ ...rest, roles, enterprise_uuids })
    .setProtectedHeader({ alg: ALGORITHM, kid: keys.kid, typ: 'JWT' })
    .setSubject(sub ?? `local-${roles[0] ?? 'user'}`)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(options.issuedAt)
    .setExpirationTime(options.expiresIn ?? '12h');
  return jwt.sign(key);
}
