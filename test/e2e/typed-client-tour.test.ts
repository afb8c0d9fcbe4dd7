import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { answered } from '#local/client/api-client';
import { tokenFor, typedApi } from './client';

/**
 * The README's tour, made by a client generated from the OpenAPI document: every path, parameter,
 * body and answer field below is typechecked against the document, and every answer is checked
 * against it at run time. A contract change that breaks a caller fails here, at `npm run typecheck`.
 */
const tenant = randomUUID();
let client: ReturnType<typeof typedApi>;

beforeAll(async () => {
  client = typedApi(await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant] }));
});

describe('the tour through the typed client', () => {
  it("creates a group, adds a learner and an invitation, reads members, history and the learner's groups", async () => {
    const group = answered(
      'create group',
      await client.POST('/api/v1/enterprise-group', {
        body: { name: `Typed ${randomUUID()}`, enterprise_customer_uuid: tenant, user_limit: 10 },
      }),
    );
    expect(group).toMatchObject({ type: 'manual', member_count: 0, version: 1 });

    const learnerUuid = randomUUID();
    const learner = answered(
      'put learner',
      await client.PUT('/api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}', {
        params: { path: { enterprise_uuid: tenant, learner_uuid: learnerUuid } },
        body: { email: `${learnerUuid}@example.com`, first_name: 'Ada', last_name: 'Lovelace' },
      }),
    );
    expect(learner.email).toBe(`${learnerUuid}@example.com`);

    const assigned = answered(
      'assign',
      await client.POST('/api/v1/enterprise-group/{group_uuid}/assign_learners', {
        params: { path: { group_uuid: group.group_uuid } },
        body: { learner_uuids: [learnerUuid], learner_emails: ['grace@example.com'], permissions: ['PROCTOR'] },
      }),
    );
    if ('job_id' in assigned) throw new Error('two identifiers are assigned at once, not through a job');
    expect(assigned.count).toBe(2);
    expect(assigned.results.map((r) => r.outcome).sort()).toEqual(['added', 'invited']);

    const members = answered(
      'members',
      await client.GET('/api/v1/enterprise-group/{group_uuid}/learners', {
        params: { path: { group_uuid: group.group_uuid }, query: { sort_by: 'email' } },
      }),
    );
    expect(members.count).toBe(2);
    expect(members.results.map((m) => m.member_details.user_email)).toEqual([
      `${learnerUuid}@example.com`,
      'grace@example.com',
    ]);

    const read = await client.GET('/api/v1/enterprise-group/{group_uuid}', {
      params: { path: { group_uuid: group.group_uuid } },
    });
    const etag = read.response.headers.get('etag');
    expect(etag).toMatch(/^"\d+"$/);
    const patched = answered(
      'patch',
      await client.PATCH('/api/v1/enterprise-group/{group_uuid}', {
        params: { path: { group_uuid: group.group_uuid }, header: { 'If-Match': etag! } },
        body: { description: 'typed' },
      }),
    );
    expect(patched.description).toBe('typed');

    const history = answered(
      'history',
      await client.GET('/api/v1/enterprise-group/{group_uuid}/history', {
        params: { path: { group_uuid: group.group_uuid } },
      }),
    );
    expect(history.results.map((e) => e.action)).toEqual(['group_updated', 'memberships_changed', 'group_created']);

    const groups = answered(
      "the learner's groups",
      await client.GET('/api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}/groups', {
        params: { path: { enterprise_uuid: tenant, learner_uuid: learnerUuid } },
      }),
    );
    expect(groups.results.map((g) => g.group_uuid)).toEqual([group.group_uuid]);

    const unknown = answered(
      'assign an identifier that is no uuid',
      await client.POST('/api/v1/enterprise-group/{group_uuid}/assign_learners', {
        params: { path: { group_uuid: group.group_uuid } },
        body: { learner_uuids: ['not-a-uuid'] },
      }),
    );
    if ('job_id' in unknown) throw new Error('one identifier is assigned at once');
    expect(unknown.count).toBe(0);
    expect(unknown.errors.map((e) => e.identifier)).toEqual(['not-a-uuid']);

    const refused = await client.GET('/api/v1/enterprise-group/{group_uuid}', {
      params: { path: { group_uuid: 'not-a-uuid' } },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.details?.map((d) => d.path)).toEqual(['path.group_uuid']);
  });
});
