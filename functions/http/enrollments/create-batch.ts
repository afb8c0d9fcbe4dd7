import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { httpHandler } from '#shared/http/http-handler';
import { absoluteUrl } from '#shared/http/list-envelope';
import { created } from '#shared/http/responses';
import { createBatch } from '#shared/wiring';

/** POST /api/v1/courses/{course_id}/batches/ */
export const handler = httpHandler(enrollmentsRoutes.CreateBatch, async ({ params, body, caller, event }) => {
  const batch = await createBatch()(caller, params.course_id, body);
  return created(batch, { location: absoluteUrl(event, `/api/v1/batches/${batch.batch_id}/`) });
});
