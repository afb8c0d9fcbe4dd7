import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, generateClientTypes } from '#local/client/generate-client-types';

describe('the typed client', () => {
  it('keeps the types generated from the current OpenAPI document (npm run client:generate)', async () => {
    expect(readFileSync(CLIENT_TYPES_FILE, 'utf8')).toBe(await generateClientTypes());
  }, 120_000);
});
