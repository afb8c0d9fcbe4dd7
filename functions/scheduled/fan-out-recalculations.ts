import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '#shared/logger';
import { ScheduledTickEvent } from '#shared/rules/schemas';
import { fanOutRecalculations } from '#shared/rules/wired';

/**
 * The recalculation schedule's tick (EventBridge in AWS, the local scheduler or `npm run recalc`
 * locally): queues one recalculation per active automatic group; answers the counts.
 */
export const handler = async (event: ScheduledEvent) => {
  const { time, detail } = ScheduledTickEvent.parse(event);
  const summary = await fanOutRecalculations()({ tick: time, tenant: detail.enterprise_customer_uuid });
  logger.info('scheduled recalculation fan-out', { ...summary });
  return summary;
};
