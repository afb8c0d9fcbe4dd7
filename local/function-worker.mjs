// The entry of a function's worker thread (local/isolated-invoker.ts). Node 20 does not apply a
// worker's `--import tsx` to the worker's own entry module, so this plain module registers tsx, the
// way `npm start` loads TypeScript, then loads the function's runtime.
import { register } from 'tsx/esm/api';

register();
await import('./function-runtime.ts');
