import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { S3RequestError, S3Requests, textOf } from '#shared/imports/s3-requests';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
let close: (() => void) | undefined;
afterEach(() => close?.());

/** An S3 stand-in on loopback answering with `answer`; the requests it saw, their bodies read. */
async function s3Answering(
  answer: (request: IncomingMessage, body: string, response: ServerResponse) => void,
  idleMs?: number,
) {
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer(async (request, response) => {
    const body = await textOf(request);
    seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
    answer(request, body, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { seen, requests: new S3Requests({ region: 'us-east-1', endpoint }, async () => credentials, idleMs) };
}

describe('S3 requests', () => {
  it('drops a connection that goes quiet and retries, then gives up with the reason', async () => {
    // Never answers: every attempt waits out the idle limit.
    const { seen, requests } = await s3Answering(() => {}, 50);
    await expect(
      requests.send({ operation: 'HeadObject', input: { Bucket: 'bucket', Key: 'imports/x.csv' } }),
    ).rejects.toThrow(/HeadObject to S3: no data for 50 ms/);
    expect(seen).toHaveLength(3);
  });

  it('sends a signed path-style request with its body’s SHA-256 and MD5', async () => {
    const { seen, requests } = await s3Answering((_, __, response) => response.writeHead(200).end());

    const answer = await requests.send({
      operation: 'PutObject',
      input: { Bucket: 'bucket', Key: 'results/a b.csv' },
      query: { 'x-id': 'PutObject' },
      headers: { 'content-type': 'text/csv' },
      body: 'a,b\n',
    });
    answer.body.resume();

    expect(answer.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'PUT', url: '/bucket/results/a%20b.csv?x-id=PutObject', body: 'a,b\n' });
    expect(seen[0]!.headers).toMatchObject({
      'content-type': 'text/csv',
      'content-md5': '9p9bcrx5qS3HDGPJqhQuNg==',
      'x-amz-content-sha256': '5be08c9684a1d25efcee09318204824278b08bbfb4aef973ffefd0b9d7478313',
    });
    expect(seen[0]!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=.*content-md5.*x-amz-content-sha256/,
    );
  });

  it('names a refusal as the SDK does: the error code of the body, NotFound for a bare 404', async () => {
    const { requests } = await s3Answering((request, _, response) =>
      request.method === 'HEAD'
        ? response.writeHead(404).end()
        : response.writeHead(404).end('<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>'),
    );
    const input = { Bucket: 'bucket', Key: 'missing.csv' };

    const get = await requests.send({ operation: 'GetObject', input }).catch((e: unknown) => e);
    const head = await requests.send({ operation: 'HeadObject', input }).catch((e: unknown) => e);

    expect(get).toBeInstanceOf(S3RequestError);
    expect(get).toMatchObject({ name: 'NoSuchKey', message: 'no such key', $metadata: { httpStatusCode: 404 } });
    expect(head).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
  });

  it('retries a throttled request, and gives up on the third refusal', async () => {
    let calls = 0;
    const { requests } = await s3Answering((_, __, response) =>
      ++calls < 3
        ? response.writeHead(503).end('<Error><Code>SlowDown</Code></Error>')
        : response.writeHead(200).end('done'),
    );
    const input = { Bucket: 'bucket', Key: 'a.csv' };

    const answer = await requests.send({ operation: 'GetObject', input });
    expect(await textOf(answer.body)).toBe('done');
    expect(calls).toBe(3);

    calls = -10;
    const error = await requests.send({ operation: 'GetObject', input }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
    expect(calls).toBe(-7);
  });
});
