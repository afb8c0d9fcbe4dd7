/**
 * The API's typed client: openapi-fetch over the types generated from the OpenAPI document
 * (`./api.ts`), so a call names a documented path and method, its parameters and body are checked,
 * and its answer is typed by the status the document declares for it.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './api';

export type { components, operations, paths };
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** The API's base URL, e.g. http://127.0.0.1:3000 or the deployed stage's URL. */
  baseUrl: string;
  /** A bearer token (JWT) sent on every call. */
  token?: string | undefined;
  /** Another fetch (tests use it to observe every answer). */
  fetch?: (request: Request) => Promise<Response>;
}

export function apiClient({ baseUrl, token, fetch }: ApiClientOptions): ApiClient {
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/$/, ''),
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    ...(fetch ? { fetch } : {}),
  });
}

/** The JSON body of an operation's answer with this status. */
export type AnswerOf<
  Op extends keyof operations,
  Status extends keyof operations[Op]['responses'],
> = operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } } ? Body : never;

/** A non-2xx answer as an Error that names the call, the status and the error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    call: string,
  ) {
    super(`${call} → ${status} ${JSON.stringify(body)}`);
    this.name = 'ApiError';
  }
}

/** The body of a successful answer, or an ApiError. */
export async function expectOk<T>(
  call: string,
  answer: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok) throw new ApiError(response.status, error, call);
  return data as T;
}
