import { describe, expect, it } from 'vitest';
import type { Caller } from '#shared/auth/caller';
import type { ChangeEvent, ChangeEventType } from '#shared/events/change-event';
import { makeCreateWebhook } from '#shared/webhooks/create-webhook';
import type { DeliveryMessage } from '#shared/webhooks/delivery';
import { makeQueueWebhookDeliveries } from '#shared/webhooks/queue-webhook-deliveries';
import { makeRotateWebhookSecret } from '#shared/webhooks/rotate-webhook-secret';
import { checkWebhookUrl, WebhookUrlRefusedError } from '#shared/webhooks/url-policy';
import { liveSecrets, matchesEventTypes, type StoredWebhook } from '#shared/webhooks/webhook';

const TENANT = '33333333-3333-4333-8333-333333333333';
const admin: Caller = { issuer: 'i', sub: 'a', roles: new Set(['enterprise_admin']), enterprises: new Set([TENANT]) };
const stranger: Caller = { issuer: 'i', sub: 'b', roles: new Set(['enterprise_admin']), enterprises: new Set() };
const clock = { now: () => '2026-12-06T10:00:00.000Z' };

function fakeWebhooks() {
  const items = new Map<string, StoredWebhook>();
  return {
    items,
    list: async (tenant: string) => [...items.values()].filter((w) => w.enterprise_customer_uuid === tenant),
    get: async (_tenant: string, id: string) => items.get(id),
    create: async (w: StoredWebhook) => void items.set(w.webhook_id, structuredClone(w)),
    update: async (_tenant: string, id: string, fields: Partial<StoredWebhook>) => {
      const w = items.get(id);
      if (!w) return undefined;
      Object.assign(w, fields);
      return structuredClone(w);
    },
  };
}

let n = 0;
const create = (webhooks = fakeWebhooks()) =>
  makeCreateWebhook({
    webhooks,
    checkUrl: (url) =>
      checkWebhookUrl(url, { allowLocal: false }, async () => [{ address: '93.184.215.14', family: 4 }]),
    newSecret: () => `whsec_secret${++n}`,
    clock,
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` },
  });

describe('webhook subscriptions', () => {
  it('shows the secret on creation only, and stores the URL as checked', async () => {
    const webhooks = fakeWebhooks();
    const created = await create(webhooks)(admin, TENANT, {
      url: 'https://hooks.example.com/x',
      event_types: ['membership.*', 'membership.*'],
      enabled: true,
    });
    expect(created).toMatchObject({
      status: 'active',
      event_types: ['membership.*'],
      secret: expect.stringMatching(/^whsec_/),
    });
    expect(webhooks.items.get(created.webhook_id)!.secrets).toEqual([{ secret: created.secret, expires_at: null }]);
  });

  it('refuses other tenants, http in AWS, and an eleventh subscription', async () => {
    const webhooks = fakeWebhooks();
    const input = { url: 'https://hooks.example.com/x', event_types: ['group.*'], enabled: true };
    await expect(create(webhooks)(stranger, TENANT, input)).rejects.toThrow(/may not act/);
    await expect(create(webhooks)(admin, TENANT, { ...input, url: 'http://hooks.example.com/x' })).rejects.toThrow(
      WebhookUrlRefusedError,
    );
    for (let i = 0; i < 10; i++) await create(webhooks)(admin, TENANT, input);
    await expect(create(webhooks)(admin, TENANT, input)).rejects.toMatchObject({ code: 'too_many_webhooks' });
  });

  it('keeps the rotated-out secret signing for 24 hours beside the new one, and drops an older one', async () => {
    const webhooks = fakeWebhooks();
    const created = await create(webhooks)(admin, TENANT, {
      url: 'https://h.example.com',
      event_types: ['group.*'],
      enabled: true,
    });
    const rotate = makeRotateWebhookSecret(webhooks, () => `whsec_new${++n}`, clock);
    const first = await rotate(admin, TENANT, created.webhook_id);
    expect(first.previous_secret_expires_at).toBe('2026-12-07T10:00:00.000Z');
    const second = await rotate(admin, TENANT, created.webhook_id);
    const secrets = webhooks.items.get(created.webhook_id)!.secrets;
    expect(secrets.map((s) => s.secret)).toEqual([second.secret, first.secret]);
    expect(liveSecrets(secrets, '2026-12-07T09:59:59.000Z')).toEqual([second.secret, first.secret]);
    expect(liveSecrets(secrets, '2026-12-07T10:00:00.000Z')).toEqual([second.secret]);
  });

  it('matches exact types and domains', () => {
    expect(matchesEventTypes(['membership.*'], 'membership.removed')).toBe(true);
    expect(matchesEventTypes(['membership.*'], 'group.updated')).toBe(false);
    expect(matchesEventTypes(['group.deleted'], 'group.deleted')).toBe(true);
    expect(matchesEventTypes(['group.deleted'], 'group.created')).toBe(false);
  });
});

describe('queueing deliveries', () => {
  const event = (
    group: string,
    sequence: number,
    type: ChangeEventType = 'membership.added',
    tenant = TENANT,
  ): ChangeEvent => ({
    id: `evt_${group}${sequence}`,
    type,
    occurred_at: clock.now(),
    enterprise_customer_uuid: tenant,
    group_uuid: group,
    course_id: null,
    sequence,
    data: { before: null, after: null },
  });

  it('sends one message per enabled subscription and stream, from its first matching event to its last', async () => {
    const webhooks = fakeWebhooks();
    const subscribed = (id: string, event_types: string[], enabled = true) =>
      webhooks.create({
        webhook_id: id,
        enterprise_customer_uuid: TENANT,
        url: 'https://h.example.com',
        event_types,
        enabled,
        status: 'active',
        failing_since: null,
        skipped_events: 0,
        last_skipped_at: null,
        created: clock.now(),
        modified: clock.now(),
        secrets: [],
      });
    await subscribed('members', ['membership.*']);
    await subscribed('groups', ['group.*']);
    await subscribed('off', ['membership.*'], false);
    const sent: DeliveryMessage[] = [];
    const publish = makeQueueWebhookDeliveries(webhooks, { send: async (m) => void sent.push(...m) });
    await publish.publish([
      event('g1', 1, 'group.created'),
      event('g1', 2),
      event('g2', 7),
      event('g1', 3),
      event('g1', 4, 'group.updated'),
      event('g3', 1, 'membership.added', '44444444-4444-4444-8444-444444444444'),
    ]);
    expect(sent).toEqual([
      {
        kind: 'stream',
        enterprise_customer_uuid: TENANT,
        webhook_id: 'members',
        stream: { group: 'g1' },
        from: 2,
        through: 3,
      },
      {
        kind: 'stream',
        enterprise_customer_uuid: TENANT,
        webhook_id: 'members',
        stream: { group: 'g2' },
        from: 7,
        through: 7,
      },
      {
        kind: 'stream',
        enterprise_customer_uuid: TENANT,
        webhook_id: 'groups',
        stream: { group: 'g1' },
        from: 1,
        through: 4,
      },
    ]);
  });
});
