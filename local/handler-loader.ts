import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { repoRoot } from '#local/paths';

export type LambdaHandler<TEvent = unknown, TResult = unknown> = (event: TEvent, context: Context) => Promise<TResult>;

/** Resolves a catalog entry (in this process: local/invoker.ts `inProcess`) (path relative to the repository root) to its exported `handler`. */
export type HandlerLoader = (entry: string) => Promise<LambdaHandler>;

export class MissingHandlerModuleError extends Error {
  override readonly name = 'MissingHandlerModuleError';
}

/**
 * Imports catalog entry modules on first use, once each, resolving `entry` against the repository
 * root. A failed import is not cached, so a handler written while the stack runs is picked up.
 */
export function createHandlerLoader(root: string = repoRoot): HandlerLoader {
  const loaded = new Map<string, Promise<LambdaHandler>>();
  return (entry) => {
    let handler = loaded.get(entry);
    if (!handler) {
      handler = importHandler(resolve(root, entry), entry);
      loaded.set(entry, handler);
      handler.catch(() => loaded.delete(entry));
    }
    return handler;
  };
}

export function entryExists(entry: string, root: string = repoRoot): boolean {
  return existsSync(resolve(root, entry));
}

async function importHandler(file: string, entry: string): Promise<LambdaHandler> {
  if (!existsSync(file)) throw new MissingHandlerModuleError(`handler module ${entry} does not exist`);
  const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler function`);
  return module.handler as LambdaHandler;
}
