import { contract } from '#functions/http/contract';
import { acceptedJob } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { accepted, created, ok } from '#shared/http/responses';
import { assignOrQueue } from '#shared/jobs/wired';

/** POST /api/v1/enterprise-group/{group_uuid}/assign_learners (over 1000 identifiers: 202 with a job) */
export const handler = httpHandler(contract.AssignLearners, async ({ params, body, caller, event }) => {
  const { sync, job } = await assignOrQueue()(caller, params.group_uuid, body);
  if (job) return accepted(acceptedJob(event, job));
  return sync.count > 0 ? created(sync) : ok(sync);
});
