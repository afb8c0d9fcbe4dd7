import { describe, expect, it } from 'vitest';
import { keys } from '#shared/db/keys';
import type { StoredWebhook } from '#shared/webhooks/webhook';
import { newWebhookPut, toWebhook, webhookStatusUpdate, webhookUpdate } from '#shared/webhooks/webhook-items';

const TENANT = '11111111-1111-4111-8111-111111111111';
const AT = '2026-12-06T00:00:00.000Z';
const webhook: StoredWebhook = {
  webhook_id: 'wh_1',
  enterprise_customer_uuid: TENANT,
  url: 'https://hooks.example.org/in',
  event_types: ['membership.*'],
  enabled: true,
  status: 'active',
  failing_since: null,
  skipped_events: 0,
  last_skipped_at: null,
  created: AT,
  modified: AT,
  secrets: [{ secret: 's1', expires_at: null }],
};

describe('webhook items', () => {
  it('put a subscription in its tenant only where none is, and read it back in answer order', () => {
    const put = newWebhookPut('t', webhook);
    expect(put.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(put.Item).toMatchObject({ ...keys.webhook(TENANT, 'wh_1'), entity: 'webhook' });
    const read = toWebhook(put.Item!);
    expect(read).toEqual(webhook);
    expect(Object.keys(read)).toEqual(Object.keys(webhook));
  });

  it('read a subscription stored before gaps were counted as having skipped none', () => {
    const { skipped_events: _, last_skipped_at: __, ...older } = newWebhookPut('t', webhook).Item!;
    expect(toWebhook(older)).toMatchObject({ skipped_events: 0, last_skipped_at: null });
  });

  it('refuse an item of another shape', () => {
    expect(() => toWebhook({ ...webhook, status: 'paused' })).toThrow();
    expect(() => toWebhook({ ...webhook, secrets: undefined })).toThrow();
  });

  it('set only the given fields of an existing subscription and answer it whole', () => {
    const update = webhookUpdate('t', TENANT, 'wh_1', { enabled: false, url: undefined, modified: AT });
    expect(update).toMatchObject({
      Key: keys.webhook(TENANT, 'wh_1'),
      UpdateExpression: 'SET #enabled = :enabled, #modified = :modified',
      ExpressionAttributeNames: { '#enabled': 'enabled', '#modified': 'modified' },
      ExpressionAttributeValues: { ':enabled': false, ':modified': AT },
      ConditionExpression: 'attribute_exists(PK)',
      ReturnValues: 'ALL_NEW',
    });
  });

  it('mark a subscription failing since a time, or active again with none, only on a change', () => {
    const failing = webhookStatusUpdate('t', TENANT, 'wh_1', 'failing', AT);
    expect(failing.ConditionExpression).toBe('attribute_exists(PK) AND #status <> :status');
    expect(failing.ExpressionAttributeValues).toEqual({ ':status': 'failing', ':since': AT });
    expect(webhookStatusUpdate('t', TENANT, 'wh_1', 'active', AT).ExpressionAttributeValues).toEqual({
      ':status': 'active',
      ':since': null,
    });
  });
});
