import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listCourseEnrollments } from '#shared/wiring';

/** GET /api/v1/courses/{course_id}/enrollments/?enterprise_customer_uuid=&status=&batch_id= */
export const handler = httpHandler(
  enrollmentsRoutes.ListCourseEnrollments,
  async ({ params, query, caller, event }) => {
    const page = await listCourseEnrollments()(caller, params.course_id, query.enterprise_customer_uuid, {
      status: query.status,
      batchId: query.batch_id,
      pageSize: query.page_size,
      cursor: query.cursor,
    });
    return ok(listEnvelope(event, page));
  },
);
