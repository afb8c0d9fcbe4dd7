import { config } from '#shared/config';
import { ok } from '#shared/http/responses';

/** GET /health: liveness, and where the local stack's emulators are when running locally. */
export const handler = async () => ok(config.localInfo ? { status: 'ok', local: config.localInfo } : { status: 'ok' });
