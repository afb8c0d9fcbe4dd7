import { randomUUID } from 'node:crypto';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalLog } from '#local/local-log';
import { type Messaging, startMessaging } from '#local/messaging';
import { type Pollers, startPollers } from '#local/pollers';
import { deliveriesOf, handler, invocations, type Script } from './fixtures/scripted-worker';

const MAX_RECEIVE_COUNT = 2;
const silent: LocalLog = { info: () => {}, warn: () => {}, error: () => {} };

let messaging: Messaging<'work'>;
let sqs: SQSClient;
let pollers: Pollers | undefined;

beforeEach(async () => {
  invocations.length = 0;
  messaging = await startMessaging({
    port: 0,
    queues: {
      work: {
        id: 'Work',
        localName: `work-${randomUUID()}`,
        visibilityTimeoutSeconds: 1,
        maxReceiveCount: MAX_RECEIVE_COUNT,
      },
    },
  });
  sqs = new SQSClient({
    endpoint: messaging.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterEach(async () => {
  await pollers?.stop();
  pollers = undefined;
  sqs.destroy();
  await messaging.stop();
});

async function send(...scripts: Script[]): Promise<void> {
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: messaging.queueUrls.work,
      Entries: scripts.map((script, index) => ({
        Id: String(index),
        MessageBody: JSON.stringify(script),
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'scripted' } },
      })),
    }),
  );
}

function poll(batchSize = 10): Pollers {
  pollers = startPollers({
    endpoint: messaging.endpoint,
    log: silent,
    consumers: [
      {
        name: 'ScriptedWorker',
        queueUrl: messaging.queueUrls.work,
        queueArn: messaging.queueArns.work,
        batchSize,
        handler,
      },
    ],
  });
  return pollers;
}

async function dlqBodies(): Promise<Script[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: messaging.dlqUrls.work, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
  );
  return Messages.map((message) => JSON.parse(message.Body!) as Script);
}

describe('local queue pollers', () => {
  it('delivers Lambda-shaped SQS records', async () => {
    await send({ id: 'shape' });
    await poll().idle();
    const [record] = invocations[0]!.Records;
    expect(record).toEqual({
      messageId: expect.any(String),
      receiptHandle: expect.any(String),
      body: JSON.stringify({ id: 'shape' }),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: expect.stringMatching(/^\d+$/),
        SenderId: expect.any(String),
        ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
      },
      messageAttributes: {
        kind: { stringValue: 'scripted', stringListValues: [], binaryListValues: [], dataType: 'String' },
      },
      md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/),
      md5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/),
      eventSource: 'aws:sqs',
      eventSourceARN: messaging.queueArns.work,
      awsRegion: 'us-east-1',
    });
  });

  it('deletes the successes of a partially failed batch and redelivers only the failed record', async () => {
    await send({ id: 'ok-1' }, { id: 'flaky', failUntil: 1 }, { id: 'ok-2' });
    await poll().idle();

    expect(invocations[0]!.Records.map((record) => JSON.parse(record.body).id)).toEqual(['ok-1', 'flaky', 'ok-2']);
    expect(deliveriesOf('ok-1')).toHaveLength(1);
    expect(deliveriesOf('ok-2')).toHaveLength(1);
    expect(deliveriesOf('flaky').map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    expect(await dlqBodies()).toEqual([]);
  });

  it('moves a record that keeps failing to the DLQ after maxReceiveCount deliveries', async () => {
    await send({ id: 'poison', failUntil: 'always' }, { id: 'fine' });
    await poll().idle();

    expect(deliveriesOf('poison')).toHaveLength(MAX_RECEIVE_COUNT);
    expect(deliveriesOf('fine')).toHaveLength(1);
    expect(await dlqBodies()).toEqual([{ id: 'poison', failUntil: 'always' }]);
  });

  it('deletes nothing when the worker throws, so the whole batch comes back', async () => {
    await send({ id: 'thrower', throwUntil: 1 }, { id: 'bystander' });
    await poll().idle();

    expect(deliveriesOf('thrower')).toHaveLength(2);
    expect(deliveriesOf('bystander')).toHaveLength(2);
    expect(await dlqBodies()).toEqual([]);
  });

  it('receives at most batchSize records per invocation', async () => {
    await send(...Array.from({ length: 7 }, (_, index) => ({ id: `m${index}` })));
    await poll(3).idle();

    expect(invocations.every((event) => event.Records.length <= 3)).toBe(true);
    expect(invocations.flatMap((event) => event.Records)).toHaveLength(7);
  });

  it('stop() waits for the batch in flight and settles it', async () => {
    await send({ id: 'slow', delayMs: 500 });
    const running = poll();
    await expect.poll(() => invocations.length, { timeout: 5_000 }).toBe(1);
    await running.stop();
    pollers = undefined;

    expect(deliveriesOf('slow')).toHaveLength(1);
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: messaging.queueUrls.work,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    // Deleted, not merely in flight: stop() resolved after the worker answered and the delete went out.
    expect(Attributes).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });
});
