import { fileURLToPath } from 'node:url';

/** The repository root: catalog entry paths, tsconfig.json and package-lock.json are relative to it. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
