import { describe, expect, it, vi } from 'vitest';

describe('config', () => {
  it('takes CSV imports of up to 100 MiB unless MAX_IMPORT_BYTES says otherwise', async () => {
    vi.stubEnv('MAX_IMPORT_BYTES', undefined);
    vi.resetModules();
    expect((await import('#shared/config')).config.maxImportBytes).toBe(100 * 1024 * 1024);
    vi.stubEnv('MAX_IMPORT_BYTES', '2048');
    vi.resetModules();
    expect((await import('#shared/config')).config.maxImportBytes).toBe(2048);
    vi.unstubAllEnvs();
  });
});
