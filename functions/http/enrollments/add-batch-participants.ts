import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { jobAccepted } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { absoluteUrl } from '#shared/http/list-envelope';
import { created, ok } from '#shared/http/responses';
import { changeParticipantsOrQueue } from '#shared/jobs/wired';

/** POST /api/v1/batches/{batch_id}/participants/add (over 1000 identifiers: 202 with a job) */
export const handler = httpHandler(enrollmentsRoutes.AddBatchParticipants, async ({ params, body, caller, event }) => {
  const { sync, job } = await changeParticipantsOrQueue()(caller, params.batch_id, 'add', body);
  if (job) return jobAccepted(event, job);
  const participants = absoluteUrl(event, `/api/v1/batches/${params.batch_id}/participants/`);
  return sync.count > 0 ? created(sync, { location: participants }) : ok(sync);
});
