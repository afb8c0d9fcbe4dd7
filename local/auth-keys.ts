import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { defaultKeysDir } from '#local/paths';

/** What the HTTP API's JWT authorizer is configured with in AWS; the local stack uses the same values. */
export const ISSUER = 'https://lms-groups.local/issuer';
export const AUDIENCE = 'lms-groups';
export const ALGORITHM = 'ES256';

/** A signing key pair as plain JWKs, so it can be stored in a file or handed to a vitest worker. */
export interface SigningKeys {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const KEY_FILE = 'signing-key.jwk.json';

/** A fresh in-memory key pair (tests). */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return signingKeysFromPrivateJwk(await exportJWK(privateKey));
}

export async function signingKeysFromPrivateJwk(jwk: JWK): Promise<SigningKeys> {
  const { d: _private, ...publicPart } = jwk;
  const kid = await calculateJwkThumbprint(publicPart);
  return {
    kid,
    privateJwk: { ...jwk, kid, alg: ALGORITHM, use: 'sig' },
    publicJwk: { ...publicPart, kid, alg: ALGORITHM, use: 'sig' },
  };
}

/**
 * The key pair kept in `.local/keys/` (created on first use), shared by `npm start` and `npm run token`
 * so a token minted by the CLI is accepted by a running stack. Creation is atomic: two processes
 * starting at once end up with the same key.
 */
export async function loadOrCreateSigningKeys(dir: string = defaultKeysDir): Promise<SigningKeys> {
  const file = join(dir, KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return signingKeysFromPrivateJwk(existing);

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keys = await generateSigningKeys();
  const temp = join(dir, `.${KEY_FILE}.${randomUUID()}`);
  writeFileSync(temp, `${JSON.stringify(keys.privateJwk, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return signingKeysFromPrivateJwk(readKeyFile(file)!);
  } finally {
    unlinkSync(temp);
  }
}

function readKeyFile(file: string): JWK | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read the local signing key ${file}: delete it to create a new one`, { cause: error });
  }
}
