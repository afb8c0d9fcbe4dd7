import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { jobAccepted } from '#functions/http/jobs/job-links';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { changeParticipantsOrQueue } from '#shared/jobs/wired';

/** POST /api/v1/batches/{batch_id}/participants/remove (over 1000 identifiers: 202 with a job) */
export const handler = httpHandler(
  enrollmentsRoutes.RemoveBatchParticipants,
  async ({ params, body, caller, event }) => {
    const { sync, job } = await changeParticipantsOrQueue()(caller, params.batch_id, 'remove', body);
    return job ? jobAccepted(event, job) : ok(sync);
  },
);
