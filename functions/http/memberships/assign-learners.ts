import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { created, ok } from '#shared/http/responses';
import { useCases } from '#shared/wiring';

/** POST /api/v1/enterprise-group/{group_uuid}/assign_learners */
export const handler = httpHandler(contract.AssignLearners, async ({ params, body, caller }) => {
  const result = await useCases.assignLearners()(caller, params.group_uuid, body);
  return result.count > 0 ? created(result) : ok(result);
});
