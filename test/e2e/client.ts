import type { JWK } from 'jose';
import { inject } from 'vitest';
import { signingKeysFromPrivateJwk } from '#local/auth-keys';
import { apiClient, type ApiClient } from '#local/client/api-client';
import { type MintOptions, mintToken } from '#local/mint-token';
import { responseContract } from '#test/e2e/response-contract';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    /** Private JWK the e2e stack's authorizer trusts (generated per run). */
    signingJwk: JWK;
    /** The stack's notification outbox (JSON lines), which the local sender appends to. */
    outboxFile: string;
    localStack: {
      endpoints: { dynamodb: string; sqs: string; s3: string };
      tableName: string;
      bucket: string;
      queueUrls: Record<string, string>;
      dlqUrls: Record<string, string>;
    };
  }
}

export const apiUrl = inject('apiUrl');
export const outboxFile = inject('outboxFile');

export interface ApiResponse {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response fields
  json: any;
  text: string;
}

export interface ApiOptions {
  token?: string;
  /** Sent as JSON (with content-type application/json unless `headers` set one). */
  body?: unknown;
  /** Sent as-is, for malformed or non-JSON payloads. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  /**
   * false: the answer is not checked against the OpenAPI document. Only for a raw path that reaches
   * no route and whose answer is not the service's (every other answer, errors included, is checked).
   */
  contract?: false;
}

let checker: Promise<ReturnType<typeof responseContract>> | undefined;
/** The document the stack serves, loaded once: every answer `api()` receives is checked against it. */
const checkAnswer = () =>
  (checker ??= fetch(new URL('/openapi.json', apiUrl))
    .then((r) => r.json())
    .then(responseContract));

/** One HTTP call to the local stack, as a client would make it. */
export async function api(method: string, path: string, options: ApiOptions = {}): Promise<ApiResponse> {
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(new URL(path, apiUrl), { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (options.contract !== false) {
    const problems = (await checkAnswer())(method, new URL(response.url).pathname, {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      contentType,
      text,
    });
    if (problems.length > 0)
      throw new Error(`The answer is not as the OpenAPI document declares:\n${problems.join('\n')}`);
  }
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    json: contentType.includes('json') && text ? JSON.parse(text) : undefined,
    text,
  };
}

/**
 * The typed client (generated from the OpenAPI document, as the admin CLI uses it) against the e2e
 * stack: a call names a documented path, its parameters and body are typechecked, and every answer is
 * checked against the document as api()'s are.
 */
export function typedApi(token?: string): ApiClient {
  return apiClient(apiUrl.replace(/\/$/, ''), token, async (request) => {
    const response = await fetch(request);
    const text = await response.clone().text();
    const problems = (await checkAnswer())(request.method, new URL(response.url).pathname, {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      contentType: response.headers.get('content-type') ?? '',
      text,
    });
    if (problems.length > 0)
      throw new Error(`The answer is not as the OpenAPI document declares:\n${problems.join('\n')}`);
    return response;
  });
}

export interface TokenFor {
  roles: string[];
  enterprises?: string[];
  /** Defaults to `local-<first role>`. */
  sub?: string;
}

const keys = signingKeysFromPrivateJwk(inject('signingJwk'));

/** A token the e2e stack accepts, with the app's claims (`roles`, `enterprise_uuids`). */
export async function tokenFor({ roles, enterprises = [], sub }: TokenFor, options?: MintOptions): Promise<string> {
  return mintToken(await keys, { roles, enterprise_uuids: enterprises, ...(sub && { sub }) }, options);
}

/** A token signed by the stack's key whose claims may have any shape (an IdP's odd or hostile values). */
export async function craftedToken(claims: Record<string, unknown>): Promise<string> {
  return mintToken(await keys, { sub: 'crafted', ...claims } as never);
}
