import { apiClient, type ApiClient } from '#local/client/api-client';
import type { ConsoleConfig, Session } from './session';

export type { ApiClient };

/** One problem an answer names: `path` is where (`body.name`, `query.cursor`, `headers.if-match`). */
export interface Detail {
  path: string;
  message: string;
}

/** An API error as the page shows it: status, stable code, message and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Detail[] = [],
  ) {
    super(message);
  }
}

/** The typed client on the session's token, against the configured API (this origin by default). */
export function clientFor(session: Session, config: ConsoleConfig, onUnauthorized: () => void): ApiClient {
  const base = config.api_url ?? location.origin;
  return apiClient(base, session.token, async (request) => {
    // Never the browser's HTTP cache: a group's ETag is its version, which membership changes do not
    // move, so a revalidated read (304) would show a stale member_count.
    const answer = await fetch(new Request(request, { cache: 'no-store' }));
    if (answer.status === 401) onUnauthorized();
    return answer;
  });
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of an answer, or an ApiError carrying the error body's code, message and details. */
export async function run<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    throw new ApiError(0, 'network_error', `The API could not be reached: ${(error as Error).message}`);
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}

export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'message' in body) {
    const { code, message, details } = body as { code?: string; message: string; details?: Detail[] };
    return new ApiError(status, code ?? `http_${status}`, message, details ?? []);
  }
  return new ApiError(status, `http_${status}`, `The API answered ${status}`);
}

/** A listing's opaque cursor, read from its `next`/`previous` link. */
export function cursorOf(link: string | null): string | undefined {
  if (!link) return undefined;
  return new URL(link).searchParams.get('cursor') ?? undefined;
}

/** The problems an error names for one form field (`body.<field>` or below it). */
export function fieldErrors(error: unknown, field: string): Detail[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.filter((d) => d.path === `body.${field}` || d.path.startsWith(`body.${field}.`));
}
