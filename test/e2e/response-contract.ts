import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Checks an answer of the local stack against the OpenAPI document it serves: the operation its
 * method and path reach, a declared status (an error may fall to `default`), a declared content type,
 * and the body against that response's schema. An answer no route gave (404 route_not_found, 405) must
 * still be the error body.
 */

interface MediaType {
  schema?: Record<string, unknown>;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
  headers?: Record<string, { required?: boolean; schema?: Record<string, unknown> }>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

export interface Answer {
  status: number;
  /** Lower-cased names. */
  headers?: Record<string, string>;
  contentType: string;
  text: string;
}

interface Route {
  pattern: RegExp;
  /** Literal segments: among the paths a request matches, the most specific wins (API Gateway's rule). */
  literals: number;
  operations: Record<string, Operation>;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

/** The headers a response declares: each required one present, each present one as its schema says. */
function headerProblems(response: ResponseObject, answer: Answer): string[] {
  if (!answer.headers) return [];
  return Object.entries(response.headers ?? {}).flatMap(([name, header]) => {
    const value = answer.headers![name.toLowerCase()];
    if (value === undefined) return header.required ? [`declares the ${name} header, which is missing`] : [];
    const validate = header.schema && ajv.compile(header.schema);
    return !validate || validate(value)
      ? []
      : [`${name}: ${value} is not as declared: ${ajv.errorsText(validate.errors)}`];
  });
}

export function responseContract(served: unknown) {
  const document = served as Document;
  const routes: Route[] = Object.entries(document.paths)
    .map(([path, operations]) => ({
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literals: path.split('/').filter((s) => s && !s.startsWith('{')).length,
      operations,
    }))
    .sort((a, b) => b.literals - a.literals);
  const compiled = new Map<string, ValidateFunction>();

  /** The document's $refs (to components) replaced by what they name: each schema compiles on its own. */
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (node === null || typeof node !== 'object') return node;
    const object = node as Record<string, unknown>;
    const ref = object.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      return inline(document.components.schemas[ref.slice('#/components/schemas/'.length)]);
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, inline(v)]));
  };

  const validator = (key: string, schema: Record<string, unknown>) => {
    let validate = compiled.get(key);
    if (!validate) compiled.set(key, (validate = ajv.compile(inline(schema) as Record<string, unknown>)));
    return validate;
  };

  const errorBody = (answer: Answer, where: string): string[] => {
    if (!/json/.test(answer.contentType))
      return [`${where}: an error answered ${answer.contentType || 'no content type'}, not the JSON error body`];
    const validate = validator('Error', document.components.schemas.Error!);
    return validate(JSON.parse(answer.text))
      ? []
      : [`${where}: not the error body: ${ajv.errorsText(validate.errors)}`];
  };

  /** What is wrong with `answer` to `method path`, by the document; empty when it is as declared. */
  return (method: string, pathname: string, answer: Answer): string[] => {
    const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
    const verb = method.toLowerCase();
    const route = routes.find((r) => r.pattern.test(path) && r.operations[verb]);
    const where = `${method} ${pathname} → ${answer.status}`;
    if (!route) {
      // No route: the catch-all's 404 or 405, which carry the error body.
      if (answer.status < 400) return [`${where}: no operation of the document answers this`];
      return errorBody(answer, where);
    }
    const operation = route.operations[verb]!;
    const declared = operation.responses[String(answer.status)];
    if (!declared && answer.status < 400) {
      return [`${where}: ${operation.operationId} declares no ${answer.status}`];
    }
    const response = declared ?? operation.responses.default;
    if (!response) return [`${where}: ${operation.operationId} declares no ${answer.status} and no default`];
    const headers = headerProblems(response, answer).map((p) => `${where}: ${operation.operationId} ${p}`);
    if (!response.content) {
      return answer.text === ''
        ? headers
        : [...headers, `${where}: ${operation.operationId} declares no body, got ${answer.text.slice(0, 100)}`];
    }
    const mediaType = answer.contentType.split(';')[0]!.trim().toLowerCase();
    const media = response.content[mediaType];
    if (!media) {
      return [
        `${where}: ${operation.operationId} declares ${Object.keys(response.content).join(', ')}, got ${mediaType || 'none'}`,
      ];
    }
    if (!media.schema) return headers;
    const value = mediaType.includes('json') ? JSON.parse(answer.text) : answer.text;
    const validate = validator(`${operation.operationId} ${answer.status} ${mediaType}`, media.schema);
    if (validate(value)) return headers;
    return [
      ...headers,
      `${where}: ${operation.operationId}'s body is not as declared: ${ajv.errorsText(validate.errors, { separator: '; ' })}`,
    ];
  };
}
