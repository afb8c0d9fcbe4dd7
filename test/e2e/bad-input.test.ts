import { beforeAll, describe, expect, it } from 'vitest';
import { httpFunctions } from '#functions/catalog';
import { api, type ApiResponse, tokenFor } from './client';
import {
  buildTenant,
  expectEveryRouteCovered,
  type RouteName,
  type RouteRequest,
  routeCases,
  send,
  type TenantObjects,
} from './route-cases';
import { tenantDigest } from './tenant-state';

/**
 * Bad input on every route of the catalog, generated from the OpenAPI document (itself generated
 * from the schemas the handlers validate with): malformed JSON, wrong types, unknown and
 * server-owned fields, oversize strings, lists and bodies, huge page sizes, invalid ids. Each gets
 * a 4xx naming what is wrong, and the tenant's stored state is the same afterwards, item for item.
 */

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  maxLength?: number;
  maxItems?: number;
  maximum?: number;
}

interface Operation {
  parameters: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}

/** Fields only the service sets; a client naming them is refused whichever route it calls. */
const SERVER_OWNED = [
  'member_count',
  'participant_count',
  'version',
  'rule_generation',
  'rule_version',
  'source',
  'removed_by',
  'created',
  'modified',
  'created_by',
  'group_uuid',
  'batch_id',
  'job_id',
  'enterprise_customer_uuid',
  'learner_uuid',
  'type',
];

let t: TenantObjects & { adminToken: string };
let staff: string;
let cases: Record<RouteName, RouteRequest>;
let operations: Record<string, Record<string, Operation>>;
let before: string;
const known = () => ({ courses: [t.courseId, `${t.courseId}-other`], batches: [t.batchId] });

beforeAll(async () => {
  t = await buildTenant('bad-input-admin');
  staff = await tokenFor({ roles: ['staff'], sub: 'bad-input-staff' });
  cases = routeCases(t);
  operations = (await api('GET', '/openapi.json')).json.paths;
  before = await tenantDigest(t.tenant, known());
}, 180_000);

const tokenOf = (request: RouteRequest) => (request.as === 'staff' ? staff : t.adminToken);
const operationOf = (name: RouteName) => {
  const { method, path } = httpFunctions.find((f) => f.name === name)!.trigger;
  return operations[path]![method.toLowerCase()]!;
};

