import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { useCases } from '#shared/wiring';

/** POST /api/v1/enterprise-customer/{enterprise_uuid}/learners/bulk */
export const handler = httpHandler(contract.BulkUpsertLearners, async ({ params, body, caller }) =>
  ok(await useCases.bulkUpsertLearners()(caller, params.enterprise_uuid, body.learners)),
);
