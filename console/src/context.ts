import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api';
import type { ConsoleConfig, Session } from './session';

export interface Console {
  api: ApiClient;
  session: Session;
  config: ConsoleConfig;
}

export const ConsoleContext = createContext<Console | undefined>(undefined);

/** The signed-in console (pages render only inside it). */
export function useConsole(): Console {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside a signed-in console');
  return value;
}

/** Hash routes (`#/groups/<uuid>/members`): the CDN serves one file and needs no rewrites. */
export function navigate(path: string): void {
  location.hash = `#${path}`;
}
