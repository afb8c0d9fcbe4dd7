import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';
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
 * OWASP API1 (broken object level authorization), swept over every catalog route: a token of
 * tenant B aimed at tenant A's objects gets 403 or 404, and so do B's own calls that name A's
 * learners, groups or batches; a learner's token reaches its own record, groups and enrollments
 * and nothing else. Neither tenant's stored state changes. The same requests, sent by a tenant's
 * own admin, succeed: the refusals are authorization, not bad requests.
 */

type Tenant = TenantObjects & { adminToken: string };
let a: Tenant;
let b: Tenant;
let staff: string;
const digests: Record<string, string> = {};
const known = (t: Tenant) => ({ courses: [t.courseId, `${t.courseId}-other`], batches: [t.batchId] });

beforeAll(async () => {
  [a, b] = await Promise.all([buildTenant('isolation-admin-a'), buildTenant('isolation-admin-b')]);
  staff = await tokenFor({ roles: ['staff'], sub: 'isolation-staff' });
  digests.a = await tenantDigest(a.tenant, known(a));
  digests.b = await tenantDigest(b.tenant, known(b));
}, 180_000);

const refused = (status: number) => status === 403 || status === 404;

/** What each route answers its own tenant's admin (the order runs deletes last). */
const OWN_STATUS: Record<RouteName, number> = {
  CreateGroup: 201,
  PreviewRuleset: 200,
  ListGroups: 200,
  GetGroupByLegacyId: 200,
  GetGroup: 200,
  UpdateGroup: 200,
  RecalculateGroup: 202,
  ListConditionsHistory: 200,
  ExplainMembership: 200,
  ExportGroupMembers: 200,
  ListGroupLearners: 200,
  ListGroupHistory: 200,
  AssignLearners: 200,
  RemoveLearners: 200,
  PutLearner: 200,
  GetLearner: 200,
  ListLearners: 200,
  ListLearnerGroups: 200,
  BulkUpsertLearners: 200,
  PutBranch: 200,
  ListBranches: 200,
  CreateImportUpload: 201,
  ListJobs: 200,
  GetJob: 200,
  ListJobResults: 200,
  // The recalculation job of the fixture has ended: aborting it is refused for that reason, not for the caller.
  AbortJob: 409,
  GetTenantSettings: 200,
  PutTenantSettings: 200,
  // Nor does it wait for an approval of held removals.
  ApproveJob: 409,
  CancelJob: 409,
  // It has ended, so its own tenant's admin may undo it (a fresh tenant each run: the first revert).
  RevertJob: 202,
  BulkEnroll: 200,
  CreateBatch: 201,
  GetBatch: 200,
  AddBatchParticipants: 200,
  ListBatchParticipants: 200,
  ListCourseEnrollments: 200,
  ListEnrollmentAudit: 200,
  UpdateEnrollment: 200,
  RemoveBatchParticipants: 200,
  ListLearnerEnrollments: 200,
  ListEvents: 200,
  CreateWebhook: 201,
  ListWebhooks: 200,
  GetWebhook: 200,
  UpdateWebhook: 200,
  RotateWebhookSecret: 200,
  ListWebhookDeliveries: 200,
  // No delivery is logged (the sweep's stack reads no change stream): the own admin finds none.
  RedeliverWebhookEvent: 404,
  DeleteWebhook: 204,
  DeleteLearner: 204,
  DeleteGroup: 204,
};

/** Routes through which a learner reads its own data. */
const LEARNER_OWN: RouteName[] = [
  'GetLearner',
  'ListLearnerEnrollments',
  'ListLearnerGroups',
  'GetGroup',
  'ListGroups',
];

