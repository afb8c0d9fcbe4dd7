import type { ChangeEventType } from '#shared/events/change-event';

/** `failing`: a delivery was dead-lettered (retried for a day) and none has succeeded since. */
export type WebhookStatus = 'active' | 'failing';

/** A signing secret; the previous one after a rotation expires at the end of the grace period. */
export interface WebhookSecret {
  secret: string;
  expires_at: string | null;
}

/** A tenant's subscription to its change events, as its admins read it (never with its secrets). */
export interface Webhook {
  webhook_id: string;
  enterprise_customer_uuid: string;
  url: string;
  /** Event types (`membership.added`) or every type of a domain (`membership.*`). */
  event_types: string[];
  enabled: boolean;
  status: WebhookStatus;
  /** When its last dead letter made it `failing`; null while active. */
  failing_since: string | null;
  /** Events never delivered because they had expired (past the feed's retention) before their turn came. */
  skipped_events: number;
  /** When the last such gap was skipped; null when none was. */
  last_skipped_at: string | null;
  created: string;
  modified: string;
}

export interface StoredWebhook extends Webhook {
  secrets: WebhookSecret[];
}

/** Subscriptions a tenant may hold: each is a fan-out of every change it matches. */
export const MAX_WEBHOOKS_PER_TENANT = 10;

/** How long a rotated-out secret still signs deliveries, beside the new one. */
export const SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export const matchesEventTypes = (patterns: readonly string[], type: ChangeEventType | string) =>
  patterns.some((pattern) => (pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type));

/** The secrets that sign a delivery made at `now`: the current one and any still in its grace period. */
export const liveSecrets = (secrets: readonly WebhookSecret[], now: string) =>
  secrets.filter((s) => s.expires_at === null || s.expires_at > now).map((s) => s.secret);

export const publicView = ({ secrets: _, ...webhook }: StoredWebhook): Webhook => webhook;
