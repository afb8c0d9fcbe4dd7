import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { useCases } from '#shared/wiring';

/** POST /api/v1/batches/{batch_id}/participants/remove */
export const handler = httpHandler(contract.RemoveBatchParticipants, async ({ params, body, caller }) =>
  ok(await useCases.changeBatchParticipants()(caller, params.batch_id, 'remove', body)),
);
