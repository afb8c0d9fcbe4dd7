import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { created, ok } from '#shared/http/responses';
import { useCases } from '#shared/wiring';

/** POST /api/v1/batches/{batch_id}/participants/add */
export const handler = httpHandler(contract.AddBatchParticipants, async ({ params, body, caller }) => {
  const result = await useCases.changeBatchParticipants()(caller, params.batch_id, 'add', body);
  return result.count > 0 ? created(result) : ok(result);
});
