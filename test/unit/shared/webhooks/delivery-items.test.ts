import { describe, expect, it } from 'vitest';
import { keys } from '#shared/db/keys';
import { type Delivery, deliveryOf } from '#shared/webhooks/delivery';
import { attemptUpdate, skipItems, toDelivery } from '#shared/webhooks/delivery-items';

const TENANT = '11111111-1111-4111-8111-111111111111';
const GROUP = '22222222-2222-4222-8222-222222222222';
const QUEUED = '2026-12-06T00:00:00.000Z';
const AT = '2026-12-06T00:00:05.000Z';
const delivery: Delivery = deliveryOf(
  'wh_1',
  {
    id: 'evt_1',
    type: 'membership.added',
    occurred_at: QUEUED,
    enterprise_customer_uuid: TENANT,
    group_uuid: GROUP,
    course_id: null,
    sequence: 4,
    data: { before: null, after: {} },
  },
  QUEUED,
);
const failure = { at: AT, succeeded: false, responseCode: 503, error: null };

/** The item an attempt writes where none was: what the update sets, with its key. */
const firstItem = (d: Delivery, attempt: typeof failure) => {
  const update = attemptUpdate('t', d, attempt);
  const v = update.ExpressionAttributeValues!;
  return {
    ...update.Key,
    GSI1PK: v[':log'],
    GSI1SK: v[':position'],
    entity: v[':entity'],
    delivery_id: v[':id'],
    webhook_id: v[':webhook'],
    event_id: v[':id'],
    event_type: v[':type'],
    group_uuid: v[':group'],
    course_id: v[':course'],
    sequence: v[':sequence'],
    status: v[':status'],
    attempts: 1,
    response_code: v[':code'],
    error: v[':error'],
    first_attempt_at: v[':at'],
    last_attempt_at: v[':at'],
    created: v[':created'],
    expires_at: v[':expires'],
  };
};

describe('delivery items', () => {
  it('record an attempt in the log by its queueing time, kept as long as the events', () => {
    const update = attemptUpdate('t', delivery, failure);
    expect(update.Key).toEqual(keys.webhookDeliveryById('wh_1', 'evt_1'));
    expect(update.ConditionExpression).toBe('attribute_not_exists(PK) OR #status <> :succeeded');
    expect(update.ExpressionAttributeValues).toMatchObject({
      ':status': 'pending',
      ':code': 503,
      ':log': keys.webhookDeliveriesPartition('wh_1'),
      ':position': keys.webhookDelivery('wh_1', 'evt_1', QUEUED).GSI1SK,
      ':expires': Date.parse(AT) / 1000 + 7 * 86_400,
    });
    expect(attemptUpdate('t', delivery, { ...failure, succeeded: true }).ExpressionAttributeValues).toMatchObject({
      ':status': 'succeeded',
    });
  });

  it('read a delivery back from its item in answer order, without its keys or expiry', () => {
    const read = toDelivery(firstItem(delivery, failure));
    expect(read).toEqual({
      ...delivery,
      attempts: 1,
      response_code: 503,
      first_attempt_at: AT,
      last_attempt_at: AT,
    });
    expect(Object.keys(read)).toEqual(Object.keys(delivery));
  });

  it('read a delivery reopened for a redelivery, which lacks its first attempt, as not tried in this round', () => {
    const { first_attempt_at: _, ...reopened } = firstItem(delivery, failure);
    expect(toDelivery(reopened).first_attempt_at).toBeNull();
    expect(() => toDelivery({ ...reopened, status: 'lost' })).toThrow();
  });

  it("skip a stream's expired events only from the mark read, counted on a subscription that still exists", () => {
    const [lane, counter] = skipItems('t', TENANT, 'wh_1', { group: GROUP }, { mark: 3, through: 10, at: AT });
    expect(lane!.Update).toMatchObject({
      Key: keys.webhookLane('wh_1', { group: GROUP }),
      ConditionExpression: 'attribute_not_exists(delivered_through) OR delivered_through <= :mark',
      ExpressionAttributeValues: { ':through': 10, ':mark': 3 },
    });
    expect(counter!.Update).toMatchObject({
      Key: keys.webhook(TENANT, 'wh_1'),
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':count': 7, ':at': AT },
    });
  });
});
