/** The request headers operations read: conditional requests (RFC 9110 §13.1.1–2) and Idempotency-Key. */
export const HEADER_PARAMETERS = {
  'if-match': {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      '* or a list of entity-tags ("3", "4"): the request applies only if the current version is one of them (strong comparison: a weak W/"3" never matches) or, for *, exists; else 412. Malformed: 400 naming headers.if-match.',
    schema: { type: 'string' },
  },
  'if-none-match': {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description:
      '* or a list of entity-tags: on a read, 304 (ETag, no body) when one names the current version (weak comparison) or for *; on a write, 412 then.',
    schema: { type: 'string' },
  },
  'idempotency-key': {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
  },
};

/** The response headers that are always sent where declared (inlined in the responses, with required: true). */
export const RESPONSE_HEADERS = {
  etag: {
    description: 'The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match.',
    schema: { type: 'string', pattern: '^"[0-9]+"$' },
  },
  location: {
    description: 'RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL',
    schema: { type: 'string', format: 'uri' },
  },
  'retry-after': {
    description: 'Seconds to wait before retrying (RFC 9110 §10.2.3)',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
};

/** What the operations of the OpenAPI document share: the error body, the headers, the security scheme. */
export function openApiComponents() {
  return {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    schemas: {
      Error: {
        type: 'object',
        description: 'Every error answer (docs/errors.md): a stable code, a message, and the problems of the input.',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          details: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'message'],
              properties: { path: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        examples: [
          {
            code: 'validation_error',
            message: 'The request is not valid',
            details: [{ path: 'body.learner_uuids.3', message: 'Invalid UUID' }],
          },
        ],
      },
    },
    headers: {
      'idempotent-replayed': {
        description: 'true: this is the stored answer of an earlier request with the same Idempotency-Key',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  };
}
