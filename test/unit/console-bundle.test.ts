import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConsole } from '#console/build';

/** The console's JavaScript budget, gzipped: an admin on a slow link gets the page in a second or two. */
const MAX_GZIPPED_JS = 200 * 1024;

describe('the admin console build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'console-build-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds a page whose JavaScript stays under 200 KB gzipped', async () => {
    await buildConsole(outDir);
    const scripts = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, 'assets', f))).length, 0);
    expect(gzipped).toBeLessThanOrEqual(MAX_GZIPPED_JS);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    // Assets are linked under /console/, where both the local stack and CloudFront serve them.
    expect(html).toMatch(/src="\/console\/assets\/index-[\w-]+\.js"/);
  }, 60_000);
});
