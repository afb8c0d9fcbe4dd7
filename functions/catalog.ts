/**
 * Every function of the service: its entry file, its trigger and what it may touch.
 * The CDK service stack builds Lambdas, routes, event sources and grants from this list;
 * the local stack builds its router and queue pollers from the same list.
 */
import type { QueueName } from './resources';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

/** API Gateway's catch-all route: whatever no other route matches. */
export const DEFAULT_ROUTE = '$default';

export type Trigger =
  | { type: 'http'; method: HttpMethod; path: string; auth: 'jwt' | 'none' }
  | { type: 'queue'; queue: QueueName; batchSize: number };

export interface Access {
  table?: 'read' | 'readwrite';
  /** Queues this function sends to. */
  sendsTo?: QueueName[];
  bucket?: 'read' | 'readwrite';
}

export interface FunctionDefinition {
  /** Stable name: CDK construct id and local log name. */
  name: string;
  /** Entry file, relative to the repository root. */
  entry: string;
  trigger: Trigger;
  access: Access;
  timeoutSeconds?: number;
  memoryMb?: number;
}

const http = (
  name: string,
  method: HttpMethod,
  path: string,
  entry: string,
  access: Access,
  auth: 'jwt' | 'none' = 'jwt',
): FunctionDefinition => ({
  name,
  entry: `functions/http/${entry}.ts`,
  trigger: { type: 'http', method, path, auth },
  access,
});

const read: Access = { table: 'read' };
const write: Access = { table: 'readwrite' };
const GROUPS = '/api/v1/enterprise-group';
const LEARNERS = '/api/v1/enterprise-customer/{enterprise_uuid}/learners';

export const catalog: readonly FunctionDefinition[] = [
  http('Health', 'GET', '/health', 'platform/get-health', {}, 'none'),
  http('OpenApi', 'GET', '/openapi.json', 'platform/get-openapi', {}, 'none'),
  // HTTP APIs match paths exactly; this answers `/x/` with a 308 to `/x` and anything else with our 404.
  http('AnswerUnmatched', 'ANY', DEFAULT_ROUTE, 'platform/answer-unmatched', {}, 'none'),

  http('CreateGroup', 'POST', GROUPS, 'groups/create-group', write),
  http('ListGroups', 'GET', GROUPS, 'groups/list-groups', read),
  http('GetGroupByLegacyId', 'GET', `${GROUPS}/legacy/{legacy_id}`, 'groups/get-group-by-legacy-id', read),
  http('GetGroup', 'GET', `${GROUPS}/{group_uuid}`, 'groups/get-group', read),
  http('UpdateGroup', 'PATCH', `${GROUPS}/{group_uuid}`, 'groups/update-group', write),
  http('DeleteGroup', 'DELETE', `${GROUPS}/{group_uuid}`, 'groups/delete-group', {
    table: 'readwrite',
    sendsTo: ['groupCleanup'],
  }),
  http('ListGroupLearners', 'GET', `${GROUPS}/{group_uuid}/learners`, 'memberships/list-group-learners', read),
  http('AssignLearners', 'POST', `${GROUPS}/{group_uuid}/assign_learners`, 'memberships/assign-learners', write),
  http('RemoveLearners', 'POST', `${GROUPS}/{group_uuid}/remove_learners`, 'memberships/remove-learners', write),

  http('PutLearner', 'PUT', `${LEARNERS}/{learner_uuid}`, 'learners/put-learner', write),
  http('GetLearner', 'GET', `${LEARNERS}/{learner_uuid}`, 'learners/get-learner', read),
  http('DeleteLearner', 'DELETE', `${LEARNERS}/{learner_uuid}`, 'learners/delete-learner', write),
  http('ListLearners', 'GET', LEARNERS, 'learners/list-learners', read),
  http('BulkUpsertLearners', 'POST', `${LEARNERS}/bulk`, 'learners/bulk-upsert-learners', write),

  {
    name: 'CleanupGroupMemberships',
    entry: 'functions/workers/cleanup-group-memberships.ts',
    trigger: { type: 'queue', queue: 'groupCleanup', batchSize: 5 },
    // A big group's sweep continues in a new message before the function's time runs out.
    access: { table: 'readwrite', sendsTo: ['groupCleanup'] },
    timeoutSeconds: 60,
  },
];

export const httpFunctions = catalog.filter(
  (f): f is FunctionDefinition & { trigger: Extract<Trigger, { type: 'http' }> } => f.trigger.type === 'http',
);
export const queueFunctions = catalog.filter(
  (f): f is FunctionDefinition & { trigger: Extract<Trigger, { type: 'queue' }> } => f.trigger.type === 'queue',
);

/** API Gateway's route key of an HTTP trigger (`GET /x/{id}`, or `$default`). */
export const routeKeyOf = ({ method, path }: { method: HttpMethod; path: string }) =>
  path === DEFAULT_ROUTE ? DEFAULT_ROUTE : `${method} ${path}`;
