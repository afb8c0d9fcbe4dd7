import { groupsRoutes } from '#functions/http/contract/groups';
import { jobAccepted } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { exportGroupMembers } from '#shared/jobs/wired';

/** GET /api/v1/enterprise-group/{group_uuid}/export/?columns=&include_header=&delimiter= */
export const handler = httpHandler(groupsRoutes.ExportGroupMembers, async ({ params, query, caller, event }) => {
  const { csv, job } = await exportGroupMembers()(caller, params.group_uuid, {
    columns: query.columns,
    includeHeader: query.include_header,
    delimiter: query.delimiter,
  });
  if (job) return jobAccepted(event, job);
  return ok(csv, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="group-${params.group_uuid}.csv"`,
  });
});
