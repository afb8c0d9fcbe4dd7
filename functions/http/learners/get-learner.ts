import { learnersRoutes } from '#functions/http/contract/learners';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { getLearner } from '#shared/wiring';

/** GET /api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}/ */
export const handler = httpHandler(learnersRoutes.GetLearner, async ({ params, caller }) =>
  ok(await getLearner()(caller, params.enterprise_uuid, params.learner_uuid)),
);
