import type { Clock } from '#shared/clock';
import type { ChangeEvent } from '#shared/events/change-event';
import type { EventRepository } from '#shared/events/event-repository';
import { logger } from '#shared/logger';
import { type Delivery, type DeliveryMessage, deliveryOf } from './delivery';
import type { DeliveryRepository } from './delivery-repository';
import { pastRetryWindow, retryDelaySeconds } from './retry-schedule';
import type { SendWebhook } from './send-webhook';
import { webhookHeaders } from './signing';
import { expiredThrough, type GapEvidence } from './stream-gap';
import { liveSecrets, matchesEventTypes, type StoredWebhook } from './webhook';
import type { WebhookRepository } from './webhook-repository';

export interface DeliverWebhooksPorts {
  webhooks: Pick<WebhookRepository, 'get' | 'setStatus'>;
  deliveries: Pick<
    DeliveryRepository,
    'get' | 'getMany' | 'recordAttempt' | 'markFailed' | 'deliveredThrough' | 'advance' | 'skip'
  >;
  events: Pick<EventRepository, 'streamPage' | 'streamStartSince' | 'getEvent'>;
  send: SendWebhook;
  clock: Clock;
  retryCapSeconds: number;
  random?: () => number;
}

/** Done with the message, or keep it (and its stream) waiting this many seconds and come back. */
export type DeliveryResult = { done: true } | { retryInSeconds: number };

const DONE: DeliveryResult = { done: true };
/** Events read from a stream per query. */
const PAGE = 100;
/** Events looked back over, at most, for where a subscription begins a stream (`streamStartSince`). */
const START_LOOKBACK = 1_000;
/** The wait for an event the stream index does not show yet (it is eventually consistent). */
const INDEX_LAG_SECONDS = 1;

type AttemptResult = 'done' | { retryInSeconds: number };

/**
 * Delivers what a deliveries-queue message names. A stream message: the subscription's events of that
 * stream after the last one it is done with, in sequence order, each matching one until it succeeds
 * (a 2xx) or is dead-lettered; a failure keeps the message (and so the stream, its FIFO group) waiting
 * for the backoff, and the rest of the stream after it. A delivery logged as succeeded is never sent
 * again, so a duplicate message, a redelivered one or a duplicate stream record sends nothing twice. A
 * redeliver message: that one event again, if it is still pending (the API reopened it). Retries run
 * a day from the first attempt (one attempt while the subscription is `failing`); then the delivery is
 * dead-lettered (`failed` in the log, redeliverable) and the subscription marked `failing` until a
 * delivery succeeds. A disabled subscription's events pass undelivered; a deleted one's messages are dropped.
 * A stream event the index does not show is waited for (the index lags), unless it provably expired
 * (stream-gap.ts): then delivery goes on at the oldest event kept, the skipped ones counted on the
 * subscription, so a subscription more than the feed's retention behind never waits forever.
 */
