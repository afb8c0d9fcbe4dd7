import { openApiDocument } from '#functions/http/openapi-document';
import { ok } from '#shared/http/responses';

const document = openApiDocument();

/** GET /openapi.json */
export const handler = async () => ok(document);
