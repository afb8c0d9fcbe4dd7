import { learnersRoutes } from '#functions/http/contract/learners';
import { httpHandler } from '#shared/http/http-handler';
import { noContent } from '#shared/http/responses';
import { deleteLearner } from '#shared/wiring';

/** DELETE /api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}/ */
export const handler = httpHandler(learnersRoutes.DeleteLearner, async ({ params, caller }) => {
  await deleteLearner()(caller, params.enterprise_uuid, params.learner_uuid);
  return noContent();
});
