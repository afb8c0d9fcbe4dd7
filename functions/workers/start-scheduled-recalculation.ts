import { logger } from '#shared/logger';
import { jsonBody, sqsWorker } from '#shared/queue/sqs-worker';
import { ScheduledRecalculation } from '#shared/rules/schemas';
import { startScheduledRecalculation } from '#shared/rules/wired';

/**
 * Starts one group's scheduled recalculation per record. A group that is gone, manual, inactive or
 * paused, or that already ran this tick, is skipped and logged with the reason; a record that throws
 * is retried, then dead-lettered.
 */
export const handler = sqsWorker(jsonBody(ScheduledRecalculation), async (message) => {
  const result = await startScheduledRecalculation()(message);
  logger.info('scheduled recalculation', { group_uuid: message.group_uuid, tick: message.tick, ...result });
});
