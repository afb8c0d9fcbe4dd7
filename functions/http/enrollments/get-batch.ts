import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { getBatch } from '#shared/wiring';

/** GET /api/v1/batches/{batch_id}/ */
export const handler = httpHandler(enrollmentsRoutes.GetBatch, async ({ params, caller }) =>
  ok(await getBatch()(caller, params.batch_id)),
);
