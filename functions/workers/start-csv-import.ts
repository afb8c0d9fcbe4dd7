import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { objectsOf } from '#shared/imports/import-events';
import { startCsvImport } from '#shared/jobs/wired';
import { logger } from '#shared/logger';

const processor = new BatchProcessor(EventType.SQS);

/** A CSV dropped under imports/ → one import job per object (a repeated event finds its job). */
export const handler = async (event: SQSEvent, context: Context) => {
  const record = async ({ body }: SQSRecord) => {
    for (const object of objectsOf(JSON.parse(body))) {
      const outcome = await startCsvImport()(object);
      logger.info('csv import', { key: object.key, outcome });
    }
  };
  return processPartialResponse(event, record, processor, { context });
};
