import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { Webhook } from 'standardwebhooks';
import { catalog } from '#functions/catalog';
import { queues } from '#functions/resources';
import { dynamoDbClient } from '#local/dynamodb';
import { createLambdaContext } from '#local/lambda-context';
import { consoleLog } from '#local/local-log';
import { startMessaging } from '#local/messaging';
import { startPollers } from '#local/pollers';
import { startStreamPoller } from '#local/stream-poller';
import { tableDefinition } from '#local/table-definition';
import { batchWriteAll } from '#shared/db/batch-write';
import { makeEventRepository } from '#shared/events/event-repository';
import { makePublishChangeEvents } from '#shared/events/publish-change-events';
import { publishStreamBatch } from '#shared/events/stream-records';
import { makeDeliverWebhooks } from '#shared/webhooks/deliver-webhooks';
import { makeSqsDeliveryQueue } from '#shared/webhooks/delivery-queue';
import { makeDeliveryRepository } from '#shared/webhooks/delivery-repository';
import { makeDeliveryWorker } from '#shared/webhooks/delivery-worker';
import { makeQueueWebhookDeliveries } from '#shared/webhooks/queue-webhook-deliveries';
import { makeSendWebhook } from '#shared/webhooks/send-webhook';
import { newSecret } from '#shared/webhooks/signing';
import { makeWebhookRepository } from '#shared/webhooks/webhook-repository';
import type { BenchRow, Scenario } from '../bench-row';
import { activeStream, membership, readWholeStream } from './change-events';

/** Groups the changes are spread over: one event stream each, so one FIFO message group per subscription. */
const GROUPS = 10;

