import * as z from 'zod';

/** An object created in the bucket, as its event names it. */
export interface ImportedObject {
  bucket: string;
  key: string;
  etag: string;
  size: number;
}

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

/** The objects an imports-queue message says were created; throws if it is neither event shape. */
export function objectsOf(body: unknown): ImportedObject[] {
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

/** Whether a message is an S3 event (of either shape) rather than a job message. */
export const isObjectEvent = (body: unknown) =>
  ObjectCreated.safeParse(body).success || S3Notification.safeParse(body).success;
