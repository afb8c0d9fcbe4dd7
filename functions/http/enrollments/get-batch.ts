import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { useCases } from '#shared/wiring';

/** GET /api/v1/batches/{batch_id}/ */
export const handler = httpHandler(contract.GetBatch, async ({ params, caller }) =>
  ok(await useCases.getBatch()(caller, params.batch_id)),
);
