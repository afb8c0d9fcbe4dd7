import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSendWebhook } from '#shared/webhooks/send-webhook';

/**
 * The delivery sender against receivers on the loopback (the local stack's policy lets it reach them;
 * the AWS policy is checked on addresses that must never be connected to).
 */

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve).closeAllConnections())));
});

async function receiver(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    answer(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

const delivery = (url: string) => ({ url, headers: { 'content-type': 'application/json' }, body: '{"id":"evt_x"}' });
const local = makeSendWebhook({ allowLocal: true }, 500);

describe('the webhook sender', () => {
  it('answers a redirect as the outcome and never follows it, not even to the loopback', async () => {
    const target = await receiver((_req, res) => res.end('ok'));
    const redirecting = await receiver((_req, res) => {
      res.writeHead(307, { location: `${target.url}/metadata` }).end();
    });
    expect(await local(delivery(`${redirecting.url}/hook`))).toEqual({ status: 307 });
    expect(redirecting.hits).toEqual(['/hook']);
    expect(target.hits).toEqual([]);
  });

  it('keeps the connection for the next delivery when the answer ends', async () => {
    const kept = await receiver((_req, res) => res.writeHead(204).end());
    let connections = 0;
    kept.server.on('connection', () => connections++);
    for (let i = 0; i < 3; i++) expect(await local(delivery(`${kept.url}/hook`))).toEqual({ status: 204 });
    expect(kept.hits).toHaveLength(3);
    expect(connections).toBe(1);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const silent = await receiver(() => {});
    expect(await local(delivery(silent.url))).toEqual({ error: 'timeout' });
  });

  it('closes the connection once the status is in, however long the receiver goes on sending', async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const endless = await receiver((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'.repeat(16_384)), 5);
      req.socket.on('close', () => {
        clearInterval(timer);
        closed();
      });
    });
    expect(await local(delivery(endless.url))).toEqual({ status: 200 });
    const outcome = await Promise.race([
      connectionClosed.then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still streaming'), 1_000)),
    ]);
    expect(outcome).toBe('closed');
  });

  it('refuses, without connecting, a blocked address or an http URL under the AWS policy', async () => {
    const open = await receiver((_req, res) => res.end('ok'));
    const aws = makeSendWebhook({ allowLocal: false }, 500);
    expect(await aws(delivery(open.url))).toEqual({ error: 'refused_address' });
    expect(await aws(delivery(open.url.replace('http:', 'https:')))).toEqual({ error: 'refused_address' });
    expect(await aws(delivery('https://[::ffff:7f00:1]/hook'))).toEqual({ error: 'refused_address' });
    expect(open.hits).toEqual([]);
  });
});
