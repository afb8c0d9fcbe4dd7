import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newSecret, sign, webhookHeaders } from '#shared/webhooks/signing';

const body = JSON.stringify({ id: 'evt_1', type: 'membership.added', data: { after: { status: 'active' } } });

describe('Standard Webhooks signatures', () => {
  it('makes secrets of whsec_ and the base64 of 32 random bytes', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newSecret()).not.toBe(secret);
  });

  it('signs id.timestamp.body as the standardwebhooks library does, and the library verifies it', () => {
    const secret = newSecret();
    const now = Math.floor(Date.now() / 1000);
    expect(sign(secret, 'evt_1', now, body)).toBe(new Webhook(secret).sign('evt_1', new Date(now * 1000), body));
    const headers = webhookHeaders([secret], 'evt_1', now, body);
    expect(headers).toMatchObject({ 'webhook-id': 'evt_1', 'webhook-timestamp': String(now) });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('keys the HMAC with the secret’s decoded bytes, over id.timestamp.body (the specification’s construction)', () => {
    const key = Buffer.alloc(32, 7);
    const expected = createHmac('sha256', key).update(`msg_1.1614265330.${body}`).digest('base64');
    expect(sign(newSecret(key), 'msg_1', 1614265330, body)).toBe(`v1,${expected}`);
  });

  it('sends one signature per live secret, each verifying with its own secret, and a changed body with none', () => {
    const [current, previous] = [newSecret(), newSecret()];
    const now = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders([current, previous], 'evt_2', now, body);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });
});