describe('tenant isolation (BOLA) on every route', () => {
  it('has a case for every catalog route', () => {
    expectEveryRouteCovered(routeCases(a));
    expectEveryRouteCovered(OWN_STATUS);
  });

  // The first call of each route starts its function's worker (a cold start, 1-3 s each on a loaded
  // 2-core machine), so the sweep gets a budget per route rather than the suite's 60 s.
  it("refuses tenant B's admin every route on tenant A's objects", { timeout: 5_000 * 40 }, async () => {
    const cases = routeCases(a);
    const answers: string[] = [];
    for (const name of Object.keys(OWN_STATUS) as RouteName[]) {
      const answer = await send(name, cases[name], b.adminToken);
      if (!refused(answer.status)) answers.push(`${name} → ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(answers).toEqual([]);
  });

  it("refuses B's own calls that name A's learners, groups and batches", async () => {
    const own = routeCases(b);
    const group = `/api/v1/enterprise-group/${b.groupUuid}`;
    // Each answer entry, with the identifier swapped for the unknown one it is compared with.
    const unknown = randomUUID();
    const entries = async (request: RouteRequest, name: RouteName) => {
      const answer = await send(name, request, b.adminToken);
      expect(answer.status, `${name} ${answer.text.slice(0, 200)}`).toBeLessThan(300);
      return [...(answer.json.results ?? []), ...(answer.json.skipped ?? []), ...(answer.json.errors ?? [])].map(
        (r: { identifier: string; outcome: string }) => ({
          ...r,
          identifier: r.identifier === a.learnerUuid ? unknown : r.identifier,
        }),
      );
    };
    // A's learner uuid answers exactly as an unknown uuid: the same entry, outcome and message.
    const asUnknown = async (path: string, name: RouteName, body: (uuid: string) => Record<string, unknown>) => {
      const [theirs, missing] = [
        await entries({ path, body: body(a.learnerUuid) }, name),
        await entries({ path, body: body(unknown) }, name),
      ];
      expect(theirs, name).toEqual(missing);
      return missing.map((r: { outcome: string }) => r.outcome);
    };
    expect(await asUnknown(`${group}/assign_learners`, 'AssignLearners', (u) => ({ learner_uuids: [u] }))).toEqual([
      'not_found',
    ]);
    expect(
      (await entries({ path: `${group}/assign_learners`, body: { group_uuids: [a.groupUuid] } }, 'AssignLearners')).map(
        (r: { outcome: string }) => r.outcome,
      ),
    ).toEqual(['not_found']);
    expect(await asUnknown(`${group}/remove_learners`, 'RemoveLearners', (u) => ({ learner_uuids: [u] }))).toEqual([
      'not_found',
    ]);
    expect(
      await asUnknown(`/api/v1/batches/${b.batchId}/participants/add`, 'AddBatchParticipants', (u) => ({
        identifier_type: 'user_id',
        identifiers: [u],
      })),
    ).toEqual(['not_found']);

    const refusals: [RouteName, RouteRequest][] = [
      [
        'ExplainMembership',
        { path: `/api/v1/enterprise-group/${b.automaticGroupUuid}/learners/${a.learnerUuid}/explain` },
      ],
      [
        'PreviewRuleset',
        { ...own.PreviewRuleset, body: { ...(own.PreviewRuleset.body as object), group_uuid: a.automaticGroupUuid } },
      ],
      ['GetLearner', { path: `/api/v1/enterprise-customer/${b.tenant}/learners/${a.learnerUuid}` }],
      [
        'ListLearnerEnrollments',
        { path: `/api/v1/enterprise-customer/${b.tenant}/learners/${a.learnerUuid}/enrollments` },
      ],
      ['DeleteLearner', { path: `/api/v1/enterprise-customer/${b.tenant}/learners/${a.learnerUuid}` }],
      // A's subscription named under B's own tenant: B's admin finds no such subscription.
      ['GetWebhook', { path: `/api/v1/enterprise-customer/${b.tenant}/webhooks/${a.webhookId}` }],
      [
        'UpdateWebhook',
        { path: `/api/v1/enterprise-customer/${b.tenant}/webhooks/${a.webhookId}`, body: { enabled: false } },
      ],
      [
        'RotateWebhookSecret',
        { path: `/api/v1/enterprise-customer/${b.tenant}/webhooks/${a.webhookId}/rotate-secret` },
      ],
      ['ListWebhookDeliveries', { path: `/api/v1/enterprise-customer/${b.tenant}/webhooks/${a.webhookId}/deliveries` }],
      ['DeleteWebhook', { path: `/api/v1/enterprise-customer/${b.tenant}/webhooks/${a.webhookId}` }],
      [
        'UpdateEnrollment',
        {
          path: `/api/v1/courses/${a.courseId}/enrollments/${a.learnerUuid}`,
          body: { status: 'completed', enterprise_customer_uuid: b.tenant },
        },
      ],
    ];
    for (const [name, request] of refusals) {
      const answer = await send(name, request, b.adminToken);
      expect(
        refused(answer.status),
        `${name} ${JSON.stringify(request)} → ${answer.status} ${answer.text.slice(0, 200)}`,
      ).toBe(true);
    }
    // A's learner uuid is no learner of B: B's admin finds no groups of it (200, as Open edX), never A's.
    for (const query of [
      { learner_uuid: a.learnerUuid },
      { enterprise_uuid: b.tenant, learner_uuid: a.learnerUuid },
    ] as Record<string, string>[]) {
      const groups = await send('ListGroups', { path: '/api/v1/enterprise-group', query }, b.adminToken);
      expect(groups.status, groups.text).toBe(200);
      expect(groups.json).toMatchObject({ count: 0, results: [] });
    }
    // B's feed filtered by A's group holds nothing of A (the feed's partitions name the tenant).
    const feed = await send(
      'ListEvents',
      { path: `/api/v1/enterprise-customer/${b.tenant}/events`, query: { group_uuid: a.groupUuid } },
      b.adminToken,
    );
    expect(feed.status, feed.text).toBe(200);
    expect(feed.json).toMatchObject({ count: 0, results: [] });
    // B's view of a course id A also uses holds only B's enrollments.
    const course = await send(
      'ListCourseEnrollments',
      { path: `/api/v1/courses/${a.courseId}/enrollments`, query: { enterprise_customer_uuid: b.tenant } },
      b.adminToken,
    );
    expect(
      course.json.results.map((e: { enterprise_customer_uuid: string }) => e.enterprise_customer_uuid),
    ).not.toContain(a.tenant);
  });

  it("lets a learner's token reach its own record, groups and enrollments, and nothing else", async () => {
    const learner = await tokenFor({ roles: ['learner'], enterprises: [a.tenant], sub: a.learnerUuid });
    const cases = routeCases(a);
    const leaks: string[] = [];
    for (const name of Object.keys(OWN_STATUS) as RouteName[]) {
      const answer = await send(name, cases[name], learner);
      const allowed = LEARNER_OWN.includes(name);
      if (allowed ? answer.status !== 200 : !refused(answer.status))
        leaks.push(`${name} → ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
    const groups = await send('ListGroups', cases.ListGroups, learner);
    expect(groups.json.results.map((g: { group_uuid: string }) => g.group_uuid).sort()).toEqual(
      [a.groupUuid, a.automaticGroupUuid].sort(),
    );
    // Only the learner projection of its groups: no ruleset, addresses, tags, ids, limits or rule processing.
    const projection = ['description', 'enterprise_customer_uuid', 'group_uuid', 'name', 'status', 'type'];
    const ownGroup = await send('GetGroup', cases.GetGroup, learner);
    for (const view of [...groups.json.results, ownGroup.json]) expect(Object.keys(view).sort()).toEqual(projection);
    for (const field of ['ruleset', 'notification_emails', 'tags', 'external_id', 'legacy_id', 'user_limit'])
      expect(JSON.stringify([groups.json, ownGroup.json])).not.toContain(`"${field}"`);
    expect((await send('GetGroup', cases.GetGroup, a.adminToken)).json).toHaveProperty('legacy_id');
    const enrollments = await send('ListLearnerEnrollments', cases.ListLearnerEnrollments, learner);
    expect(enrollments.json.results.every((e: { learner_uuid: string }) => e.learner_uuid === a.learnerUuid)).toBe(
      true,
    );

    // Another learner's data, and a group the learner is not in, read as missing or forbidden.
    const other = await tokenFor({
      roles: ['learner'],
      enterprises: [a.tenant],
      sub: '00000000-0000-4000-8000-00000000aaaa',
    });
    for (const name of ['GetLearner', 'ListLearnerEnrollments', 'ListLearnerGroups', 'GetGroup'] as const) {
      expect(refused((await send(name, cases[name], other)).status), name).toBe(true);
    }
    expect(
      refused(
        (await send('ListGroups', { path: '/api/v1/enterprise-group', query: { learner_uuid: a.learnerUuid } }, other))
          .status,
      ),
    ).toBe(true);
    expect(refused((await send('GetGroup', { path: `/api/v1/enterprise-group/${b.groupUuid}` }, learner)).status)).toBe(
      true,
    );
  });

  it('leaves both tenants exactly as they were', async () => {
    expect(await tenantDigest(a.tenant, known(a))).toBe(digests.a);
    expect(await tenantDigest(b.tenant, known(b))).toBe(digests.b);
  });

  it("answers the same requests, sent by a tenant's own admin, as a valid request", async () => {
    const c = await buildTenant('isolation-admin-c');
    const cases = routeCases(c);
    const wrong: string[] = [];
    for (const [name, status] of Object.entries(OWN_STATUS) as [RouteName, number][]) {
      const answer = await send(name, cases[name], cases[name].as === 'staff' ? staff : c.adminToken);
      if (answer.status !== status)
        wrong.push(`${name} → ${answer.status} (expected ${status}) ${answer.text.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    expect((await api('GET', `/api/v1/enterprise-group/${c.groupUuid}/`, { token: c.adminToken })).status).toBe(404);
  });
});

describe('learner uuids per tenant over HTTP (no oracle, no squatting)', () => {
  const learnerPath = (tenant: string, uuid: string) => `/api/v1/enterprise-customer/${tenant}/learners/${uuid}/`;
  const twoTenants = async () => {
    const [x, y] = [randomUUID(), randomUUID()];
    return {
      x,
      y,
      adminX: await tokenFor({ roles: ['enterprise_admin'], enterprises: [x] }),
      adminY: await tokenFor({ roles: ['enterprise_admin'], enterprises: [y] }),
    };
  };

  it('lets a tenant provision a learner uuid another tenant created first, each keeping its own learner', async () => {
    const { x, y, adminX, adminY } = await twoTenants();
    const uuid = randomUUID();
    const first = await api('PUT', learnerPath(x, uuid), {
      token: adminX,
      body: { email: `x-${uuid}@example.com`, first_name: 'Xena' },
    });
    expect(first.status).toBe(201);
    const second = await api('PUT', learnerPath(y, uuid), {
      token: adminY,
      body: { email: `y-${uuid}@example.com`, first_name: 'Yara' },
    });
    expect(second.status, second.text).toBe(201);
    const bulk = await api('POST', `/api/v1/enterprise-customer/${y}/learners/bulk`, {
      token: adminY,
      body: { learners: [{ learner_uuid: uuid, email: `y-${uuid}@example.com`, first_name: 'Yolanda' }] },
    });
    expect(bulk.json.results).toEqual([expect.objectContaining({ outcome: 'updated' })]);

    expect((await api('GET', learnerPath(x, uuid), { token: adminX })).json).toMatchObject({
      email: `x-${uuid}@example.com`,
      first_name: 'Xena',
      version: 1,
    });
    const self = await tokenFor({ roles: ['learner'], enterprises: [y], sub: uuid });
    expect((await api('GET', learnerPath(y, uuid), { token: self })).json).toMatchObject({
      enterprise_customer_uuid: y,
      email: `y-${uuid}@example.com`,
      first_name: 'Yolanda',
    });
    expect((await api('DELETE', learnerPath(x, uuid), { token: adminX })).status).toBe(204);
    expect((await api('GET', learnerPath(y, uuid), { token: adminY })).status).toBe(200);
  });

  it("answers another tenant's learner uuid exactly as an unknown uuid, on reads and on assign", async () => {
    const { x, y, adminX, adminY } = await twoTenants();
    const theirs = randomUUID();
    const unknown = randomUUID();
    expect(
      (await api('PUT', learnerPath(y, theirs), { token: adminY, body: { email: `${theirs}@example.com` } })).status,
    ).toBe(201);
    const group = await api('POST', '/api/v1/enterprise-group/', {
      token: adminX,
      body: { name: `Oracle ${x}`, enterprise_customer_uuid: x },
    });
    // Each answer with the uuid written as `<uuid>`, so the two can be compared whole.
    const answer = async (method: string, path: (uuid: string) => string, body?: (uuid: string) => unknown) => {
      const shapes = [];
      for (const uuid of [theirs, unknown]) {
        const res = await api(method, path(uuid), { token: adminX, body: body?.(uuid) });
        shapes.push({ status: res.status, body: res.text.replaceAll(uuid, '<uuid>') });
      }
      expect(shapes[0]).toEqual(shapes[1]);
      return shapes[1]!;
    };
    expect((await answer('GET', (u) => learnerPath(x, u))).status).toBe(404);
    expect((await answer('GET', (u) => `${learnerPath(x, u)}enrollments`)).status).toBe(404);
    const assigned = await answer(
      'POST',
      () => `/api/v1/enterprise-group/${group.json.group_uuid}/assign_learners`,
      (u) => ({ learner_uuids: [u] }),
    );
    expect(JSON.parse(assigned.body).errors).toEqual([
      { identifier: '<uuid>', outcome: 'not_found', message: 'no learner with this uuid' },
    ]);
    // As in Open edX, an admin filtering its tenant's groups by a uuid that is no learner there finds none.
    const listed = await answer('GET', (u) => `/api/v1/enterprise-group/?enterprise_uuid=${x}&learner_uuid=${u}`);
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body)).toMatchObject({ count: 0, results: [] });
  });
});

describe('held jobs, as_of reads and feed cursors across tenants', () => {
  const GROUPS = '/api/v1/enterprise-group';

  /** Tenant X with a learner in a group whose guard holds any removal, emptied by a `remove_all` that waits. */
  async function heldRemoval() {
    const [x, y] = [randomUUID(), randomUUID()];
    const learner = randomUUID();
    const adminX = await tokenFor({ roles: ['enterprise_admin'], enterprises: [x] });
    const adminY = await tokenFor({ roles: ['enterprise_admin'], enterprises: [y] });
    const learnerX = await tokenFor({ roles: ['learner'], enterprises: [x], sub: learner });
    const noRoleX = await tokenFor({ roles: [], enterprises: [x] });
    const put = await api('PUT', `/api/v1/enterprise-customer/${x}/learners/${learner}/`, {
      token: adminX,
      body: { email: `${learner}@example.com` },
    });
    expect(put.status, put.text).toBe(201);
    const group = await api('POST', `${GROUPS}/`, {
      token: adminX,
      body: { name: `Held ${x}`, enterprise_customer_uuid: x, removal_guard: { max_percent: 0, min_removals: 1 } },
    });
    expect(group.status, group.text).toBe(201);
    const groupUuid = group.json.group_uuid as string;
    const assigned = await api('POST', `${GROUPS}/${groupUuid}/assign_learners`, {
      token: adminX,
      body: { learner_uuids: [learner] },
    });
    expect(assigned.json.count, assigned.text).toBe(1);
    const removal = await api('POST', `${GROUPS}/${groupUuid}/remove_learners`, {
      token: adminX,
      body: { remove_all: true },
    });
    expect(removal.status, removal.text).toBe(202);
    const jobId = removal.json.job_id as string;
    const deadline = Date.now() + 60_000;
    let status = '';
    while (status !== 'awaiting_approval' && Date.now() < deadline) {
      status = (await api('GET', `/api/v1/jobs/${jobId}/`, { token: adminX })).json.status;
      if (status !== 'awaiting_approval') await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('awaiting_approval');
    return { x, y, learner, groupUuid, jobId, adminX, adminY, learnerX, noRoleX };
  }

  it("refuses another tenant's admin, a learner and a token without a role the approval, cancel and revert of a held job", async () => {
    const t = await heldRemoval();
    const answers: string[] = [];
    for (const [who, token] of [
      ['admin of Y', t.adminY],
      ['learner of X', t.learnerX],
      ['no role in X', t.noRoleX],
    ] as const) {
      for (const action of ['approve', 'cancel', 'revert']) {
        const answer = await api('POST', `/api/v1/jobs/${t.jobId}/${action}`, { token });
        if (!refused(answer.status))
          answers.push(`${action} by ${who} → ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
    expect(answers).toEqual([]);
    // Nothing was decided: the job still waits and the member is still in.
    expect((await api('GET', `/api/v1/jobs/${t.jobId}/`, { token: t.adminX })).json.status).toBe('awaiting_approval');
    expect((await api('GET', `${GROUPS}/${t.groupUuid}/`, { token: t.adminX })).json.member_count).toBe(1);
    // The same call by X's own admin is a decision, not a refusal.
    const cancelled = await api('POST', `/api/v1/jobs/${t.jobId}/cancel`, { token: t.adminX });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
  });

  it("refuses another tenant's admin and a learner the membership of X's group as of a moment, and reads X's group cursor in Y's feed as Y's", async () => {
    const t = await heldRemoval();
    const asOf = encodeURIComponent(new Date().toISOString());
    const refusals: [string, string][] = [
      [t.adminY, `${GROUPS}/${t.groupUuid}/learners/?as_of=${asOf}`],
      [t.learnerX, `${GROUPS}/${t.groupUuid}/learners/?as_of=${asOf}`],
      [t.adminY, `/api/v1/enterprise-customer/${t.x}/learners/${t.learner}/groups/?as_of=${asOf}`],
      [t.noRoleX, `/api/v1/enterprise-customer/${t.x}/learners/${t.learner}/groups/?as_of=${asOf}`],
    ];
    for (const [token, path] of refusals) {
      const answer = await api('GET', path, { token });
      expect(refused(answer.status), `${path} → ${answer.status} ${answer.text.slice(0, 200)}`).toBe(true);
    }
    // X's learner uuid under Y's tenant is no learner of Y, then or now.
    const underY = await api('GET', `/api/v1/enterprise-customer/${t.y}/learners/${t.learner}/groups/?as_of=${asOf}`, {
      token: t.adminY,
    });
    expect(underY.status, underY.text).toBe(200);
    expect(underY.json).toMatchObject({ count: 0, results: [] });
    // A group cursor naming X's group, in Y's feed: Y's partition, so nothing of X.
    const cursor = Buffer.from(JSON.stringify({ g: t.groupUuid, s: 0 })).toString('base64url');
    const feed = await api(
      'GET',
      `/api/v1/enterprise-customer/${t.y}/events/?group_uuid=${t.groupUuid}&after=${cursor}`,
      {
        token: t.adminY,
      },
    );
    expect(feed.status, feed.text).toBe(200);
    expect(feed.json).toMatchObject({ count: 0, results: [] });
    // X's own admin reads the member as of the same moment.
    const own = await api('GET', `${GROUPS}/${t.groupUuid}/learners/?as_of=${asOf}`, { token: t.adminX });
    expect(own.status, own.text).toBe(200);
    expect(own.json.count).toBe(1);
  });
});
