import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSendWebhook } from '#shared/webhooks/send-webhook';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A receiver on 127.0.0.1 answering `status`, counting the connections it was opened. */
async function receiver(status: number, headers: Record<string, string> = {}) {
  const seen = { connections: 0, requests: 0 };
  server = createServer((req, res) => {
    seen.requests++;
    req.resume();
    req.on('end', () => res.writeHead(status, headers).end('ignored'));
  });
  server.on('connection', () => seen.connections++);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, seen };
}

describe('sending a webhook', () => {
  const send = makeSendWebhook({ allowLocal: true }, 2_000);

  it('keeps the connection for the next delivery of the stream', async () => {
    const { url, seen } = await receiver(204);
    for (let i = 0; i < 3; i++) expect(await send({ url, headers: {}, body: `{"n":${i}}` })).toEqual({ status: 204 });
    expect(seen).toEqual({ connections: 1, requests: 3 });
  });

  it('answers a redirect as the outcome, without following it', async () => {
    const { url, seen } = await receiver(307, { location: 'http://10.0.0.1/' });
    expect(await send({ url, headers: {}, body: '{}' })).toEqual({ status: 307 });
    expect(seen.requests).toBe(1);
  });
});
