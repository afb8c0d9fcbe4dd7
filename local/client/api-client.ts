import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './openapi-types';

export type { paths } from './openapi-types';

/** A client of the API typed by its OpenAPI document: paths, parameters, bodies and answers. */
export type ApiClient = Client<paths>;

/** The API at `baseUrl`, every call carrying the bearer token (through `fetch`, when given: tests check every answer). */
export const apiClient = (
  baseUrl: string,
  token?: string,
  fetch?: (request: Request) => Promise<Response>,
): ApiClient =>
  createClient<paths>({
    baseUrl,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(fetch ? { fetch } : {}),
  });

/** The data of an answer, or an Error naming the call, its status and the error body. */
export function answered<T>(call: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    throw new Error(`${call} → ${result.response.status} ${JSON.stringify(result.error ?? null)}`);
  }
  return result.data;
}
