import * as z from 'zod';
import { isoTime, listPage } from '#shared/http/response-schemas';

const example = {
  webhook_id: '6f1d2c3b-4a5e-4f60-8172-93a4b5c6d7e8',
  enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
  url: 'https://hooks.example.com/lms-groups',
  event_types: ['membership.*'],
  enabled: true,
  status: 'active',
  failing_since: null,
  skipped_events: 0,
  last_skipped_at: null,
  created: '2026-11-30T09:15:00.000Z',
  modified: '2026-11-30T09:15:00.000Z',
};

/** A subscription as its admins read it: never its secret. */
export const WebhookAnswer = z
  .looseObject({
    webhook_id: z.uuid(),
    enterprise_customer_uuid: z.uuid(),
    url: z.string(),
    event_types: z.array(z.string()),
    enabled: z.boolean(),
    status: z.enum(['active', 'failing']),
    failing_since: isoTime.nullable(),
    /** Events never delivered: they had expired (past the feed's 7 days) before their turn came. */
    skipped_events: z.int().min(0),
    last_skipped_at: isoTime.nullable(),
    created: isoTime,
    modified: isoTime,
  })
  .meta({ examples: [example] });

/** A subscription with its signing secret: the answer of its creation and of a rotation, the only times it is shown. */
export const WebhookWithSecretAnswer = WebhookAnswer.extend({
  secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/),
  previous_secret_expires_at: isoTime.nullable(),
}).meta({
  examples: [
    {
      ...example,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Lx9ejIG0L8=',
      previous_secret_expires_at: null,
    },
  ],
});

export const WebhookListAnswer = listPage(WebhookAnswer);

export const DeliveryAnswer = z
  .looseObject({
    delivery_id: z.string(),
    webhook_id: z.uuid(),
    event_id: z.string(),
    event_type: z.string(),
    group_uuid: z.uuid().nullable(),
    course_id: z.string().nullable(),
    sequence: z.int().min(1),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.int().min(0),
    response_code: z.int().nullable(),
    error: z.string().nullable(),
    first_attempt_at: isoTime.nullable(),
    last_attempt_at: isoTime.nullable(),
    created: isoTime,
  })
  .meta({
    examples: [
      {
        delivery_id: 'evt_3mJr0Qe1hGx6yQw0m2vV9cS7bW1dE5fA',
        webhook_id: '6f1d2c3b-4a5e-4f60-8172-93a4b5c6d7e8',
        event_id: 'evt_3mJr0Qe1hGx6yQw0m2vV9cS7bW1dE5fA',
        event_type: 'membership.added',
        group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
        course_id: null,
        sequence: 42,
        status: 'succeeded',
        attempts: 2,
        response_code: 204,
        error: null,
        first_attempt_at: '2026-11-30T09:15:01.000Z',
        last_attempt_at: '2026-11-30T09:15:04.000Z',
        created: '2026-11-30T09:15:01.000Z',
      },
    ],
  });

export const DeliveryListAnswer = listPage(DeliveryAnswer);

/** A redelivery accepted: the delivery, pending again. */
export const RedeliveryAnswer = DeliveryAnswer;
