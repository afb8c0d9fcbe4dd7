import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSigningKeys } from '#local/auth-keys';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lms-keys-'));
  dirs.push(dir);
  return join(dir, 'keys');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateSigningKeys', () => {
  it('creates a private key file on first use and returns the same pair afterwards', async () => {
    const dir = tempDir();
    const first = await loadOrCreateSigningKeys(dir);
    const second = await loadOrCreateSigningKeys(dir);
    expect(second).toEqual(first);
    expect(first.publicJwk).not.toHaveProperty('d');
    expect(readdirSync(dir)).toEqual(['signing-key.jwk.json']);
    expect(statSync(join(dir, 'signing-key.jwk.json')).mode & 0o777).toBe(0o600);
  });

  it('ends with one key when two processes create it at once', async () => {
    const dir = tempDir();
    const [a, b] = await Promise.all([loadOrCreateSigningKeys(dir), loadOrCreateSigningKeys(dir)]);
    expect(a.kid).toBe(b.kid);
    expect(readdirSync(dir)).toEqual(['signing-key.jwk.json']);
  });
});
