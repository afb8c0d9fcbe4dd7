import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listEnrollmentAudit } from '#shared/wiring';

/** GET /api/v1/courses/{course_id}/enrollments/audit/?enterprise_customer_uuid=&learner_uuid= */
export const handler = httpHandler(enrollmentsRoutes.ListEnrollmentAudit, async ({ params, query, caller, event }) => {
  const page = await listEnrollmentAudit()(caller, params.course_id, query.enterprise_customer_uuid, {
    learnerUuid: query.learner_uuid,
    pageSize: query.page_size,
    cursor: query.cursor,
  });
  return ok(listEnvelope(event, page));
});
