import { groupsRoutes } from '#functions/http/contract/groups';
import { acceptedJob } from '#functions/http/jobs/job-links';
import { etag, versionPrecondition } from '#shared/http/conditional-requests';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { updateGroup } from '#shared/wiring';

/** PATCH /api/v1/enterprise-group/{group_uuid}/ (If-Match / If-None-Match optional, RFC 9110) */
export const handler = httpHandler(groupsRoutes.UpdateGroup, async ({ params, body, caller, event }) => {
  const { learning_module_enrollment: job, ...group } = await updateGroup()(
    caller,
    params.group_uuid,
    body,
    versionPrecondition(event),
  );
  return ok(
    { ...group, learning_module_enrollment: job ? acceptedJob(event, job) : null },
    { etag: etag(group.version) },
  );
});
