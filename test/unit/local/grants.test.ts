import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { DynamoDBClient, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { AccessDenied, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  BatchRequestTooLong,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  SQSServiceException,
} from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FunctionDefinition } from '#functions/catalog';
import { MAX_MESSAGE_BYTES } from '#functions/resources';
import { installSdkChecks } from '#local/grants';
import { runAsFunction } from '#local/invocation-context';
import { S3Requests } from '#shared/imports/s3-requests';

const QUEUE_URL = 'http://sqs.us-east-1.localhost:4566/000000000000/job-chunks';
const OTHER_QUEUE_URL = 'http://sqs.us-east-1.localhost:4566/000000000000/notifications';
const resources = {
  tableName: 'lms-groups',
  bucket: 'lms-groups-imports',
  queueUrls: {
    groupCleanup: 'http://sqs.us-east-1.localhost:4566/000000000000/group-cleanup',
    jobChunks: QUEUE_URL,
    fileJobChunks: 'http://sqs.us-east-1.localhost:4566/000000000000/file-job-chunks',
    imports: 'http://sqs.us-east-1.localhost:4566/000000000000/imports',
    notifications: OTHER_QUEUE_URL,
    recalculations: 'http://sqs.us-east-1.localhost:4566/000000000000/recalculations',
    jobPlans: 'http://sqs.us-east-1.localhost:4566/000000000000/job-plans',
    webhookDeliveries: 'http://sqs.us-east-1.localhost:4566/000000000000/webhook-deliveries.fifo',
  },
  dlqUrls: {
    groupCleanup: 'http://sqs.us-east-1.localhost:4566/000000000000/group-cleanup-dlq',
    jobChunks: 'http://sqs.us-east-1.localhost:4566/000000000000/job-chunks-dlq',
    fileJobChunks: 'http://sqs.us-east-1.localhost:4566/000000000000/file-job-chunks-dlq',
    imports: 'http://sqs.us-east-1.localhost:4566/000000000000/imports-dlq',
    notifications: 'http://sqs.us-east-1.localhost:4566/000000000000/notifications-dlq',
    recalculations: 'http://sqs.us-east-1.localhost:4566/000000000000/recalculations-dlq',
    jobPlans: 'http://sqs.us-east-1.localhost:4566/000000000000/job-plans-dlq',
    webhookDeliveries: 'http://sqs.us-east-1.localhost:4566/000000000000/webhook-deliveries-dlq.fifo',
  },
};

/** A service that answers every request with 200 and `body`, or 404 for S3 reads of `missing/`. */
function answering(body: string) {
  return {
    handle: async (request: { path: string; method: string }) => ({
      response: request.path.includes('/missing/')
        ? {
            statusCode: 404,
            headers: {},
            body: Readable.from([
              Buffer.from(
                request.method === 'HEAD'
                  ? ''
                  : '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
              ),
            ]),
          }
        : {
            statusCode: 200,
            headers: { 'content-type': 'application/x-amz-json-1.0' },
            body: Readable.from([Buffer.from(body)]),
          },
    }),
  };
}
const config = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 };
const dynamo = () => new DynamoDBClient({ ...config, requestHandler: answering('{}') });
const sqs = () =>
  new SQSClient({
    ...config,
    md5: false,
    endpoint: 'http://sqs.us-east-1.localhost:4566',
    requestHandler: answering('{"MessageId":"m","MD5OfMessageBody":"x"}'),
  });
const s3 = () =>
  new S3Client({ ...config, forcePathStyle: true, endpoint: 'http://127.0.0.1:1', requestHandler: answering('') });

const fn = (name: string, access: FunctionDefinition['access']): FunctionDefinition => ({
  name,
  entry: `functions/http/${name}.ts`,
  trigger: { type: 'http', method: 'GET', path: `/${name}`, auth: 'jwt' },
  access,
});
const reader = fn('Reader', { table: 'read' });
const producer = fn('Producer', { table: 'readwrite', sendsTo: ['jobChunks'], bucket: { write: ['results'] } });

const refusals: string[] = [];
beforeEach(() => {
  refusals.length = 0;
  installSdkChecks(resources, { log: (line) => refusals.push(line) });
});

