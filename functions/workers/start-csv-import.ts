import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { startCsvImport } from '#shared/jobs/wired';
import { logger } from '#shared/logger';

/** EventBridge's S3 "Object Created" event (what AWS and the local watcher deliver). */
const ObjectCreated = z.object({
  'detail-type': z.literal('Object Created'),
  detail: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({ key: z.string(), size: z.number().default(0), etag: z.string().default('') }),
  }),
});
/** A classic S3 event notification, URL-encoded keys (a bucket may also be wired that way). */
const S3Notification = z.object({
  Records: z.array(
    z.object({
      eventName: z.string(),
      s3: z.object({
        bucket: z.object({ name: z.string() }),
        object: z.object({ key: z.string(), size: z.number().default(0), eTag: z.string().default('') }),
      }),
    }),
  ),
});

function objectsOf(body: unknown) {
  const event = ObjectCreated.safeParse(body);
  if (event.success) {
    const { bucket, object } = event.data.detail;
    return [{ bucket: bucket.name, key: object.key, etag: object.etag, size: object.size }];
  }
  return S3Notification.parse(body)
    .Records.filter((r) => r.eventName.startsWith('ObjectCreated'))
    .map(({ s3 }) => ({
      bucket: s3.bucket.name,
      key: decodeURIComponent(s3.object.key.replace(/\+/g, ' ')),
      etag: s3.object.eTag,
      size: s3.object.size,
    }));
}

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
