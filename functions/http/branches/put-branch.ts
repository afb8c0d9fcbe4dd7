import { learnersRoutes } from '#functions/http/contract/learners';
import { httpHandler } from '#shared/http/http-handler';
import { absoluteUrl } from '#shared/http/list-envelope';
import { created, ok } from '#shared/http/responses';
import { putBranch } from '#shared/wiring';

/** PUT /api/v1/enterprise-customer/{enterprise_uuid}/branches/{branch_id}/ */
export const handler = httpHandler(learnersRoutes.PutBranch, async ({ params, body, caller, event }) => {
  const result = await putBranch()(caller, params.enterprise_uuid, params.branch_id, body);
  const answer = { ...result.branch, recalculations: result.recalculations };
  const location = absoluteUrl(
    event,
    `/api/v1/enterprise-customer/${params.enterprise_uuid}/branches/${params.branch_id}/`,
  );
  return result.created ? created(answer, { location }) : ok(answer);
});
