import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '#shared/auth/caller';
import { makeCreateWebhook } from '#shared/webhooks/create-webhook';
import { makeRotateWebhookSecret } from '#shared/webhooks/rotate-webhook-secret';
import { makeDeleteWebhook } from '#shared/webhooks/update-webhook';
import { MAX_WEBHOOKS_PER_TENANT } from '#shared/webhooks/webhook';
import { makeWebhookRepository, type WebhookRepository } from '#shared/webhooks/webhook-repository';
import { createTestTable, documentClient } from './dynamo';

/**
 * The per-tenant cap on subscriptions against DynamoDB Local: concurrent creations (separate Lambdas in
 * AWS) cannot together pass it, since each subscription bounds the fan-out of every change.
 */

let repository: WebhookRepository;
const clock = { now: () => new Date().toISOString() };
const ids = { uuid: () => randomUUID() };
const adminOf = (tenant: string): Caller => ({
  issuer: 'test',
  sub: `admin-${tenant}`,
  roles: new Set(['enterprise_admin']),
  enterprises: new Set([tenant]),
});
const input = { url: 'https://hooks.example.com/x', event_types: ['membership.*'], enabled: true };

beforeAll(async () => {
  repository = makeWebhookRepository(documentClient(), await createTestTable('webhook-limit'));
});

const create = () =>
  makeCreateWebhook({
    webhooks: repository,
    checkUrl: async (url) => url,
    newSecret: () => `whsec_${randomUUID()}`,
    clock,
    ids,
  });

describe('the cap on a tenant’s webhooks', () => {
  it('holds against 25 concurrent creations: exactly the cap succeed, the rest are too_many_webhooks', async () => {
    const tenant = randomUUID();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => create()(adminOf(tenant), tenant, input)),
    );
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code?: string }).code] : []));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(MAX_WEBHOOKS_PER_TENANT);
    expect(refused).toEqual(Array(25 - MAX_WEBHOOKS_PER_TENANT).fill('too_many_webhooks'));
    expect(await repository.list(tenant)).toHaveLength(MAX_WEBHOOKS_PER_TENANT);
  });

  it('frees a place when a subscription is deleted, and only one', async () => {
    const tenant = randomUUID();
    const made = [];
    for (let i = 0; i < MAX_WEBHOOKS_PER_TENANT; i++) made.push(await create()(adminOf(tenant), tenant, input));
    await makeDeleteWebhook(repository)(adminOf(tenant), tenant, made[0]!.webhook_id);
    const again = await Promise.allSettled([1, 2, 3].map(() => create()(adminOf(tenant), tenant, input)));
    expect(again.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await repository.list(tenant)).toHaveLength(MAX_WEBHOOKS_PER_TENANT);
  });
});

describe('rotating a webhook’s secret', () => {
  it('keeps every secret it showed: two rotations at once end one after the other', async () => {
    const tenant = randomUUID();
    const made = await create()(adminOf(tenant), tenant, input);
    const rotate = makeRotateWebhookSecret(repository, () => `whsec_${randomUUID()}`, clock);
    const [a, b] = await Promise.all([1, 2].map(() => rotate(adminOf(tenant), tenant, made.webhook_id)));
    const stored = (await repository.get(tenant, made.webhook_id))!.secrets.map((s) => s.secret);
    // The later rotation's secret signs, the earlier's beside it; the first secret was rotated out.
    expect(stored).toHaveLength(2);
    expect(new Set(stored)).toEqual(new Set([a!.secret, b!.secret]));
    expect(stored).not.toContain(made.secret);
  });
});
