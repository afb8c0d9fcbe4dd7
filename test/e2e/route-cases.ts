import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { DEFAULT_ROUTE, httpFunctions } from '#functions/catalog';
import type { contract } from '#functions/http/contract';
import { api, tokenFor } from './client';

/** Every route that needs a token: the ones the sweeps must cover. */
export type RouteName = keyof typeof contract;

/** Catalog routes anyone may call: what the sweeps leave out, by name. */
export const PUBLIC_ROUTES = httpFunctions
  .filter((f) => f.trigger.auth === 'none' || f.trigger.path === DEFAULT_ROUTE)
  .map((f) => f.name);

/** One concrete, valid request of a route, for the tenant's own objects. */
export interface RouteRequest {
  /** The path with its parameters filled in. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Who may call it: a tenant admin (default) or staff only. */
  as?: 'admin' | 'staff';
}

/** A tenant's objects the cases point at, made through the API. */
export interface TenantObjects {
  tenant: string;
  groupUuid: string;
  legacyId: number;
  automaticGroupUuid: string;
  learnerUuid: string;
  learnerEmail: string;
  branchId: string;
  courseId: string;
  batchId: string;
  jobId: string;
  webhookId: string;
}

const GROUPS = '/api/v1/enterprise-group';

/**
 * Builds a tenant with one of everything: a manual group (with a legacy id) holding a learner, an
 * automatic group whose recalculation job has ended, a branch, a course enrollment and a batch.
 * Waits until no background work of the tenant runs, so a digest taken now stays put.
 */
