import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { config } from '#shared/config';
import { logger } from '#shared/logger';
import { sendJson } from '#shared/queue/send-json';
import { cleanupGroupMemberships } from '#shared/wiring';

const Message = z.object({ group_uuid: z.uuid() });
const processor = new BatchProcessor(EventType.SQS);

/** Sweeps a deleted group's memberships; a big group continues in a new message before time runs out. */
export const handler = async (event: SQSEvent, context: Context) => {
  const hasTime = () => context.getRemainingTimeInMillis() > 10_000;
  const record = async ({ body }: SQSRecord) => {
    const { group_uuid } = Message.parse(JSON.parse(body));
    const result = await cleanupGroupMemberships()(group_uuid, hasTime);
    logger.info('group cleanup', { group_uuid, ...result });
    if (!result.finished) await sendJson(config.groupCleanupQueueUrl, { group_uuid });
  };
  return processPartialResponse(event, record, processor, { context });
};
