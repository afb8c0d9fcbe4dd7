import { objectsOf } from '#shared/imports/import-events';
import { startCsvImport } from '#shared/jobs/wired';
import { logger } from '#shared/logger';
import { sqsWorker } from '#shared/queue/sqs-worker';

/** A CSV dropped under imports/ → one import job per object (a repeated event finds its job). */
export const handler = sqsWorker(
  (body) => objectsOf(JSON.parse(body)),
  async (objects) => {
    for (const object of objects) {
      const outcome = await startCsvImport()(object);
      logger.info('csv import', { key: object.key, outcome });
    }
  },
);
