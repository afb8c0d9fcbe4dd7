import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, generateClientTypes } from '#local/client/generate';
import { apiClient, ApiError, expectOk } from '#local/client/client';

describe('the typed client', () => {
  it('is generated from the document the API serves: a contract change without `npm run client:generate` fails here', async () => {
    const committed = await readFile(CLIENT_TYPES_FILE, 'utf8');
    expect(committed === (await generateClientTypes()), 'local/client/api.ts is stale: npm run client:generate').toBe(
      true,
    );
  });

  it('sends the token, fills path parameters and the query, and types the call by the document', async () => {
    const seen: Request[] = [];
    const client = apiClient({
      baseUrl: 'http://api.test/',
      token: 't0k',
      fetch: async (request) => {
        seen.push(request);
        return new Response(JSON.stringify({ code: 'not_found', message: 'no such job' }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const call = client.GET('/api/v1/jobs/{job_id}', { params: { path: { job_id: 'a b' } } });
    const failure = await expectOk('GET job', call).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(seen[0]?.url).toBe('http://api.test/api/v1/jobs/a%20b');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer t0k');
  });
});
