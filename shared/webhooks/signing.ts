import { createHmac, randomBytes } from 'node:crypto';

/** Standard Webhooks' secret prefix; the rest is the base64 of the key's bytes. */
const PREFIX = 'whsec_';

/** A new signing secret: `whsec_` and the base64 of 32 random bytes (Standard Webhooks' format). */
export const newSecret = (bytes: Buffer = randomBytes(32)) => `${PREFIX}${bytes.toString('base64')}`;

/**
 * One signature of Standard Webhooks (v1, symmetric): the base64 HMAC-SHA256 of `id.timestamp.body`
 * keyed with the secret's bytes, prefixed `v1,`.
 */
export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/**
 * The headers of one delivery: `webhook-id` (the event's id, the same on every attempt, so a receiver
 * deduplicates by it), `webhook-timestamp` (seconds, of this attempt) and `webhook-signature`, one
 * signature per live secret separated by spaces (both during a rotation's grace period).
 */
export function webhookHeaders(
  secrets: readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((secret) => sign(secret, id, timestampSeconds, body)).join(' '),
  };
}
