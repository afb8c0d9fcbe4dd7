import { learnersRoutes } from '#functions/http/contract/learners';
import { httpHandler } from '#shared/http/http-handler';
import { absoluteUrl } from '#shared/http/list-envelope';
import { created, ok } from '#shared/http/responses';
import { putLearner } from '#shared/wiring';

/** PUT /api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}/ */
export const handler = httpHandler(learnersRoutes.PutLearner, async ({ params, body, caller, event }) => {
  const {
    learner,
    created: isNew,
    activated,
  } = await putLearner()(caller, params.enterprise_uuid, params.learner_uuid, body);
  const payload = { ...learner, activated_memberships: activated };
  const location = absoluteUrl(
    event,
    `/api/v1/enterprise-customer/${params.enterprise_uuid}/learners/${params.learner_uuid}/`,
  );
  return isNew ? created(payload, { location }) : ok(payload);
});
