import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { getBatch } from '#shared/wiring';

/** GET /api/v1/batches/{batch_id}/ */
export const handler = httpHandler(contract.GetBatch, async ({ params, caller }) =>
  ok(await getBatch()(caller, params.batch_id)),
);
