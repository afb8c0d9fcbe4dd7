import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listLearnerEnrollments } from '#shared/wiring';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}/enrollments/?status=&batch_id= */
export const handler = httpHandler(
  enrollmentsRoutes.ListLearnerEnrollments,
  async ({ params, query, caller, event }) => {
    const page = await listLearnerEnrollments()(caller, params.enterprise_uuid, params.learner_uuid, {
      status: query.status,
      batchId: query.batch_id,
      pageSize: query.page_size,
      cursor: query.cursor,
    });
    return ok(listEnvelope(event, page));
  },
);
