import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '#shared/logger';
import { ScheduledRecalculation } from '#shared/rules/schemas';
import { startScheduledRecalculation } from '#shared/rules/wired';

const processor = new BatchProcessor(EventType.SQS);

/**
 * Starts one group's scheduled recalculation per record. A group that is gone, manual, inactive or
 * paused, or that already ran this tick, is skipped and logged with the reason; a record that throws
 * is retried, then dead-lettered.
 */
export const handler = async (event: SQSEvent, context: Context) => {
  const record = async ({ body }: SQSRecord) => {
    const message = ScheduledRecalculation.parse(JSON.parse(body));
    const result = await startScheduledRecalculation()(message);
    logger.info('scheduled recalculation', { group_uuid: message.group_uuid, tick: message.tick, ...result });
  };
  return processPartialResponse(event, record, processor, { context });
};