const typesOf = (s: JsonSchema): Set<string> => {
  const out = new Set<string>();
  for (const alt of [s, ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    for (const type of [alt.type ?? []].flat()) out.add(type === 'integer' ? 'number' : type);
    for (const value of [...(alt.enum ?? []), ...('const' in alt ? [alt.const] : [])])
      out.add(value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  }
  return out;
};
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** A value of a JSON type the schema does not allow, or undefined when it allows anything. */
const wrongType = (s: JsonSchema) => {
  const allowed = typesOf(s);
  if (allowed.size === 0) return undefined;
  return [{ nested: true }, 12345, 'wrong-type', true, ['x']].find((v) => !allowed.has(jsonType(v)));
};
/** An invalid value for a path parameter of this schema. */
const badPathValue = (s: JsonSchema) =>
  s.format === 'uuid'
    ? 'not-a-uuid'
    : typesOf(s).has('number')
      ? 'twelve'
      : s.pattern
        ? 'no%20such!id'
        : 'x'.repeat((s.maxLength ?? 1000) + 1);

/** The answer names `field` (`body.name`, `query.page_size`, or `body` with the key in the message). */
function expectRefused(answer: ApiResponse, field: string, key?: string) {
  expect(answer.status, `${field}: ${answer.text.slice(0, 300)}`).toBe(400);
  expect(['validation_error', 'malformed_json']).toContain(answer.json.code);
  const details = answer.json.details as { path: string; message: string }[];
  const named = details.filter((d) => d.path === field || d.path.startsWith(`${field}.`));
  expect(named.length, `${field} named in ${JSON.stringify(details)}`).toBeGreaterThan(0);
  if (key)
    expect(
      named.some((d) => d.message.includes(key)),
      `${key} in ${JSON.stringify(details)}`,
    ).toBe(true);
}

const names = () => Object.keys(cases) as RouteName[];
const withBody = () => names().filter((n) => operationOf(n).requestBody);

describe('bad input on every route', () => {
  it('has a case for every catalog route', () => {
    expectEveryRouteCovered(cases);
  });

  it('refuses invalid path parameters, naming each', async () => {
    for (const name of names()) {
      const { parameters } = operationOf(name);
      const template = httpFunctions.find((f) => f.name === name)!.trigger.path;
      for (const param of parameters.filter((p) => p.in === 'path')) {
        // Fill the template from the valid path, then spoil one parameter.
        const valid = cases[name].path.split('/');
        const spoiled = template
          .split('/')
          .map((part, i) => (part === `{${param.name}}` ? badPathValue(param.schema) : valid[i]))
          .join('/');
        expectRefused(await send(name, cases[name], tokenOf(cases[name]), { path: spoiled }), `path.${param.name}`);
      }
    }
  });

  it('refuses unknown, missing, malformed and huge query parameters, naming each', async () => {
    for (const name of names()) {
      const request = cases[name];
      const query = operationOf(name).parameters.filter((p) => p.in === 'query');
      const token = tokenOf(request);
      if (query.length === 0) continue;
      expectRefused(
        await send(name, request, token, { query: { ...request.query, unexpected_param: '1' } }),
        'query',
        'unexpected_param',
      );
      for (const param of query) {
        if (param.name === 'page_size') {
          for (const size of ['100000', '0', '-1', 'ten', '1e309'])
            expectRefused(
              await send(name, request, token, { query: { ...request.query, page_size: size } }),
              'query.page_size',
            );
        } else if (param.schema.format === 'uuid') {
          expectRefused(
            await send(name, request, token, { query: { ...request.query, [param.name]: 'not-a-uuid' } }),
            `query.${param.name}`,
          );
        } else if (param.schema.maxLength !== undefined && param.schema.maxLength < 5000) {
          expectRefused(
            await send(name, request, token, {
              query: { ...request.query, [param.name]: 'x'.repeat(param.schema.maxLength + 1) },
            }),
            `query.${param.name}`,
          );
        }
        if (param.required) {
          const { [param.name]: _, ...rest } = request.query ?? {};
          expectRefused(await send(name, request, token, { query: rest }), `query.${param.name}`);
        }
      }
    }
  });

  it('refuses malformed JSON, missing bodies and bodies that are not objects', async () => {
    for (const name of withBody()) {
      const request = cases[name];
      const token = tokenOf(request);
      const malformed = await send(name, request, token, { rawBody: '{"name": "unterminated' });
      expect(malformed.json?.code, name).toBe('malformed_json');
      expectRefused(malformed, 'body');
      expectRefused(await send(name, request, token, { body: undefined }), 'body');
      for (const body of [[], 'text', 42, null]) expectRefused(await send(name, request, token, { body }), 'body');
    }
  });

  it('refuses unknown and server-owned fields (mass assignment), naming them', async () => {
    for (const name of withBody()) {
      const request = cases[name];
      const accepted = Object.keys(operationOf(name).requestBody!.content['application/json'].schema.properties ?? {});
      for (const field of ['unexpected_field', ...SERVER_OWNED].filter((f) => !accepted.includes(f))) {
        const body = { ...(request.body as object), [field]: field === 'enterprise_customer_uuid' ? t.tenant : 1 };
        expectRefused(await send(name, request, tokenOf(request), { body }), 'body', field);
      }
    }
  });

  it('refuses every field of the wrong type, too long or with too many items, naming it', async () => {
    for (const name of withBody()) {
      const request = cases[name];
      const schema = operationOf(name).requestBody!.content['application/json'].schema;
      for (const [field, s] of Object.entries(schema.properties ?? {})) {
        const valid = request.body as Record<string, unknown>;
        const wrong = wrongType(s);
        if (wrong !== undefined) {
          expectRefused(
            await send(name, request, tokenOf(request), { body: { ...valid, [field]: wrong } }),
            `body.${field}`,
          );
        }
        const string = [s, ...(s.anyOf ?? [])].find((alt) => alt.maxLength !== undefined);
        if (string && string.maxLength! <= 1_000_000) {
          const long = `${'x'.repeat(string.maxLength!)}@example.com`;
          expectRefused(
            await send(name, request, tokenOf(request), { body: { ...valid, [field]: long } }),
            `body.${field}`,
          );
        }
        const list = [s, ...(s.anyOf ?? [])].find((alt) => alt.maxItems !== undefined);
        if (list && list.maxItems! <= 10_000) {
          const items = Array.from({ length: list.maxItems! + 1 }, (_, i) => `item-${i}`);
          expectRefused(
            await send(name, request, tokenOf(request), { body: { ...valid, [field]: items } }),
            `body.${field}`,
          );
        }
      }
    }
  });

  it('refuses a body whose Lambda event would pass 6 MB with 413, though API Gateway takes 10 MB', async () => {
    const uuids = Array.from({ length: 170_000 }, () => '00000000-0000-4000-8000-000000000000');
    const body = JSON.stringify({ learner_uuids: uuids });
    expect(body.length).toBeLessThan(10 * 1024 * 1024);
    const answer = await send('AssignLearners', cases.AssignLearners, t.adminToken, { rawBody: body });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('Lambda event') });
  });

  it('refuses a body over the 10 MB API Gateway limit with 413 before any handler runs', async () => {
    const huge = JSON.stringify({
      learner_uuids: Array.from({ length: 300_000 }, () => '00000000-0000-4000-8000-000000000000'),
    });
    expect(huge.length).toBeGreaterThan(10 * 1024 * 1024);
    for (const name of withBody()) {
      const answer = await send(name, cases[name], tokenOf(cases[name]), { rawBody: huge });
      expect(answer.status, name).toBe(413);
      expect(answer.json.code).toBe('payload_too_large');
    }
  });

  it('refuses server-owned fields and bad values in bulk learner rows row by row, and writes only the good row', async () => {
    const answer = await api('POST', `/api/v1/enterprise-customer/${t.tenant}/learners/bulk`, {
      token: t.adminToken,
      body: {
        learners: [
          { email: `row-a-${t.tenant}@example.com`, enterprise_customer_uuid: t.tenant },
          { email: `row-b-${t.tenant}@example.com`, version: 7 },
          { email: 'not-an-email' },
          { email: `row-d-${t.tenant}@example.com`, first_name: 'x'.repeat(151) },
          { email: `row-e-${t.tenant}@example.com`, attributes: { level: { nested: true } } },
          'not an object',
          { email: `good-${t.tenant}@example.com` },
        ],
      },
    });
    expect(answer.status).toBe(200);
    const rows = answer.json.results as { index: number; outcome: string; details?: { path: string }[] }[];
    expect(rows.map((r) => r.outcome)).toEqual(['error', 'error', 'error', 'error', 'error', 'error', 'created']);
    const paths = rows.slice(0, 6).map((r) => (r.details ?? []).map((d) => d.path).join(' '));
    expect(paths[1]).toContain('body.learners.1');
    expect(paths[2]).toContain('body.learners.2.email');
    expect(paths[3]).toContain('body.learners.3.first_name');
    expect(paths[4]).toContain('body.learners.4.attributes');
    const listed = await api('GET', `/api/v1/enterprise-customer/${t.tenant}/learners/?search=row-`, {
      token: t.adminToken,
    });
    expect(listed.json.count).toBe(0);
    // The good row is the only change: delete it and the tenant is as it was.
    const good = rows[6] as unknown as { learner_uuid: string };
    expect(
      (
        await api('DELETE', `/api/v1/enterprise-customer/${t.tenant}/learners/${good.learner_uuid}/`, {
          token: t.adminToken,
        })
      ).status,
    ).toBe(204);
  });

  it('refuses a bad If-Match and a bad Idempotency-Key, naming the header', async () => {
    const update = await send('UpdateGroup', cases.UpdateGroup, t.adminToken, { headers: { 'if-match': 'v-one' } });
    expectRefused(update, 'headers.if-match');
    for (const name of withBody()) {
      const answer = await send(name, cases[name], tokenOf(cases[name]), {
        headers: { 'idempotency-key': 'x'.repeat(256) },
      });
      expectRefused(answer, 'headers.idempotency-key');
    }
  });

  it('leaves everything stored for the tenant exactly as it was', async () => {
    expect(await tenantDigest(t.tenant, known())).toBe(before);
  });
});