export function makeDeliverWebhooks(ports: DeliverWebhooksPorts) {
  const { webhooks, deliveries, events, send, clock } = ports;

  /** One attempt at a delivery; `read` is its log entry as read with its page's (none yet: undefined). */
  async function attempt(
    webhook: StoredWebhook,
    event: ChangeEvent,
    read?: { logged: Delivery | undefined },
  ): Promise<AttemptResult> {
    const logged = read ? read.logged : await deliveries.get(webhook.webhook_id, event.id);
    if (logged && logged.status !== 'pending') return 'done';
    const now = clock.now();
    const body = JSON.stringify(event);
    const headers = webhookHeaders(
      liveSecrets(webhook.secrets, now),
      event.id,
      Math.floor(Date.parse(now) / 1000),
      body,
    );
    const outcome = await send({ url: webhook.url, headers, body });
    const succeeded = 'status' in outcome && outcome.status >= 200 && outcome.status < 300;
    const recorded = await deliveries.recordAttempt(logged ?? deliveryOf(webhook.webhook_id, event, now), {
      at: now,
      succeeded,
      responseCode: 'status' in outcome ? outcome.status : null,
      error: 'error' in outcome ? outcome.error : null,
    });
    if (succeeded) {
      if (webhook.status === 'failing') {
        await webhooks.setStatus(webhook.enterprise_customer_uuid, webhook.webhook_id, 'active', now);
        webhook.status = 'active';
      }
      return 'done';
    }
    // Undefined: another attempt of the same delivery succeeded meanwhile.
    if (!recorded) return 'done';
    logger.info('webhook delivery failed', {
      webhook_id: webhook.webhook_id,
      event_id: event.id,
      attempts: recorded.attempts,
      outcome: 'status' in outcome ? outcome.status : outcome.error,
    });
    if (webhook.status === 'failing' || pastRetryWindow(recorded.first_attempt_at ?? now, now)) {
      await deliveries.markFailed(webhook.webhook_id, event.id);
      await webhooks.setStatus(webhook.enterprise_customer_uuid, webhook.webhook_id, 'failing', now);
      webhook.status = 'failing';
      return 'done';
    }
    return { retryInSeconds: retryDelaySeconds(recorded.attempts, ports.retryCapSeconds, ports.random) };
  }

  async function deliverStream(
    webhook: StoredWebhook,
    message: Extract<DeliveryMessage, { kind: 'stream' }>,
    hasTimeFor: () => boolean,
    sentAt: string | undefined,
  ): Promise<DeliveryResult> {
    const { webhook_id: id, stream, through } = message;
    const saved =
      (await deliveries.deliveredThrough(id, stream)) ??
      (await events.streamStartSince(
        message.enterprise_customer_uuid,
        stream,
        webhook.created,
        message.from,
        START_LOOKBACK,
      )) - 1;
    if (saved >= through) return DONE;
    if (!webhook.enabled) {
      await deliveries.advance(id, stream, through);
      return DONE;
    }
    let mark = saved;
    /** Past a missing number: skips it if it expired (true), else the stream waits for the index (false). */
    const skipExpired = async (firstKept: GapEvidence['firstKept']) => {
      const now = clock.now();
      const end = expiredThrough(mark, through, { firstKept, sentAt }, now);
      if (end === undefined) return false;
      if (await deliveries.skip(message.enterprise_customer_uuid, id, stream, { mark, through: end, at: now })) {
        logger.warn('webhook events expired before delivery, skipped', {
          webhook_id: id,
          from_sequence: mark + 1,
          through_sequence: end,
        });
      }
      mark = end;
      return true;
    };
    try {
      while (mark < through) {
        const page = await events.streamPage(message.enterprise_customer_uuid, stream, mark + 1, PAGE);
        const next = page.events.filter((event) => event.sequence <= through);
        if (next.length === 0) {
          if (!(await skipExpired(page.events[0]))) return { retryInSeconds: INDEX_LAG_SECONDS };
          continue;
        }
        const logged = await deliveries.getMany(
          id,
          next.filter((event) => matchesEventTypes(webhook.event_types, event.type)).map((event) => event.id),
        );
        for (const event of next) {
          if (event.sequence !== mark + 1 && !(await skipExpired(event))) return { retryInSeconds: INDEX_LAG_SECONDS };
          if (matchesEventTypes(webhook.event_types, event.type)) {
            const result = await attempt(webhook, event, { logged: logged.get(event.id) });
            if (result !== 'done') return result;
          }
          mark = event.sequence;
          if (!hasTimeFor()) return { retryInSeconds: 0 };
        }
      }
      return DONE;
    } finally {
      if (mark > saved) await deliveries.advance(id, stream, mark);
    }
  }

  return async (
    message: DeliveryMessage,
    hasTimeFor: () => boolean = () => true,
    /** When the message was sent (SQS's SentTimestamp): a proof of when the events it names were recorded. */
    sentAt?: string,
  ): Promise<DeliveryResult> => {
    const webhook = await webhooks.get(message.enterprise_customer_uuid, message.webhook_id);
    if (!webhook) return DONE;
    if (message.kind === 'stream') return deliverStream(webhook, message, hasTimeFor, sentAt);
    const logged = await deliveries.get(webhook.webhook_id, message.event_id);
    if (logged?.status !== 'pending') return DONE;
    const event = await events.getEvent(message.event_id);
    if (!event) {
      await deliveries.markFailed(webhook.webhook_id, message.event_id);
      return DONE;
    }
    const result = await attempt(webhook, event);
    return result === 'done' ? DONE : result;
  };
}
