import { enrollmentsRoutes } from '#functions/http/contract/enrollments';
import { httpHandler } from '#shared/http/http-handler';
import { listEnvelope } from '#shared/http/list-envelope';
import { ok } from '#shared/http/responses';
import { listBatchParticipants } from '#shared/wiring';

/** GET /api/v1/batches/{batch_id}/participants/?status= */
export const handler = httpHandler(
  enrollmentsRoutes.ListBatchParticipants,
  async ({ params, query, caller, event }) => {
    const page = await listBatchParticipants()(caller, params.batch_id, {
      status: query.status,
      pageSize: query.page_size,
      cursor: query.cursor,
    });
    return ok(listEnvelope(event, page));
  },
);
