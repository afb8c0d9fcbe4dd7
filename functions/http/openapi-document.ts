import * as z from 'zod';
import { DEFAULT_ROUTE, httpFunctions } from '#functions/catalog';
import { contract, platformContract } from '#functions/http/contract';
import type { ResponseContract, RouteContract } from '#shared/http/http-handler';
import { HEADER_PARAMETERS, openApiComponents, RESPONSE_HEADERS } from './openapi-components';

/** The methods whose requests Idempotency-Key makes safe to retry (shared/http/with-idempotency.ts). */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** The error answers, each with the error body; 429 and 503 say when to retry. */
const ERRORS: Record<number, string> = {
  400: 'invalid request: path, query, headers or body (each problem in details)',
  401: 'no valid bearer token',
  403: "the caller's roles or tenants do not allow this",
  404: 'not found, or not visible to the caller',
  409: 'conflict with the current state, or an Idempotency-Key reused or still running',
  412: 'precondition failed: If-Match does not name the current version, or If-None-Match does',
  429: 'rate limited: retry after Retry-After seconds',
  500: 'internal error: nothing internal in it',
  503: 'the database is over capacity: retry after Retry-After seconds',
};

const json = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;

function response(r: ResponseContract, write: boolean) {
  const headers = {
    ...Object.fromEntries(
      (r.headers ?? []).map((h) => [h === 'etag' ? 'ETag' : 'Location', { ...RESPONSE_HEADERS[h], required: true }]),
    ),
    ...(write && r.status < 500 ? { 'Idempotent-Replayed': ref('headers', 'idempotent-replayed') } : {}),
  };
  const schema = r.body ? json(r.body, 'output') : undefined;
  return {
    description: r.description,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(schema ? { content: { [r.contentType ?? 'application/json']: { schema } } } : {}),
  };
}

function errorResponse(status: number, write: boolean) {
  const retry = status === 429 || status === 503;
  const headers = {
    ...(retry ? { 'Retry-After': { ...RESPONSE_HEADERS['retry-after'], required: true } } : {}),
    ...(write && status < 500 ? { 'Idempotent-Replayed': ref('headers', 'idempotent-replayed') } : {}),
  };
  return {
    description: ERRORS[status],
    ...(Object.keys(headers).length ? { headers } : {}),
    content: { 'application/json': { schema: ref('schemas', 'Error') } },
  };
}

/** The errors a route answers: its input, its caller, what it names, its writes, its limits. */
function errorStatuses(c: RouteContract, jwt: boolean, write: boolean): number[] {
  if (!jwt) return [500];
  return [
    400,
    401,
    403,
    ...(c.params || c.body ? [404] : []),
    ...(write ? [409] : []),
    ...(c.conditional ? [412] : []),
    ...(c.rateLimited ? [429] : []),
    500,
    503,
  ];
}

function parameters(where: 'path' | 'query', schema: z.ZodType | undefined) {
  if (!schema) return [];
  const doc = json(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(doc.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (doc.required ?? []).includes(name),
    schema: s,
  }));
}

/** JSON, and where the route reads forms (Open edX's bulk_enroll), the same fields as a form. */
function requestContent(body: z.ZodType, forms: boolean | undefined) {
  const schema = json(body, 'input');
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
    const c = ({ ...platformContract, ...contract } as Record<string, RouteContract>)[fn.name];
    if (!c) throw new Error(`${fn.name} has no contract (functions/http/contract.ts)`);
    const { method, path, auth } = fn.trigger;
    const write = WRITES.has(method) && auth === 'jwt';
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      operationId: fn.name,
      summary: c.summary,
      security: auth === 'jwt' ? [{ bearer: [] }] : [],
      parameters: [
        ...parameters('path', c.params),
        ...parameters('query', c.query),
        // Inline, not referenced: a reader filtering parameters by `in` finds them.
        ...(c.conditional ? [HEADER_PARAMETERS['if-match'], HEADER_PARAMETERS['if-none-match']] : []),
        ...(write ? [HEADER_PARAMETERS['idempotency-key']] : []),
      ],
      ...(c.body ? { requestBody: { required: true, content: requestContent(c.body, c.forms) } } : {}),
      responses: {
        ...Object.fromEntries([c.success, ...(c.also ?? [])].map((r) => [String(r.status), response(r, write)])),
        ...Object.fromEntries(errorStatuses(c, auth === 'jwt', write).map((s) => [String(s), errorResponse(s, write)])),
        default: {
          description: 'any other error, with the error body',
          content: { 'application/json': { schema: ref('schemas', 'Error') } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'LMS groups, memberships and bulk enrollment',
      version: '0.1.0',
      description:
        "Groups of a tenant's learners (manual or by rules), their memberships, learners, branches, course batches and enrollments (Open edX's enterprise-group and bulk_enroll APIs), and the jobs that apply big requests. Every answer is declared here with its body; errors are `{code, message, details}` (docs/errors.md).",
      license: { name: 'UNLICENSED', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [
      { url: 'http://127.0.0.1:3000', description: 'the local stack (npm start)' },
      {
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
        description: "a deployed stage (API Gateway's default endpoint)",
        variables: { apiId: { default: 'api-id' }, region: { default: 'eu-west-1' } },
      },
    ],
    components: openApiComponents(),
    paths,
  };
}
