import { describe, expect, it } from 'vitest';
import { httpFunctions } from '#functions/catalog';
import { createRouteTable, type HttpFunction } from '#functions/http/route-table';

const route = createRouteTable(httpFunctions);

const fn = (name: string, method: HttpFunction['trigger']['method'], path: string): HttpFunction => ({
  name,
  entry: `functions/http/${name}.ts`,
  trigger: { type: 'http', method, path, auth: 'jwt' },
  access: {},
});

describe('createRouteTable', () => {
  it('matches a literal path with and without a trailing slash', () => {
    expect(route('GET', '/health')).toMatchObject({ kind: 'found', routeKey: 'GET /health', pathParameters: {} });
    expect(route('GET', '/health/')).toMatchObject({ kind: 'found', routeKey: 'GET /health' });
  });

  it('extracts and URL-decodes path parameters', () => {
    const match = route('PUT', '/api/v1/enterprise-customer/t%201/learners/l%2F2/');
    expect(match).toMatchObject({
      kind: 'found',
      fn: { name: 'PutLearner' },
      routeKey: 'PUT /api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}',
      pathParameters: { enterprise_uuid: 't 1', learner_uuid: 'l/2' },
    });
  });

  it('prefers a literal segment over a parameter at the same position', () => {
    expect(route('GET', '/api/v1/enterprise-group/legacy/42')).toMatchObject({
      fn: { name: 'GetGroupByLegacyId' },
      pathParameters: { legacy_id: '42' },
    });
    expect(route('POST', '/api/v1/enterprise-customer/e1/learners/bulk')).toMatchObject({
      fn: { name: 'BulkUpsertLearners' },
    });
    expect(route('GET', '/api/v1/enterprise-customer/e1/learners/bulk')).toMatchObject({
      fn: { name: 'GetLearner' },
      pathParameters: { learner_uuid: 'bulk' },
    });
  });

  it('prefers the literal even when a parameter route of the same length exists', () => {
    const table = createRouteTable([
      fn('ByParam', 'GET', '/things/{id}/learners'),
      fn('ByLiteral', 'GET', '/things/legacy/{legacy_id}'),
    ]);
    expect(table('GET', '/things/legacy/learners')).toMatchObject({ fn: { name: 'ByLiteral' } });
    expect(table('GET', '/things/abc/learners')).toMatchObject({ fn: { name: 'ByParam' } });
  });

  it('supports greedy {proxy+} parameters with the lowest priority', () => {
    const table = createRouteTable([fn('Files', 'GET', '/files/{key+}'), fn('Index', 'GET', '/files/index')]);
    expect(table('GET', '/files/a/b/c.csv')).toMatchObject({
      fn: { name: 'Files' },
      pathParameters: { key: 'a/b/c.csv' },
    });
    expect(table('GET', '/files/index')).toMatchObject({ fn: { name: 'Index' } });
  });

  it('reports method_not_allowed with the allowed methods of a known path', () => {
    expect(route('POST', '/health')).toEqual({ kind: 'method_not_allowed', allowed: ['GET'] });
    const match = route('PUT', '/api/v1/enterprise-group/abc');
    expect(match.kind).toBe('method_not_allowed');
    expect(match.kind === 'method_not_allowed' && [...match.allowed].sort()).toEqual(['DELETE', 'GET', 'PATCH']);
  });

  it('reports not_found for unknown paths, extra segments and bad percent-encoding', () => {
    expect(route('GET', '/nope')).toEqual({ kind: 'not_found' });
    expect(route('GET', '/health/extra')).toEqual({ kind: 'not_found' });
    expect(route('GET', '/api/v1/enterprise-group/%E0%A4%A')).toEqual({ kind: 'not_found' });
  });

  it('refuses a catalog with two routes of the same shape', () => {
    expect(() => createRouteTable([fn('A', 'GET', '/x/{a}'), fn('B', 'GET', '/x/{b}')])).toThrow(/overlap/);
  });
});