export async function buildTenant(adminSub: string): Promise<TenantObjects & { adminToken: string }> {
  const tenant = randomUUID();
  const adminToken = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: adminSub });
  const staffToken = await tokenFor({ roles: ['staff'], sub: `${adminSub}-staff` });
  const ok = async (status: number, answer: Promise<{ status: number; json: unknown }>) => {
    const a = await answer;
    expect(a.status, JSON.stringify(a.json)).toBe(status);
    return a.json as Record<string, unknown>;
  };
  const learnerUuid = randomUUID();
  const learnerEmail = `sweep-${learnerUuid}@example.com`;
  const learners = `/api/v1/enterprise-customer/${tenant}/learners`;
  await ok(
    201,
    api('PUT', `${learners}/${learnerUuid}/`, {
      token: adminToken,
      body: { email: learnerEmail, attributes: { department: 'sales' } },
    }),
  );
  const legacyId = Math.floor(Math.random() * 1e9) + 1;
  const group = await ok(
    201,
    api('POST', `${GROUPS}/`, {
      token: adminToken,
      body: { name: `Sweep ${tenant}`, enterprise_customer_uuid: tenant, legacy_id: legacyId },
    }),
  );
  await ok(
    201,
    api('POST', `${GROUPS}/${group.group_uuid}/assign_learners`, {
      token: adminToken,
      body: { learner_uuids: [learnerUuid] },
    }),
  );
  const automatic = await ok(
    201,
    api('POST', `${GROUPS}/`, {
      token: adminToken,
      body: {
        name: `Sweep rules ${tenant}`,
        enterprise_customer_uuid: tenant,
        type: 'automatic',
        ruleset: {
          operator: 'AND',
          sets: [{ rules: [{ type: 'attribute', payload: { field: 'department', op: 'equals', value: 'sales' } }] }],
        },
      },
    }),
  );
  const jobId = (automatic.rule_processing as { job_id: string }).job_id;
  const branchId = 'emea';
  await ok(
    201,
    api('PUT', `/api/v1/enterprise-customer/${tenant}/branches/${branchId}/`, {
      token: adminToken,
      body: { name: 'EMEA' },
    }),
  );
  const courseId = `course-v1:Sweep+${tenant.slice(0, 8)}+1`;
  const batch = await ok(
    201,
    api('POST', `/api/v1/courses/${courseId}/batches/`, {
      token: adminToken,
      body: { name: 'Sweep', enrollment_type: 'invite_only', enterprise_customer_uuid: tenant },
    }),
  );
  await ok(
    201,
    api('POST', `/api/v1/batches/${batch.batch_id}/participants/add`, {
      token: adminToken,
      body: { identifier_type: 'user_id', identifiers: [learnerUuid] },
    }),
  );
  await ok(
    200,
    api('POST', '/api/bulk_enroll/v1/bulk_enroll/', {
      token: staffToken,
      body: {
        action: 'enroll',
        courses: `${courseId}-other`,
        identifiers: learnerEmail,
        enterprise_customer_uuid: tenant,
      },
    }),
  );
  for (const deadline = Date.now() + 60_000; ;) {
    const job = await api('GET', `/api/v1/jobs/${jobId}/`, { token: adminToken });
    if (job.json.status === 'succeeded') break;
    if (Date.now() > deadline) throw new Error(`recalculation job still ${job.json.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // A subscription (the e2e stack allows http to the loopback; its stack reads no change stream, so nothing is sent).
  const webhook = await ok(
    201,
    api('POST', `/api/v1/enterprise-customer/${tenant}/webhooks/`, {
      token: adminToken,
      body: { url: 'http://127.0.0.1:9/sweep', event_types: ['membership.*'] },
    }),
  );
  return {
    tenant,
    adminToken,
    webhookId: String(webhook.webhook_id),
    groupUuid: String(group.group_uuid),
    legacyId,
    automaticGroupUuid: String(automatic.group_uuid),
    learnerUuid,
    learnerEmail,
    branchId,
    courseId,
    batchId: String(batch.batch_id),
    jobId,
  };
}

/**
 * A valid request of every route that needs a token, aimed at tenant `t`'s objects. Typed by the
 * contract (a route added to the catalog without a case here does not compile) and checked against
 * the catalog at run time by `expectEveryRouteCovered`.
 */
export function routeCases(t: TenantObjects): Record<RouteName, RouteRequest> {
  const group = `${GROUPS}/${t.groupUuid}`;
  const automatic = `${GROUPS}/${t.automaticGroupUuid}`;
  const learners = `/api/v1/enterprise-customer/${t.tenant}/learners`;
  const course = `/api/v1/courses/${t.courseId}`;
  const batch = `/api/v1/batches/${t.batchId}`;
  const job = `/api/v1/jobs/${t.jobId}`;
  const webhooks = `/api/v1/enterprise-customer/${t.tenant}/webhooks`;
  const webhook = `${webhooks}/${t.webhookId}`;
  const ruleset = {
    operator: 'AND',
    sets: [{ rules: [{ type: 'attribute', payload: { field: 'department', op: 'equals', value: 'hr' } }] }],
  };
  return {
    CreateGroup: { path: GROUPS, body: { name: `New ${randomUUID()}`, enterprise_customer_uuid: t.tenant } },
    PreviewRuleset: { path: `${GROUPS}/preview`, body: { enterprise_customer_uuid: t.tenant, ruleset } },
    ListGroups: { path: GROUPS, query: { enterprise_uuid: t.tenant } },
    GetGroupByLegacyId: { path: `${GROUPS}/legacy/${t.legacyId}`, query: { enterprise_uuid: t.tenant } },
    GetGroup: { path: group },
    UpdateGroup: { path: group, body: { description: 'changed' } },
    RecalculateGroup: { path: `${automatic}/recalculate` },
    ListConditionsHistory: { path: `${automatic}/conditions-history` },
    ExplainMembership: { path: `${automatic}/learners/${t.learnerUuid}/explain` },
    DeleteGroup: { path: group },
    ExportGroupMembers: { path: `${group}/export` },
    ListGroupLearners: { path: `${group}/learners` },
    ListGroupHistory: { path: `${group}/history` },
    AssignLearners: { path: `${group}/assign_learners`, body: { learner_uuids: [t.learnerUuid] } },
    RemoveLearners: { path: `${group}/remove_learners`, body: { learner_uuids: [t.learnerUuid] } },
    PutLearner: { path: `${learners}/${t.learnerUuid}`, body: { email: t.learnerEmail } },
    GetLearner: { path: `${learners}/${t.learnerUuid}` },
    DeleteLearner: { path: `${learners}/${t.learnerUuid}` },
    ListLearners: { path: learners },
    ListLearnerGroups: { path: `${learners}/${t.learnerUuid}/groups` },
    BulkUpsertLearners: {
      path: `${learners}/bulk`,
      body: { learners: [{ email: `bulk-${randomUUID()}@example.com` }] },
    },
    CreateImportUpload: {
      path: `/api/v1/enterprise-customer/${t.tenant}/imports`,
      body: { kind: 'learners', file_name: 'people.csv' },
    },
    PutBranch: { path: `/api/v1/enterprise-customer/${t.tenant}/branches/${t.branchId}`, body: { name: 'Renamed' } },
    ListBranches: { path: `/api/v1/enterprise-customer/${t.tenant}/branches` },
    ListJobs: { path: '/api/v1/jobs', query: { enterprise_uuid: t.tenant } },
    GetJob: { path: job },
    ListJobResults: { path: `${job}/results` },
    AbortJob: { path: `${job}/abort` },
    GetTenantSettings: { path: `/api/v1/enterprise-customer/${t.tenant}/settings` },
    PutTenantSettings: {
      path: `/api/v1/enterprise-customer/${t.tenant}/settings`,
      body: { removal_guard: { max_percent: 30, min_removals: 40 } },
    },
    ApproveJob: { path: `${job}/approve` },
    CancelJob: { path: `${job}/cancel` },
    RevertJob: { path: `${job}/revert` },
    BulkEnroll: {
      path: '/api/bulk_enroll/v1/bulk_enroll',
      as: 'staff',
      body: {
        action: 'unenroll',
        courses: `${t.courseId}-other`,
        identifiers: [t.learnerEmail],
        enterprise_customer_uuid: t.tenant,
      },
    },
    CreateBatch: {
      path: `${course}/batches`,
      body: { name: 'Another', enrollment_type: 'open', enterprise_customer_uuid: t.tenant },
    },
    GetBatch: { path: batch },
    AddBatchParticipants: {
      path: `${batch}/participants/add`,
      body: { identifier_type: 'user_id', identifiers: [t.learnerUuid] },
    },
    RemoveBatchParticipants: {
      path: `${batch}/participants/remove`,
      body: { identifier_type: 'user_id', identifiers: [t.learnerUuid] },
    },
    ListBatchParticipants: { path: `${batch}/participants` },
    ListCourseEnrollments: { path: `${course}/enrollments`, query: { enterprise_customer_uuid: t.tenant } },
    ListEnrollmentAudit: { path: `${course}/enrollments/audit`, query: { enterprise_customer_uuid: t.tenant } },
    UpdateEnrollment: {
      path: `${course}/enrollments/${t.learnerUuid}`,
      body: { status: 'completed', enterprise_customer_uuid: t.tenant },
    },
    ListLearnerEnrollments: { path: `${learners}/${t.learnerUuid}/enrollments` },
    ListEvents: { path: `/api/v1/enterprise-customer/${t.tenant}/events`, query: { group_uuid: t.groupUuid } },
    CreateWebhook: { path: webhooks, body: { url: 'http://127.0.0.1:9/another', event_types: ['group.*'] } },
    ListWebhooks: { path: webhooks },
    GetWebhook: { path: webhook },
    UpdateWebhook: { path: webhook, body: { enabled: false } },
    RotateWebhookSecret: { path: `${webhook}/rotate-secret` },
    ListWebhookDeliveries: { path: `${webhook}/deliveries` },
    // No delivery is logged on a stack without its change stream: an event id of the right shape.
    RedeliverWebhookEvent: { path: `${webhook}/deliveries/evt_${'A'.repeat(32)}/redeliver` },
    DeleteWebhook: { path: webhook },
  };
}

/** The catalog's routes, by name, with their method and path template. */
export const protectedRoutes = () => httpFunctions.filter((f) => !PUBLIC_ROUTES.includes(f.name));

/** Fails when a catalog route that needs a token has no case (or a case names no route). */
export function expectEveryRouteCovered(cases: Record<string, unknown>) {
  expect(Object.keys(cases).sort()).toEqual(
    protectedRoutes()
      .map((f) => f.name)
      .sort(),
  );
}

/** Sends a route's request with `token`, optionally changed. */
export function send(
  name: RouteName,
  request: RouteRequest,
  token: string,
  change: {
    path?: string;
    query?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const fn = httpFunctions.find((f) => f.name === name)!;
  const query = new URLSearchParams(change.query ?? request.query ?? {}).toString();
  const path = `${change.path ?? request.path}/${query ? `?${query}` : ''}`;
  const body = 'body' in change ? change.body : request.body;
  return api(fn.trigger.method, path, {
    token,
    headers: {
      ...request.headers,
      ...change.headers,
      ...(change.rawBody !== undefined && { 'content-type': 'application/json' }),
    },
    ...(change.rawBody !== undefined ? { rawBody: change.rawBody } : body === undefined ? {} : { body }),
  });
}
