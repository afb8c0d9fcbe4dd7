import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#functions/http/openapi-document';
import { responseContract } from '#test/e2e/response-contract';

const check = responseContract(JSON.parse(JSON.stringify(openApiDocument())));
const json = (status: number, body: unknown) => ({
  status,
  contentType: 'application/json',
  text: JSON.stringify(body),
});

const GROUP = '/api/v1/enterprise-group/0b4f1a6e-4a3b-4c2d-9e1f-2a3b4c5d6e7f/';
const group = {
  group_uuid: '0b4f1a6e-4a3b-4c2d-9e1f-2a3b4c5d6e7f',
  name: 'Sales',
  enterprise_customer_uuid: '1c5a2b7f-5b4c-4d3e-8f2a-3b4c5d6e7f80',
  description: null,
  type: 'manual',
  status: 'active',
  external_id: null,
  legacy_id: 7,
  user_limit: null,
  member_count: 0,
  notification_emails: [],
  tags: [],
  learning_modules: [],
  removal_guard: { max_percent: 20, min_removals: 50 },
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  version: 1,
};

describe('the e2e client’s check of answers against the OpenAPI document', () => {
  it('accepts a declared answer, with fields the schema does not name', () => {
    expect(check('GET', GROUP, json(200, { ...group, added_later: true }))).toEqual([]);
    expect(check('DELETE', GROUP, { status: 204, contentType: '', text: '' })).toEqual([]);
  });

  it('refuses a drifted field, a missing one and a wrong type', () => {
    const { name: _name, ...unnamed } = group;
    expect(check('GET', GROUP, json(200, unnamed))).not.toEqual([]);
    expect(check('GET', GROUP, json(200, { ...group, version: '1' }))).not.toEqual([]);
    expect(check('GET', GROUP, json(200, { ...group, created: 'yesterday' }))).not.toEqual([]);
  });

  it('refuses an undeclared success status and an undeclared content type', () => {
    expect(check('GET', GROUP, json(201, group))).toEqual([expect.stringContaining('declares no 201')]);
    expect(check('GET', GROUP, { status: 200, contentType: 'text/plain', text: 'x' })).not.toEqual([]);
    expect(check('DELETE', GROUP, json(204, {}))).not.toEqual([]);
  });

  it('requires the headers an answer declares as always sent, as their schemas say', () => {
    const createdGroup = json(201, group);
    const location = 'http://127.0.0.1:3000/api/v1/enterprise-group/0b4f1a6e-4a3b-4c2d-9e1f-2a3b4c5d6e7f/';
    expect(check('POST', '/api/v1/enterprise-group', { ...createdGroup, headers: { etag: '"1"', location } })).toEqual(
      [],
    );
    expect(check('POST', '/api/v1/enterprise-group', { ...createdGroup, headers: { etag: '"1"' } })).toEqual([
      expect.stringContaining('Location header, which is missing'),
    ]);
    expect(
      check('POST', '/api/v1/enterprise-group', { ...createdGroup, headers: { etag: 'W/"1"', location } }),
    ).toEqual([expect.stringContaining('ETag')]);
    const limited = json(429, { code: 'rate_limited', message: 'slow down', details: [] });
    expect(check('POST', '/api/v1/enterprise-group/preview', { ...limited, headers: {} })).toEqual([
      expect.stringContaining('Retry-After'),
    ]);
  });

  it('holds every error answer, declared or not, to the error body', () => {
    expect(check('GET', GROUP, json(404, { code: 'group_not_found', message: 'No group', details: [] }))).toEqual([]);
    expect(check('GET', GROUP, json(418, { code: 'teapot', message: 'short and stout' }))).toEqual([]);
    expect(check('GET', GROUP, json(404, { error: 'not found' }))).not.toEqual([]);
  });

  it('picks the literal path over a template, and checks answers no route gave as errors', () => {
    expect(check('POST', '/api/v1/enterprise-group/preview', json(201, group))).toEqual([
      expect.stringContaining('PreviewRuleset declares no 201'),
    ]);
    expect(check('GET', '/nowhere', json(404, { code: 'route_not_found', message: 'No route' }))).toEqual([]);
    expect(check('GET', '/nowhere', json(200, {}))).not.toEqual([]);
  });
});

describe('the examples of the OpenAPI document', () => {
  it('are answers their own schemas accept, so a schema change that leaves an example behind fails here', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const addFormats = (await import('ajv-formats')).default as unknown as (a: InstanceType<typeof Ajv2020>) => void;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const document = JSON.parse(JSON.stringify(openApiDocument()));
    ajv.addSchema({ $id: 'doc', components: document.components });
    const found: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${where}/${i}`));
      if (!node || typeof node !== 'object') return;
      const schema = node as { examples?: unknown[] };
      if (Array.isArray(schema.examples) && ('type' in schema || 'properties' in schema)) {
        const { examples, ...rest } = schema;
        const resolved = JSON.parse(JSON.stringify(rest).replaceAll('"#/components', '"doc#/components'));
        const validate = ajv.compile(resolved);
        for (const example of examples) {
          found.push(where);
          expect(validate(example), `${where}: ${JSON.stringify(validate.errors)}`).toBe(true);
        }
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'examples') visit(value, `${where}/${key}`);
    };
    visit(document, '#');
    expect(found.length).toBeGreaterThanOrEqual(6);
  });
});
