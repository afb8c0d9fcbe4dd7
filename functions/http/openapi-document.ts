import * as z from 'zod';
import { DEFAULT_ROUTE, httpFunctions } from '#functions/catalog';
import { contract } from '#functions/http/contract';
import type { ResponseContract, ResponseHeader, RouteContract } from '#shared/http/http-handler';

const ErrorBody = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

/** The response headers routes declare (ResponseContract.headers). */
const RESPONSE_HEADERS: Record<ResponseHeader, Record<string, unknown>> = {
  etag: {
    description: 'The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match.',
    schema: { type: 'string', pattern: '^"[0-9]+"$' },
  },
  location: {
    description: 'RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL',
    schema: { type: 'string', format: 'uri' },
  },
};

/** The conditional-request headers (RFC 9110 §13.1.1–2) a `conditional` route reads. */
const CONDITIONAL_HEADERS = [
  {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      '* or a list of entity-tags ("3", "4"): the request applies only if the current version is one of them (strong comparison: a weak W/"3" never matches) or, for *, exists; else 412. Malformed: 400 naming headers.if-match.',
    schema: { type: 'string' },
  },
  {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description:
      '* or a list of entity-tags: on a read, 304 (ETag, no body) when one names the current version (weak comparison) or for *; on a write, 412 then.',
    schema: { type: 'string' },
  },
];

const errorContent = { 'application/json': { schema: ErrorBody } };

function response(r: ResponseContract) {
  return {
    description: r.description,
    ...(r.headers?.length
      ? { headers: Object.fromEntries(r.headers.map((h) => [h === 'etag' ? 'ETag' : 'Location', RESPONSE_HEADERS[h]])) }
      : {}),
    ...(r.body ? { content: { 'application/json': { schema: json(r.body) } } } : {}),
  };
}

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

function parameters(where: 'path' | 'query', schema: z.ZodType | undefined) {
  if (!schema) return [];
  const doc = json(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(doc.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (doc.required ?? []).includes(name),
    schema: s,
  }));
}

/** JSON, and where the route reads forms (Open edX's bulk_enroll), the same fields as a form. */
function requestContent(body: z.ZodType, forms: boolean | undefined) {
  const schema = json(body);
  if (!forms) return { 'application/json': { schema } };
  return {
    'application/json': { schema },
    'application/x-www-form-urlencoded': { schema },
    'multipart/form-data': { schema },
  };
}

/** OpenAPI 3.1 document of every catalog route, generated from the schemas the handlers validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const fn of httpFunctions.filter((f) => f.trigger.path !== DEFAULT_ROUTE)) {
    const route = (contract as Record<string, (typeof contract)[keyof typeof contract]>)[fn.name];
    const { method, path, auth } = fn.trigger;
    const c = route as RouteContract | undefined;
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      operationId: fn.name,
      summary: c?.summary ?? fn.name,
      security: auth === 'jwt' ? [{ bearer: [] }] : [],
      parameters: [
        ...parameters('path', c?.params),
        ...parameters('query', c?.query),
        ...(c?.conditional ? CONDITIONAL_HEADERS : []),
      ],
      ...(c?.body ? { requestBody: { required: true, content: requestContent(c.body, c.forms) } } : {}),
      responses: {
        ...Object.fromEntries(
          [c?.success ?? { status: 200, description: 'ok' }, ...(c?.also ?? [])].map((r) => [
            String(r.status),
            response(r),
          ]),
        ),
        ...(c?.conditional
          ? {
              '412': {
                description: 'precondition failed: If-Match does not name the current version, or If-None-Match does',
                content: errorContent,
              },
            }
          : {}),
        default: { description: 'error', content: errorContent },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'LMS groups, memberships and bulk enrollment', version: '0.1.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
