import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client';
import { jobEnded } from './job-waits';

/**
 * Webhooks as a subscriber sees them, on the stack that reads its change stream: a receiver on 127.0.0.1
 * subscribed to `membership.*` gets one signed event per change of a bulk assign, verified with the
 * Standard Webhooks library (the docs' example receiver), each group's events in sequence order without a
 * gap; while it answers 503 nothing is lost, and everything arrives once it is back; the catch-up feed
 * holds the same events. The bulk assign invites 10,000 learners by e-mail (WEBHOOK_E2E_LEARNERS sets
 * another size): invitations need no learner created first, so the test's time is the stream's and the
 * deliveries'. The small group's 30 members are learners created first.
 */

const LEARNERS = Number(process.env.WEBHOOK_E2E_LEARNERS ?? 10_000);
/** Timeouts grow with the assign's size past 10,000 (about 90 deliveries a second on an idle two-core machine). */
const SCALE = Math.max(1, LEARNERS / 10_000);
const tenant = randomUUID();
const webhooksPath = `/api/v1/enterprise-customer/${tenant}/webhooks`;
let admin: string;
let receiver: Server;
let secret: string;
let webhookId: string;
let [big, small] = ['', ''];
/** The small group's members: learners created first. */
const learners = Array.from({ length: 30 }, () => randomUUID());
/** The big group's members: invitations by e-mail. */
const invited = Array.from({ length: LEARNERS }, (_, i) => `wh-invite-${i}-${tenant}@example.com`);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  /** What the Standard Webhooks library made of it on arrival, with the first secret: the event, or why not. */
  verified: Event | string;
}
interface Event {
  id: string;
  type: string;
  sequence: number;
  group_uuid: string;
}
const received: Received[] = [];
let down = false;

const delivered = () => received.filter((r) => r.status < 300);
const eventsOf = (group: string) =>
  delivered()
    .map((r) => JSON.parse(r.body) as Event)
    .filter((e) => e.group_uuid === group);

async function until(condition: () => boolean, what: string, timeoutMs = 240_000) {
  for (const deadline = Date.now() + timeoutMs; !condition();) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (${delivered().length} delivered)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function ok(status: number, answer: Promise<{ status: number; text: string; json: unknown }>) {
  const a = await answer;
  expect(a.status, a.text).toBe(status);
  return a.json as Record<string, unknown>;
}

/** Assigns learners (uuids) or invitations (e-mails) to a group, waiting for the job when the call became one (over 1,000). */
async function assign(group: string, members: { learner_uuids: string[] } | { learner_emails: string[] }) {
  const answer = await api('POST', `/api/v1/enterprise-group/${group}/assign_learners`, {
    token: admin,
    body: members,
  });
  expect(answer.status, answer.text).toBeLessThan(300);
  if (answer.status === 202)
    expect((await jobEnded(admin, answer.json.status_url, 400_000 * SCALE, 500)).status).toBe('succeeded');
}

/** As a receiver verifies a request on arrival (its timestamp must be within five minutes of now). */
function verify(body: string, headers: IncomingHttpHeaders): Event | string {
  try {
    return new Webhook(secret).verify(body, headers as Record<string, string>) as Event;
  } catch (error) {
    return String(error);
  }
}

beforeAll(async () => {
  admin = await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: 'webhooks-admin' });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = down ? 503 : 204;
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, status, verified: verify(body, req.headers) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;

  await ok(
    200,
    api('POST', `/api/v1/enterprise-customer/${tenant}/learners/bulk`, {
      token: admin,
      body: { learners: learners.map((id) => ({ learner_uuid: id, email: `wh-${id}@example.com` })) },
    }),
  );
  const created = await ok(
    201,
    api('POST', `${webhooksPath}/`, {
      token: admin,
      body: { url: `http://127.0.0.1:${port}/hooks`, event_types: ['membership.*'] },
    }),
  );
  expect(created).toMatchObject({ enabled: true, status: 'active', event_types: ['membership.*'] });
  secret = String(created.secret);
  webhookId = String(created.webhook_id);
  const group = async (name: string) =>
    String(
      (
        await ok(
          201,
          api('POST', '/api/v1/enterprise-group', {
            token: admin,
            body: { name: `${name} ${tenant}`, enterprise_customer_uuid: tenant },
          }),
        )
      ).group_uuid,
    );
  [big, small] = [await group('Webhooks big'), await group('Webhooks small')];
}, 120_000);

