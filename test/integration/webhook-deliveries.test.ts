import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queues } from '#functions/resources';
import { createLambdaContext } from '#local/lambda-context';
import type { LocalLog } from '#local/local-log';
import { type Messaging, startMessaging } from '#local/messaging';
import { type Pollers, startPollers } from '#local/pollers';
import { keys } from '#shared/db/keys';
import type { ChangeCandidate, ChangeEvent, ChangeEventType } from '#shared/events/change-event';
import { makeEventRepository } from '#shared/events/event-repository';
import { makeDeliverWebhooks } from '#shared/webhooks/deliver-webhooks';
import { messageGroupOf, makeSqsDeliveryQueue } from '#shared/webhooks/delivery-queue';
import { makeDeliveryRepository } from '#shared/webhooks/delivery-repository';
import { makeDeliveryWorker } from '#shared/webhooks/delivery-worker';
import { makeQueueWebhookDeliveries } from '#shared/webhooks/queue-webhook-deliveries';
import { makeSendWebhook } from '#shared/webhooks/send-webhook';
import { newSecret } from '#shared/webhooks/signing';
import { makeRedeliverWebhookEvent } from '#shared/webhooks/webhook-deliveries';
import { makeWebhookRepository } from '#shared/webhooks/webhook-repository';
import type { Caller } from '#shared/auth/caller';
import { createTestTable, documentClient, dynamoClient } from './dynamo';

/**
 * Webhook deliveries against DynamoDB Local and the FIFO queue of fauxqs, through the local pollers (as
 * the stack runs them) to a receiver on 127.0.0.1: order per stream, retries, idempotency, dead letters.
 */

const TENANT = '22222222-2222-4222-8222-222222222222';
const silent: LocalLog = { info: () => {}, warn: () => {}, error: () => {} };
const staff: Caller = { issuer: 'test', sub: 'staff', roles: new Set(['staff']), enterprises: new Set() };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let table: string;
let messaging: Messaging<'webhookDeliveries'>;
let sqs: SQSClient;
let pollers: Pollers | undefined;
let receiver: Server;
let received: Received[];
/** What the receiver answers a request: a status, or 'hang' (never answers). */
let answer: (request: Received) => number | 'hang';
let offsetMs: number;
const clock = { now: () => new Date(Date.now() + offsetMs).toISOString() };

