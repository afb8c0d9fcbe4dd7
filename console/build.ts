import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Where the console's sources are; its build goes elsewhere (a git-ignored or temporary folder). */
export const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
/** The folder the CDK app deploys (git-ignored); `npm run console:build` writes it. */
export const consoleDist = fileURLToPath(new URL('./dist', import.meta.url));
/** The path the console is served under, locally and on CloudFront: its asset links are absolute under it. */
export const CONSOLE_BASE = '/console/';

/**
 * Builds the single-page app into `outDir` (emptied first) with Vite's JS API, so `npm start` and the
 * tests need no separate build step and no config file. Resolves to `outDir`.
 */
export async function buildConsole(outDir: string = consoleDist): Promise<string> {
  await build({
    configFile: false,
    envDir: false,
    root: consoleRoot,
    base: CONSOLE_BASE,
    logLevel: 'warn',
    resolve: { alias: { '#local': fileURLToPath(new URL('../local', import.meta.url)) } },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { outDir, emptyOutDir: true, sourcemap: false, target: 'es2022', reportCompressedSize: false },
  });
  return outDir;
}