describe('local grant checks', () => {
  it('refuses a document-client write of a read-only function as DynamoDB does, and logs it', async () => {
    const db = DynamoDBDocumentClient.from(dynamo());
    const error = await runAsFunction(reader, () =>
      db.send(new PutCommand({ TableName: 'lms-groups', Item: { PK: 'a', SK: 'b' } })),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect(error).toMatchObject({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message:
        'User: arn:aws:sts::000000000000:assumed-role/Reader-role/Reader is not authorized to perform: ' +
        'dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/lms-groups because no ' +
        'identity-based policy allows the dynamodb:PutItem action',
    });
    expect(refusals).toEqual([
      'grants: Reader may not dynamodb:PutItem on arn:aws:dynamodb:us-east-1:000000000000:table/lms-groups (refused as AWS would)',
    ]);
  });

  it('lets a function do what its statements cover, an index query included', async () => {
    const db = DynamoDBDocumentClient.from(dynamo());
    await runAsFunction(reader, () =>
      db.send(
        new QueryCommand({
          TableName: 'lms-groups',
          IndexName: 'GSI1',
          KeyConditionExpression: 'x = :x',
          ExpressionAttributeValues: { ':x': 1 },
        }),
      ),
    );
    await runAsFunction(producer, () =>
      db.send(new PutCommand({ TableName: 'lms-groups', Item: { PK: 'a', SK: 'b' } })),
    );
    expect(refusals).toEqual([]);
  });

  it('authorizes a transaction per item', async () => {
    const db = DynamoDBDocumentClient.from(dynamo());
    const write = new TransactWriteCommand({
      TransactItems: [
        {
          ConditionCheck: {
            TableName: 'lms-groups',
            Key: { PK: 'a', SK: 'b' },
            ConditionExpression: 'attribute_exists(PK)',
          },
        },
        { Put: { TableName: 'lms-groups', Item: { PK: 'a', SK: 'c' } } },
      ],
    });
    await expect(runAsFunction(reader, () => db.send(write))).rejects.toThrow(/dynamodb:PutItem/);
    expect(refusals).toHaveLength(1);
  });

  it('refuses a send to an undeclared queue with SQS’s AccessDenied', async () => {
    const client = sqs();
    await runAsFunction(producer, () =>
      client.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: '{}' })),
    );
    const error = await runAsFunction(producer, () =>
      client.send(
        new SendMessageBatchCommand({ QueueUrl: OTHER_QUEUE_URL, Entries: [{ Id: '1', MessageBody: '{}' }] }),
      ),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toContain(
      'not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:000000000000:notifications',
    );
  });

  it('refuses S3 outside the function’s areas with AccessDenied, a HEAD with a bare 403', async () => {
    const client = s3();
    await runAsFunction(producer, () =>
      client.send(new PutObjectCommand({ Bucket: resources.bucket, Key: 'results/a.csv', Body: 'x' })),
    );
    const put = await runAsFunction(producer, () =>
      client.send(new PutObjectCommand({ Bucket: resources.bucket, Key: 'exports/a.csv', Body: 'x' })),
    ).catch((e: unknown) => e);
    expect(put).toBeInstanceOf(AccessDenied);
    expect(put).toMatchObject({ $metadata: { httpStatusCode: 403 } });
    const head = await runAsFunction(producer, () =>
      client.send(new HeadObjectCommand({ Bucket: resources.bucket, Key: 'results/a.csv' })),
    ).catch((e: unknown) => e);
    expect(head).toMatchObject({ name: '403', $metadata: { httpStatusCode: 403 } });
  });

  it('answers a read of a missing key with 403, as S3 does to a caller without s3:ListBucket', async () => {
    const client = s3();
    const readerOfResults = fn('ResultsReader', { bucket: { read: ['results'] } });
    const error = await runAsFunction(readerOfResults, () =>
      client.send(new GetObjectCommand({ Bucket: resources.bucket, Key: 'results/missing/a.csv' })),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDenied);
    // Outside a function (a test's own client) the emulator's answer stands.
    const outside = await client
      .send(new GetObjectCommand({ Bucket: resources.bucket, Key: 'results/missing/a.csv' }))
      .catch((e: unknown) => e);
    expect(outside).toMatchObject({ name: 'NoSuchKey' });
  });

  it('checks the object store’s own S3 requests as it checks the SDK’s', async () => {
    const server = createServer((request, response) => {
      const missing = request.url!.includes('/missing/');
      response.writeHead(missing ? 404 : 200).end(missing ? '<Error><Code>NoSuchKey</Code></Error>' : '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const requests = new S3Requests(
        { region: 'us-east-1', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
        async () => config.credentials,
      );
      const put = (Key: string) =>
        requests.send({ operation: 'PutObject', input: { Bucket: resources.bucket, Key }, body: 'x' });
      const get = (Key: string) => requests.send({ operation: 'GetObject', input: { Bucket: resources.bucket, Key } });

      expect((await runAsFunction(producer, () => put('results/a.csv'))).status).toBe(200);
      expect(await runAsFunction(producer, () => put('exports/a.csv')).catch((e: unknown) => e)).toBeInstanceOf(
        AccessDenied,
      );
      expect(refusals).toEqual([
        'grants: Producer may not s3:PutObject on arn:aws:s3:::lms-groups-imports/exports/a.csv (refused as AWS would)',
      ]);
      const readerOfResults = fn('ResultsReader', { bucket: { read: ['results'] } });
      expect(
        await runAsFunction(readerOfResults, () => get('results/missing/a.csv')).catch((e: unknown) => e),
      ).toBeInstanceOf(AccessDenied);
      expect(await get('results/missing/a.csv').catch((e: unknown) => e)).toMatchObject({
        name: 'NoSuchKey',
        $metadata: { httpStatusCode: 404 },
      });
    } finally {
      server.close();
    }
  });

  it('checks nothing outside a function’s invocation', async () => {
    const db = DynamoDBDocumentClient.from(dynamo());
    await db.send(new PutCommand({ TableName: 'lms-groups', Item: { PK: 'a', SK: 'b' } }));
    expect(refusals).toEqual([]);
  });

  it('refuses a message over 256 KB, alone or in a batch, as SQS does', async () => {
    const client = sqs();
    const body = 'x'.repeat(MAX_MESSAGE_BYTES + 1);
    await expect(client.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body }))).rejects.toMatchObject(
      {
        name: 'InvalidParameterValue',
        $metadata: { httpStatusCode: 400 },
      },
    );
    const half = 'x'.repeat(MAX_MESSAGE_BYTES / 2);
    await expect(
      client.send(
        new SendMessageBatchCommand({
          QueueUrl: QUEUE_URL,
          Entries: [
            { Id: '1', MessageBody: half },
            { Id: '2', MessageBody: half, MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(BatchRequestTooLong);
    await client.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: 'x'.repeat(MAX_MESSAGE_BYTES) }));
  });
});
