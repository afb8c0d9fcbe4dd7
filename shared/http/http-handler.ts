import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type {
  Context,
  APIGatewayProxyEventV2WithJWTAuthorizer as Event,
  APIGatewayProxyStructuredResultV2 as Result,
} from 'aws-lambda';
import type { z } from 'zod';
import { type Caller, callerFromRequest } from '#shared/auth/caller';
import { ValidationError } from '#shared/errors';
import { config } from '#shared/config';
import { withDeadline } from '#shared/invocation-deadline';
import { db } from '#shared/db/client';
import { makeIdempotencyRepository, type IdempotencyRepository } from './idempotency-repository';
import { mapError } from './map-error';
import type { Answer } from './responses';
import { withIdempotency } from './with-idempotency';

let store: IdempotencyRepository | undefined;
const idempotencyStore = () => (store ??= makeIdempotencyRepository(db, config.tableName));

/** What a route accepts, declared once: the handler validates with it and the OpenAPI document is built from it. */
export interface RouteContract {
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body may also be a form (`application/x-www-form-urlencoded` or `multipart/form-data`), as Open edX's views read. */
  forms?: boolean;
  /** Reads If-Match and If-None-Match (RFC 9110 §13.1.1–2): the document declares them, and 412. */
  conditional?: boolean;
  /** Spends rate-limit tokens (shared/throttle): the document declares 429 with Retry-After. */
  rateLimited?: boolean;
  /** Success status and what it returns, for the OpenAPI document. */
  success: ResponseContract;
  /** The route's other answers than `success` and errors (200 or 201 beside it, 202 with a job, 304). */
  also?: ResponseContract[];
}

/** A response header the OpenAPI document describes (see openapi-document.ts). */
export type ResponseHeader = 'etag' | 'location';

/** One answer of a route, for the OpenAPI document. */
export interface ResponseContract {
  status: number;
  description: string;
  headers?: ResponseHeader[];
  /** Its body: JSON, unless `contentType` names another media type (then a string). */
  body?: z.ZodType;
  /** The body's media type when it is not `application/json` (the export's `text/csv`). */
  contentType?: string;
}

/**
 * A schema's output as a handler must build it: the loose objects' index signatures dropped (a domain
 * interface has none), so every declared field is checked and extra fields pass.
 */
type Known<T> = T extends readonly (infer E)[]
  ? Known<E>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;
type BodyOf<R> = R extends { body: z.ZodType } ? Known<z.output<R['body']>> : never;
/** The bodies a route's answers declare: its success and its other answers. */
export type AnswerBody<C extends RouteContract> =
  BodyOf<C['success']> | (C['also'] extends readonly (infer A)[] ? BodyOf<A> : never);

type Parsed<C extends RouteContract, K extends 'params' | 'query' | 'body'> = C[K] extends z.ZodType
  ? z.infer<C[K]>
  : undefined;

export interface Request<C extends RouteContract> {
  params: Parsed<C, 'params'>;
  query: Parsed<C, 'query'>;
  body: Parsed<C, 'body'>;
  caller: Caller;
  event: Event;
}

/**
 * The Lambda context as the middlewares leave it for the handler: the body they read (JSON or a
 * form) and the caller the authorizer's claims name. (Middy hands its main handler the event and the
 * context only, so what the middlewares find travels on the context, typed here.)
 */
type HttpContext = Context & { json?: unknown; caller?: Caller };
type HttpMiddleware = MiddlewareObj<Event, Result, Error, HttpContext>;

/** Parses a JSON body whatever the content type says; malformed JSON is a 400 naming the body. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(
      'The body is not valid JSON',
      [{ path: 'body', message: 'malformed JSON' }],
      'malformed_json',
    );
  }
}

/** The form media types a route that declares `forms` reads, as Django REST framework's parsers do. */
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * A form's fields as an object: a field sent once is a string, a field repeated is the list of its
 * values (in order). A file part, or a body its content type cannot read, is a 400 naming the body.
 */