beforeEach(async () => {
  table = await createTestTable('webhooks', { stream: true });
  messaging = await startMessaging({
    port: 0,
    queues: {
      webhookDeliveries: { ...queues.webhookDeliveries, localName: `wh-${randomUUID()}`, visibilityTimeoutSeconds: 20 },
    },
  });
  sqs = new SQSClient({
    endpoint: messaging.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  received = [];
  answer = () => 200;
  offsetMs = 0;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      const status = answer(request);
      if (status !== 'hang') res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  await pollers?.stop();
  pollers = undefined;
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  sqs.destroy();
  await messaging.stop();
});
afterAll(() => dynamoClient().destroy());

function stack() {
  const db = documentClient();
  const events = makeEventRepository(db, table);
  const webhooks = makeWebhookRepository(db, table);
  const deliveries = makeDeliveryRepository(db, table);
  const queue = makeSqsDeliveryQueue(messaging.queueUrls.webhookDeliveries, sqs);
  const deliver = makeDeliverWebhooks({
    webhooks,
    deliveries,
    events,
    send: makeSendWebhook({ allowLocal: true }, 1_000),
    clock,
    retryCapSeconds: 1,
  });
  const worker = makeDeliveryWorker(
    () => deliver,
    () => queue,
  );
  const fanOut = makeQueueWebhookDeliveries(webhooks, queue);
  pollers = startPollers({
    endpoint: messaging.endpoint,
    log: silent,
    consumers: [
      {
        name: 'DeliverWebhooks',
        queueUrl: messaging.queueUrls.webhookDeliveries,
        queueArn: messaging.queueArns.webhookDeliveries,
        batchSize: 1,
        concurrency: 4,
        handler: (event: SQSEvent) =>
          worker(event, createLambdaContext({ name: 'DeliverWebhooks', timeoutSeconds: 60, memoryMb: 512 })),
      },
    ],
  });

  /** Records the changes (one stream's, in order) as the stream function does, then queues their deliveries. */
  const change = async (candidates: ChangeCandidate[]) => {
    const recorded = await events.record(candidates, clock.now());
    await fanOut.publish(recorded);
    return recorded;
  };
  const subscribe = async (eventTypes = ['membership.*']) => {
    const webhook = {
      webhook_id: randomUUID(),
      enterprise_customer_uuid: TENANT,
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      event_types: eventTypes,
      enabled: true,
      status: 'active' as const,
      failing_since: null,
      skipped_events: 0,
      last_skipped_at: null,
      created: clock.now(),
      modified: clock.now(),
      secrets: [{ secret: newSecret(), expires_at: null }],
    };
    await webhooks.create(webhook);
    return webhook;
  };
  return { events, webhooks, deliveries, queue, change, subscribe };
}

let counter = 0;
const candidate = (group: string, type: ChangeEventType = 'membership.added'): ChangeCandidate => ({
  id: `evt_${randomUUID().replaceAll('-', '')}`,
  type,
  occurred_at: new Date().toISOString(),
  enterprise_customer_uuid: TENANT,
  group_uuid: group,
  course_id: null,
  data: { before: null, after: { n: ++counter } },
});

const bodies = (requests: Received[] = received) => requests.map((r) => JSON.parse(r.body) as ChangeEvent);
const sequences = (group: string, requests?: Received[]) =>
  bodies(requests)
    .filter((e) => e.group_uuid === group)
    .map((e) => e.sequence);
const settle = () => pollers!.idle({ timeoutMs: 45_000 });

describe('webhook deliveries (DynamoDB Local + fauxqs FIFO)', () => {
  it('delivers each matching event once, signed, in sequence order per group', async () => {
    const { change, subscribe, deliveries } = await Promise.resolve(stack());
    const webhook = await subscribe();
    const [g1, g2] = [randomUUID(), randomUUID()];
    for (let round = 0; round < 3; round++) {
      await change([candidate(g1), candidate(g1, 'group.updated'), candidate(g1)]);
      await change([candidate(g2), candidate(g2, 'membership.removed')]);
    }
    await settle();
    expect(sequences(g1)).toEqual([1, 3, 4, 6, 7, 9]);
    expect(sequences(g2)).toEqual([1, 2, 3, 4, 5, 6]);
    const verifier = new Webhook(webhook.secrets[0]!.secret);
    for (const request of received) {
      expect(verifier.verify(request.body, request.headers as Record<string, string>)).toMatchObject({
        id: request.headers['webhook-id'],
      });
    }
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(12);
    const log = await deliveries.page(webhook.webhook_id, { pageSize: 100 });
    expect(log.items).toHaveLength(12);
    expect(log.items.every((d) => d.status === 'succeeded' && d.attempts === 1 && d.response_code === 200)).toBe(true);
  });

  it('retries a 500 and a timeout with backoff, holding back its group only, then delivers the rest in order', async () => {
    const { change, subscribe, deliveries } = stack();
    const webhook = await subscribe();
    const [blocked, free] = [randomUUID(), randomUUID()];
    const answers = new Map<string, number>();
    answer = (request) => {
      const event = JSON.parse(request.body) as ChangeEvent;
      if (event.group_uuid !== blocked || event.sequence !== 2) return 200;
      const n = (answers.get(event.id) ?? 0) + 1;
      answers.set(event.id, n);
      return n === 1 ? 500 : n === 2 ? 'hang' : 204;
    };
    await change([candidate(blocked), candidate(blocked), candidate(blocked)]);
    await change([candidate(free), candidate(free)]);
    await settle();
    expect(sequences(blocked)).toEqual([1, 2, 2, 2, 3]);
    expect(sequences(free)).toEqual([1, 2]);
    // The other group went ahead while the blocked one waited.
    const order = bodies().map((e) => `${e.group_uuid === blocked ? 'b' : 'f'}${e.sequence}`);
    expect(order.indexOf('f2')).toBeLessThan(order.lastIndexOf('b2'));
    const second = (await deliveries.page(webhook.webhook_id, { pageSize: 10 })).items.find(
      (d) => d.sequence === 2 && d.group_uuid === blocked,
    );
    expect(second).toMatchObject({ status: 'succeeded', attempts: 3, response_code: 204 });
  }, 60_000);

  it('sends nothing twice: a duplicate stream record, a duplicate message, a message replayed after a lost mark', async () => {
    const { change, subscribe, queue } = stack();
    const webhook = await subscribe();
    const group = randomUUID();
    const changes = [candidate(group), candidate(group)];
    await change(changes);
    await settle();
    expect(sequences(group)).toEqual([1, 2]);
    // The stream delivers the same records again: the same events, and their deliveries are done.
    await change(changes);
    await settle();
    // The same message again past FIFO deduplication (another id), and after the stream's mark was lost.
    const message = {
      kind: 'stream',
      enterprise_customer_uuid: TENANT,
      webhook_id: webhook.webhook_id,
      stream: { group },
      from: 1,
      through: 2,
    };
    const resend = () =>
      sqs.send(
        new SendMessageCommand({
          QueueUrl: messaging.queueUrls.webhookDeliveries,
          MessageBody: JSON.stringify(message),
          MessageGroupId: messageGroupOf(message as never),
          MessageDeduplicationId: randomUUID(),
        }),
      );
    await resend();
    await settle();
    await documentClient().send(
      new DeleteCommand({ TableName: table, Key: keys.webhookLane(webhook.webhook_id, { group }) }),
    );
    await resend();
    await settle();
    await queue.send([message as never]);
    await settle();
    expect(sequences(group)).toEqual([1, 2]);
  }, 60_000);

  it('begins a stream where the subscription began, when a later block of a course reaches it first', async () => {
    const { events, subscribe, queue } = stack();
    const course = `course-v1:Start+${randomUUID()}`;
    const enrolled = (): ChangeCandidate => ({
      ...candidate(''),
      type: 'enrollment.enrolled',
      group_uuid: null,
      course_id: course,
    });
    await events.record([enrolled(), enrolled()], clock.now());
    offsetMs += 1_000;
    const webhook = await subscribe(['enrollment.*']);
    offsetMs += 1_000;
    // Two recorders of the course (records of several shards): 3–4, then 5–6, whose message is sent first.
    const [first, second] = [
      await events.record([enrolled(), enrolled()], clock.now()),
      await events.record([enrolled(), enrolled()], clock.now()),
    ];
    expect([...first, ...second].map((e) => e.sequence)).toEqual([3, 4, 5, 6]);
    const message = (from: number, through: number) =>
      ({
        kind: 'stream',
        enterprise_customer_uuid: TENANT,
        webhook_id: webhook.webhook_id,
        stream: { course },
        from,
        through,
      }) as const;
    await queue.send([message(5, 6)]);
    await queue.send([message(3, 4)]);
    await settle();
    expect(bodies().map((e) => e.sequence)).toEqual([3, 4, 5, 6]);
  }, 60_000);

  it('skips events that expired before their turn, counts them on the subscription, and goes on', async () => {
    const { change, subscribe, events, queue, webhooks } = stack();
    const webhook = await subscribe();
    const group = randomUUID();
    await change([candidate(group)]);
    await settle();
    // Events 2 and 3 are recorded and then expire (TTL deletes them) before the subscription gets to them.
    const [second, third] = await events.record([candidate(group), candidate(group), candidate(group)], clock.now());
    for (const gone of [second!, third!]) {
      await documentClient().send(new DeleteCommand({ TableName: table, Key: keys.changeEventById(gone.id) }));
    }
    offsetMs = 10 * 60_000; // long past the index's lag: the missing numbers are gone, not late
    const message = {
      kind: 'stream',
      enterprise_customer_uuid: TENANT,
      webhook_id: webhook.webhook_id,
      stream: { group },
    };
    await queue.send([{ ...message, from: 2, through: 4 } as never]);
    await settle();
    await change([candidate(group)]);
    await settle();
    expect(sequences(group)).toEqual([1, 4, 5]);
    expect(await webhooks.get(TENANT, webhook.webhook_id)).toMatchObject({
      skipped_events: 2,
      last_skipped_at: expect.any(String),
    });
  }, 60_000);

  it('dead-letters a delivery after a day of failures, marks the subscription failing, and a success clears it', async () => {
    const { change, subscribe, webhooks, deliveries } = stack();
    const webhook = await subscribe();
    const group = randomUUID();
    let down = true;
    answer = () => (down ? 503 : 200);
    await change([candidate(group)]);
    await until(() => received.length >= 2);
    offsetMs = 24 * 3600 * 1000 + 1_000; // the next attempt is a day after the first
    await settle();
    const [first] = (await deliveries.page(webhook.webhook_id, { pageSize: 10 })).items;
    expect(first).toMatchObject({ status: 'failed', response_code: 503 });
    expect(await webhooks.get(TENANT, webhook.webhook_id)).toMatchObject({
      status: 'failing',
      failing_since: expect.any(String),
    });

    // While failing, a delivery gets one attempt; the next success makes the subscription active again.
    const attempts = received.length;
    await change([candidate(group)]);
    await settle();
    expect(received.length).toBe(attempts + 1);
    down = false;
    await change([candidate(group)]);
    await settle();
    expect(sequences(group).at(-1)).toBe(3);
    expect(await webhooks.get(TENANT, webhook.webhook_id)).toMatchObject({ status: 'active', failing_since: null });

    // A redelivery of the dead letter sends it again, once, and logs its success.
    const redeliver = makeRedeliverWebhookEvent(
      webhooks,
      deliveries,
      makeSqsDeliveryQueue(messaging.queueUrls.webhookDeliveries, sqs),
      clock,
    );
    await redeliver(staff, TENANT, webhook.webhook_id, first!.delivery_id);
    await settle();
    expect(received.at(-1)!.headers['webhook-id']).toBe(first!.delivery_id);
    expect(await deliveries.get(webhook.webhook_id, first!.delivery_id)).toMatchObject({
      status: 'succeeded',
      response_code: 200,
    });
  }, 60_000);
});

async function until(condition: () => boolean, timeoutMs = 20_000) {
  for (const deadline = Date.now() + timeoutMs; !condition();) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
