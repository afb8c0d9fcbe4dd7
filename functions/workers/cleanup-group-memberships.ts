import * as z from 'zod';
import { config } from '#shared/config';
import { logger } from '#shared/logger';
import { sendJson } from '#shared/queue/send-json';
import { jsonBody, sqsWorker } from '#shared/queue/sqs-worker';
import { cleanupGroupMemberships } from '#shared/wiring';

const Message = z.object({ group_uuid: z.uuid() });

/** Sweeps a deleted group's memberships; a big group continues in a new message before time runs out. */
export const handler = sqsWorker(jsonBody(Message), async ({ group_uuid }, _record, context) => {
  const hasTime = () => context.getRemainingTimeInMillis() > 10_000;
  const result = await cleanupGroupMemberships()(group_uuid, hasTime);
  logger.info('group cleanup', { group_uuid, ...result });
  if (!result.finished) await sendJson(config.groupCleanupQueueUrl, { group_uuid });
});
