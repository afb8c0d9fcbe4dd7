import type { RouteContract } from '#shared/http/http-handler';
import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { eventsRoutes } from '#functions/http/contract/events';
import { groupsRoutes } from '#functions/http/contract/groups';
import { jobsRoutes } from '#functions/http/contract/jobs';
import { learnersRoutes } from '#functions/http/contract/learners';
import { membershipsRoutes } from '#functions/http/contract/memberships';
import { tenantsRoutes } from '#functions/http/contract/tenants';
import { webhooksRoutes } from '#functions/http/contract/webhooks';

export { platformContract } from '#functions/http/contract/platform';

/**
 * The contract of every HTTP route, keyed by catalog name: its request schemas and its answers (status,
 * body schema, headers), one file a domain in functions/http/contract/. Handlers validate with it and are
 * typed by it, and GET /openapi.json is generated from it, so the document cannot drift from the code.
 */
export const contract = {
  ...groupsRoutes,
  ...membershipsRoutes,
  ...learnersRoutes,
  ...enrollmentsRoutes,
  ...jobsRoutes,
  ...tenantsRoutes,
  ...eventsRoutes,
  ...webhooksRoutes,
} satisfies Record<string, RouteContract>;
