import * as z from 'zod';
import { DEFAULT_ROUTE, httpFunctions } from '#functions/catalog';
import { contract } from '#functions/http/contract';

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

/** OpenAPI 3.1 document of every catalog route, generated from the schemas the handlers validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const fn of httpFunctions.filter((f) => f.trigger.path !== DEFAULT_ROUTE)) {
    const route = (contract as Record<string, (typeof contract)[keyof typeof contract]>)[fn.name];
    const { method, path, auth } = fn.trigger;
    const c = route as
      | {
          summary?: string;
          params?: z.ZodType;
          query?: z.ZodType;
          body?: z.ZodType;
          success?: { status: number; description: string };
        }
      | undefined;
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      operationId: fn.name,
      summary: c?.summary ?? fn.name,
      security: auth === 'jwt' ? [{ bearer: [] }] : [],
      parameters: [...parameters('path', c?.params), ...parameters('query', c?.query)],
      ...(c?.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: json(c.body) } } } }
        : {}),
      responses: {
        [String(c?.success?.status ?? 200)]: { description: c?.success?.description ?? 'ok' },
        default: { description: 'error', content: { 'application/json': { schema: ErrorBody } } },
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
