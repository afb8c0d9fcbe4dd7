import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type QueueName, queues } from '#functions/resources';
import { REGION } from '#local/aws-account';
import type { LocalLog } from '#local/local-log';

export interface S3WatcherOptions {
  endpoint: string;
  bucket: string;
  queueUrls: Record<QueueName, string>;
  log: LocalLog;
  intervalMs?: number;
}

/**
 * The local stand-in for S3 → EventBridge → SQS: lists the bucket under every prefix that feeds a
 * queue and sends each new object (key + ETag) once, as the EventBridge "Object Created" event AWS
 * would deliver. Any S3 client (the AWS CLI, an SDK) can drop the file.
 */
export function startS3Watcher(options: S3WatcherOptions): { stop(): Promise<void> } {
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const s3 = new S3Client({ endpoint: options.endpoint, region: REGION, credentials, forcePathStyle: true });
  const sqs = new SQSClient({ endpoint: options.endpoint, region: REGION, credentials });
  const fed = (Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]).filter(
    ([, q]) => q.fedByBucketPrefix,
  );
  const seen = new Set<string>();
  let running: Promise<void> | undefined;

  async function scan() {
    for (const [name, definition] of fed) {
      let token: string | undefined;
      do {
        const page = await s3.send(
          new ListObjectsV2Command({
            Bucket: options.bucket,
            Prefix: definition.fedByBucketPrefix,
            ContinuationToken: token,
          }),
        );
        for (const object of page.Contents ?? []) {
          const id = `${object.Key}#${object.ETag}`;
          if (!object.Key || seen.has(id)) continue;
          seen.add(id);
          const event = {
            version: '0',
            source: 'aws.s3',
            'detail-type': 'Object Created',
            region: REGION,
            time: new Date().toISOString(),
            detail: {
              version: '0',
              bucket: { name: options.bucket },
              object: { key: object.Key, size: object.Size ?? 0, etag: (object.ETag ?? '').replaceAll('"', '') },
              reason: 'PutObject',
            },
          };
          await sqs.send(
            new SendMessageCommand({ QueueUrl: options.queueUrls[name], MessageBody: JSON.stringify(event) }),
          );
          options.log.info(`s3 watcher: ${object.Key} → ${definition.localName}`);
        }
        token = page.NextContinuationToken;
      } while (token);
    }
  }

  const timer = setInterval(() => {
    running ??= scan()
      .catch((error) => options.log.error('s3 watcher:', error))
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs ?? 500);

  return {
    async stop() {
      clearInterval(timer);
      await running;
      s3.destroy();
      sqs.destroy();
    },
  };
}
