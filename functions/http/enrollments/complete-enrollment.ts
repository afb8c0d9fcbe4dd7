import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { completeEnrollment } from '#shared/wiring';

/** PATCH /api/v1/courses/{course_id}/enrollments/{learner_uuid}/ with {"status": "completed", …} */
export const handler = httpHandler(enrollmentsRoutes.UpdateEnrollment, async ({ params, body, caller }) =>
  ok(await completeEnrollment()(caller, params.course_id, params.learner_uuid, body)),
);