export async function parseForm(bytes: Buffer, contentType: string): Promise<Record<string, string | string[]>> {
  const malformed = (message: string) =>
    new ValidationError(`The form body cannot be read: ${message}`, [{ path: 'body', message }], 'malformed_form');
  const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData().catch(() => {
    throw malformed('not a well-formed form of its content type');
  });
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string') throw malformed(`${name} is a file; only text fields are read`);
    const before = fields[name];
    fields[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return fields;
}

/**
 * The request body: a form (urlencoded or multipart) on a route that declares `forms`, else JSON
 * whatever the content type says.
 */
const requestBody = (contract: RouteContract): HttpMiddleware => ({
  before: async (request) => {
    const { body, isBase64Encoded } = request.event;
    if (body === undefined || body === '') return;
    const contentType = request.event.headers['content-type'] ?? '';
    request.context.json =
      contract.forms && FORM_TYPES.test(contentType)
        ? await parseForm(Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8'), contentType)
        : parseJson(isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body);
  },
});

/** The caller, from the claims the JWT authorizer verified. */
const authContext = (): HttpMiddleware => ({
  before: (request) => {
    request.context.caller = callerFromRequest({
      claims: request.event.requestContext.authorizer?.jwt?.claims,
      authorization: request.event.headers.authorization,
    });
  },
});

const errorMapper = (): HttpMiddleware => ({
  onError: (request) => {
    request.response = mapError(request.error);
  },
});

/** `value` as `schema` parses it, or a ValidationError naming each problem (bounded: see MAX_DETAILS). */
export function validate<T extends z.ZodType | undefined>(schema: T, value: unknown, where: string) {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const details = issues.slice(0, MAX_DETAILS).map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    message: bounded(i.message),
  }));
  // A body of 400,000 unknown keys must not answer 10 MB (Lambda's synchronous response caps at 6 MB):
  // the first problems are listed, and the rest counted, never dropped silently.
  const listed = details.slice(0, MAX_MESSAGE_DETAILS).map((d) => `${d.path} ${d.message}`);
  const unlisted = issues.length - listed.length;
  const message = `Invalid ${where}: ${listed.join('; ')}${unlisted > 0 ? `; and ${unlisted} more` : ''}`;
  const more = issues.length - details.length;
  if (more > 0) details.push({ path: where, message: `and ${more} more problems` });
  throw new ValidationError(message, details);
}

/** Problems an invalid request's 400 lists in `details`, and in its message. */
const MAX_DETAILS = 100;
const MAX_MESSAGE_DETAILS = 10;
/** Characters of one problem's message (zod names every unknown key in one message). */
const MAX_DETAIL_CHARS = 500;

const bounded = (text: string) =>
  text.length <= MAX_DETAIL_CHARS
    ? text
    : `${text.slice(0, MAX_DETAIL_CHARS)}… (${text.length - MAX_DETAIL_CHARS} more characters)`;

/**
 * Builds every HTTP handler: header normalizer, body (JSON, or a form where the route reads forms), auth context and the error mapper
 * (registered last so that it sees errors first), then path, query and body validated together.
 */
export function httpHandler<C extends RouteContract>(
  contract: C,
  run: (request: Request<C>) => Promise<Answer<AnswerBody<C>>>,
) {
  return middy<Event, Result, Error, HttpContext>()
    .use(httpHeaderNormalizer())
    .use(requestBody(contract))
    .use(authContext())
    .use(errorMapper())
    .handler(async (event, context) => {
      if (contract.body && context.json === undefined) {
        throw new ValidationError(contract.forms ? 'A body is required' : 'A JSON body is required', [
          { path: 'body', message: 'required' },
        ]);
      }
      const request = {
        params: validate(contract.params, event.pathParameters ?? {}, 'path') as Parsed<C, 'params'>,
        query: validate(contract.query, event.queryStringParameters ?? {}, 'query') as Parsed<C, 'query'>,
        body: validate(contract.body, context.json, 'body') as Parsed<C, 'body'>,
        caller: context.caller!,
        event,
      };
      // Only a request that passed validation is remembered under its Idempotency-Key (as Stripe does).
      return withDeadline(context, () =>
        withIdempotency(idempotencyStore, event, request.caller, context.json, () => run(request), {
          runningSeconds: context.getRemainingTimeInMillis() / 1000,
        }),
      );
    });
}
