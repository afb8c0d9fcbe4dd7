import { contract } from '#functions/http/contract';
import { httpHandler } from '#shared/http/http-handler';
import { ok } from '#shared/http/responses';
import { useCases } from '#shared/wiring';

/** POST /api/bulk_enroll/v1/bulk_enroll/ (Open edX compatible) */
export const handler = httpHandler(contract.BulkEnroll, async ({ body, caller }) =>
  ok(await useCases.bulkEnroll()(caller, body)),
);