afterAll(async () => {
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('webhooks over HTTP (Standard Webhooks)', () => {
  it(
    `delivers one verifiable event per change of a ${LEARNERS}-learner assign, in order per group`,
    async () => {
      const started = Date.now();
      await Promise.all([assign(big, { learner_emails: invited }), assign(small, { learner_uuids: learners })]);
      await until(
        () => eventsOf(big).length >= LEARNERS && eventsOf(small).length >= 30,
        'the assign’s events',
        900_000 * SCALE,
      );
      console.info(`webhooks e2e: ${LEARNERS + 30} events delivered in ${Date.now() - started} ms`);
      // group.created is sequence 1 and no membership event: the members are 2..n+1, once each, in order.
      expect(eventsOf(big).map((e) => e.sequence)).toEqual(Array.from({ length: LEARNERS }, (_, i) => i + 2));
      expect(eventsOf(small).map((e) => e.sequence)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
      expect(new Set(delivered().map((r) => r.headers['webhook-id'])).size).toBe(delivered().length);
      for (const request of delivered()) {
        expect(request.verified).toMatchObject({ type: 'membership.added', id: request.headers['webhook-id'] });
      }
    },
    1_000_000 * SCALE,
  );

  it('holds the same events in the catch-up feed', async () => {
    const feedOf = async (group: string) => {
      const feed: Event[] = [];
      for (let after: string | null = null; ;) {
        const query = new URLSearchParams({
          group_uuid: group,
          type: 'membership.*',
          page_size: '1000',
          ...(after ? { after } : {}),
        });
        const page = await api('GET', `/api/v1/enterprise-customer/${tenant}/events?${query}`, { token: admin });
        expect(page.status, page.text).toBe(200);
        feed.push(...page.json.results);
        after = page.json.after;
        if (!page.json.next) return feed;
      }
    };
    for (const group of [big, small]) {
      expect((await feedOf(group)).map((e) => e.id)).toEqual(eventsOf(group).map((e) => e.id));
    }
  });

  it('delivers every event once the receiver is back after answering 503 for a while', async () => {
    const before = eventsOf(small).length;
    down = true;
    const refusedBefore = received.length - delivered().length;
    const removed = learners.slice(0, 12);
    await ok(
      200,
      api('POST', `/api/v1/enterprise-group/${small}/remove_learners`, {
        token: admin,
        body: { learner_uuids: removed },
      }),
    );
    await until(() => received.length - delivered().length >= refusedBefore + 3, 'three refused attempts', 60_000);
    const log = await ok(200, api('GET', `${webhooksPath}/${webhookId}/deliveries?page_size=5`, { token: admin }));
    expect((log.results as { status: string; response_code: number }[])[0]).toMatchObject({
      status: 'pending',
      response_code: 503,
    });
    down = false;
    await until(() => eventsOf(small).length >= before + 12, 'the removals after the receiver came back', 120_000);
    const removals = eventsOf(small).slice(before);
    expect(removals.map((e) => e.type)).toEqual(Array(12).fill('membership.removed'));
    expect(removals.map((e) => e.sequence)).toEqual(Array.from({ length: 12 }, (_, i) => 32 + i));
    const webhook = await ok(200, api('GET', `${webhooksPath}/${webhookId}`, { token: admin }));
    expect(webhook).toMatchObject({ status: 'active' });
    expect(webhook).not.toHaveProperty('secret');
  }, 240_000);

  it('signs with both secrets after a rotation, and redelivers a logged event on request', async () => {
    const rotated = await ok(200, api('POST', `${webhooksPath}/${webhookId}/rotate-secret`, { token: admin }));
    expect(rotated.secret).not.toBe(secret);
    const count = eventsOf(small).length;
    await assign(small, { learner_uuids: learners.slice(0, 1) }); // a removed member revived: one membership.revived
    await until(() => eventsOf(small).length > count, 'the delivery after the rotation', 60_000);
    const last = delivered().at(-1)!;
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const key of [secret, String(rotated.secret)]) {
      expect(() => new Webhook(key).verify(last.body, last.headers as Record<string, string>)).not.toThrow();
    }
    const id = String(last.headers['webhook-id']);
    const again = await ok(
      202,
      api('POST', `${webhooksPath}/${webhookId}/deliveries/${id}/redeliver`, { token: admin }),
    );
    expect(again).toMatchObject({ delivery_id: id, status: 'pending' });
    await until(() => delivered().filter((r) => r.headers['webhook-id'] === id).length === 2, 'the redelivery', 60_000);
    const log = await ok(200, api('GET', `${webhooksPath}/${webhookId}/deliveries?page_size=3`, { token: admin }));
    expect((log.results as { delivery_id: string }[]).map((d) => d.delivery_id)).toContain(id);
  }, 120_000);

  it('shows a signing secret in the answers of create and rotate only: no read, listing, log, event or delivery holds one', async () => {
    const rotated = await ok(200, api('POST', `${webhooksPath}/${webhookId}/rotate-secret`, { token: admin }));
    const secrets = [secret, String(rotated.secret)];
    const feed = `/api/v1/enterprise-customer/${tenant}/events`;
    const answers = await Promise.all(
      [
        api('GET', `${webhooksPath}/${webhookId}`, { token: admin }),
        api('GET', webhooksPath, { token: admin }),
        api('PATCH', `${webhooksPath}/${webhookId}`, { token: admin, body: { enabled: true } }),
        api('GET', `${webhooksPath}/${webhookId}/deliveries?page_size=1000`, { token: admin }),
        api('GET', `${feed}?group_uuid=${small}&page_size=1000`, { token: admin }),
      ].map(async (answer) => (await answer).text),
    );
    expect(answers.every((text) => text.length > 0)).toBe(true);
    const bodies = received.map((r) => `${JSON.stringify(r.headers)}${r.body}`);
    for (const text of [...answers, ...bodies]) for (const s of secrets) expect(text).not.toContain(s.slice(6));
  }, 60_000);
});