interface Arrival {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Webhooks: `--webhooks-size` membership additions (over 10 groups) written straight into a fresh table
 * with its stream and one `membership.*` subscription, then taken the whole way as the local stack does:
 * the stream poller and the stream function's use case record each event and queue its deliveries on a
 * FIFO queue of the in-process SQS emulator, and the delivery worker (the catalog's batch size and
 * concurrency) signs and POSTs each event to a receiver on 127.0.0.1 that answers 204. The figure is
 * events per second from the start of the stream's reading to the last delivery's arrival. Every arrival
 * is counted and afterwards checked: one per event (no duplicate, none missing), each group's in sequence
 * order 1…n, every signature verified with the standardwebhooks library. The reference is the raw read of
 * the same stream (GetRecords, every shard, oldest to newest) in the same run.
 */
export const webhookDeliveries: Scenario = async ({ args, target }) => {
  const size = args.webhooksSize;
  const client = dynamoDbClient(target.dynamodbEndpoint, { maxAttempts: 5 });
  const table = `bench-webhooks-${randomUUID()}`;
  const arrivals: Arrival[] = [];
  let lastArrival = 0;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      arrivals.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      lastArrival = performance.now();
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const messaging = await startMessaging({
    port: 0,
    queues: { webhookDeliveries: { ...queues.webhookDeliveries, localName: `bench-wh-${randomUUID()}` } },
  });
  const sqs = new SQSClient({
    endpoint: messaging.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await client.send(new CreateTableCommand(tableDefinition(table)));
  try {
    const streamArn = await activeStream(client, table);
    const db = target.rawClient();
    const tenant = randomUUID();
    const groups = Array.from({ length: GROUPS }, () => randomUUID());
    const webhooks = makeWebhookRepository(db, table);
    const now = new Date().toISOString();
    const secret = newSecret();
    await webhooks.create({
      webhook_id: randomUUID(),
      enterprise_customer_uuid: tenant,
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      event_types: ['membership.*'],
      enabled: true,
      status: 'active',
      failing_since: null,
      skipped_events: 0,
      last_skipped_at: null,
      created: now,
      modified: now,
      secrets: [{ secret, expires_at: null }],
    });
    await batchWriteAll(
      db,
      table,
      Array.from({ length: size }, (_, i) => ({ PutRequest: { Item: membership(tenant, groups[i % GROUPS]!, i) } })),
    );

    // The subscription's item and its tenant's set of subscription ids are records of the stream too
    // (they make no event).
    const raw = await readWholeStream(target.dynamodbEndpoint, streamArn);
    if (raw.records !== size + 2) throw new Error(`stream holds ${raw.records} records, expected ${size + 2}`);

    const events = makeEventRepository(db, table);
    const queue = makeSqsDeliveryQueue(messaging.queueUrls.webhookDeliveries, sqs);
    const clock = { now: () => new Date().toISOString() };
    const publish = makePublishChangeEvents({
      events,
      // No EventBridge bus, as locally: the webhook deliveries are the publisher.
      bus: makeQueueWebhookDeliveries(webhooks, queue),
      clock,
    });
    const deliver = makeDeliverWebhooks({
      webhooks,
      deliveries: makeDeliveryRepository(db, table),
      events,
      send: makeSendWebhook({ allowLocal: true }),
      clock,
      retryCapSeconds: 1,
    });
    const entry = catalog.find((f) => f.name === 'DeliverWebhooks')!;
    const trigger = entry.trigger as { batchSize: number; maxConcurrency: number };
    const worker = makeDeliveryWorker(
      () => deliver,
      () => queue,
    );
    const log = consoleLog({ quiet: true });

    const started = performance.now();
    const deliveries = startPollers({
      endpoint: messaging.endpoint,
      log,
      consumers: [
        {
          name: 'DeliverWebhooks',
          queueUrl: messaging.queueUrls.webhookDeliveries,
          queueArn: messaging.queueArns.webhookDeliveries,
          batchSize: trigger.batchSize,
          concurrency: trigger.maxConcurrency,
          handler: (event: SQSEvent) =>
            worker(event, createLambdaContext({ name: 'DeliverWebhooks', timeoutSeconds: 60, memoryMb: 512 })),
        },
      ],
    });
    const stream = startStreamPoller({
      endpoint: target.dynamodbEndpoint,
      tableName: table,
      dynamodb: client,
      consumers: [
        {
          name: 'PublishChangeEvents',
          batchSize: 100,
          maxRetries: 50,
          handler: (event) => publishStreamBatch(publish, event),
        },
      ],
      log,
      idleWaitMs: 20,
    });
    let recordedSeconds: number;
    try {
      await stream.idle({ timeoutMs: 30 * 60_000 });
      recordedSeconds = (performance.now() - started) / 1000;
      await deliveries.idle({ timeoutMs: 30 * 60_000 });
    } finally {
      await stream.stop();
      await deliveries.stop();
    }
    const seconds = (lastArrival - started) / 1000;
    const checks = checkArrivals(arrivals, secret, size);

    const measured = size / seconds;
    const rawRate = raw.records / raw.seconds;
    const row: BenchRow = {
      scenario: `webhooks: ${size} membership changes, stream → signed delivery at a local receiver (${GROUPS} groups)`,
      measured,
      unit: 'events/s',
      raw: rawRate,
      raw_label: 'GetRecords of the same stream, every shard, oldest to newest',
      ratio: measured / rawRate,
      target: 'reported',
      met: null,
      details: {
        events: size,
        seconds,
        raw_seconds: raw.seconds,
        recorded_seconds: recordedSeconds,
        deliveries: arrivals.length,
        ...checks,
        worker: `${trigger.maxConcurrency} at once, ${trigger.batchSize} message each (the catalog's DeliverWebhooks)`,
        per_event:
          'recorded as in the events scenario; then per event: a consistent GetItem of its delivery log entry, ' +
          'the signed POST, an UpdateItem of the log; per message one Query of the stream index per 100 events ' +
          'and one UpdateItem of the mark',
      },
    };
    return [row];
  } finally {
    sqs.destroy();
    await messaging.stop();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    await client.send(new DeleteTableCommand({ TableName: table })).catch(() => {});
    client.destroy();
  }
};

/**
 * Every arrival, checked after the run: one per event, each group's in sequence order without a gap,
 * every signature valid. Throws on any failure: a figure of wrong deliveries is no figure.
 */
function checkArrivals(arrivals: readonly Arrival[], secret: string, size: number) {
  const verifier = new Webhook(secret);
  const ids = new Set<string>();
  const perGroup = new Map<string, number[]>();
  for (const { headers, body } of arrivals) {
    const event = verifier.verify(body, headers as Record<string, string>) as {
      id: string;
      group_uuid: string;
      sequence: number;
    };
    ids.add(event.id);
    const sequences = perGroup.get(event.group_uuid) ?? [];
    sequences.push(event.sequence);
    perGroup.set(event.group_uuid, sequences);
  }
  if (arrivals.length !== size || ids.size !== size) {
    throw new Error(`${arrivals.length} deliveries of ${ids.size} events, expected ${size} of ${size}`);
  }
  for (const [group, sequences] of perGroup) {
    if (sequences.some((sequence, i) => sequence !== i + 1)) throw new Error(`group ${group} arrived out of order`);
  }
  return {
    distinct_events: ids.size,
    groups: perGroup.size,
    in_order_per_group: true,
    signatures_verified: arrivals.length,
  };
}
