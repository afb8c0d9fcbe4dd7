import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

export class InvalidHandlerResponseError extends Error {
  override readonly name = 'InvalidHandlerResponseError';
}

/**
 * A handler's result as API Gateway (payload 2.0) turns it into an HTTP response. A result without
 * `statusCode` is taken as a JSON body with status 200, as API Gateway does.
 */
export function toHttpResponse(result: unknown): HttpResponse {
  if (!isStructured(result)) {
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(JSON.stringify(result ?? null)),
    };
  }
  const { statusCode, headers = {}, cookies = [], body, isBase64Encoded } = result;
  if (statusCode === undefined || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new InvalidHandlerResponseError(`handler returned an invalid statusCode: ${String(statusCode)}`);
  }
  const normalized = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  if (body !== undefined && typeof body !== 'string') {
    throw new InvalidHandlerResponseError('handler returned a body that is not a string');
  }
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > 0 && !normalized['content-type']) normalized['content-type'] = 'application/json';
  return { statusCode, headers: normalized, cookies: [...cookies], body: bytes };
}

/** The JSON error body the local gateway itself answers with (never from a handler). */
export function gatewayError(statusCode: number, code: string, message: string, headers: Record<string, string> = {}) {
  return toHttpResponse({
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ code, message }),
  } satisfies APIGatewayProxyStructuredResultV2);
}

function isStructured(result: unknown): result is APIGatewayProxyStructuredResultV2 {
  return typeof result === 'object' && result !== null && 'statusCode' in result;
}
