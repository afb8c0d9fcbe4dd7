import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { useCases } from '#shared/wiring';

/** POST /api/v1/enterprise-group/{group_uuid}/remove_learners */
export const handler = httpHandler(contract.RemoveLearners, async ({ params, body, caller }) =>
  ok(await useCases.removeLearners()(caller, params.group_uuid, body)),
);
