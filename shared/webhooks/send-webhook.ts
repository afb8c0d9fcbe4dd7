import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { checkUrlShape, isBlockedAddress, type UrlPolicy } from './url-policy';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What one attempt came to: the receiver's status, or why there was none. */
export type WebhookOutcome = { status: number } | { error: 'timeout' | 'refused_address' | 'network' };

export type SendWebhook = (request: WebhookRequest) => Promise<WebhookOutcome>;

/** A delivery that takes longer than this (connecting, sending, the answer's head) has failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Connections kept open between the deliveries of a warm environment: a stream is delivered one event at
 * a time, and a new TCP and TLS handshake per event would bound its rate. An idle connection is closed
 * after 4 s, before the 5 s after which a Node.js receiver closes it (a request on a connection the
 * receiver is closing fails, and is retried like any failed attempt). A pooled connection stays bound
 * to the address checked when it was opened.
 */
const IDLE_MS = 4_000;
const agents = {
  http: new HttpAgent({ keepAlive: true, timeout: IDLE_MS }),
  https: new HttpsAgent({ keepAlive: true, timeout: IDLE_MS }),
};

/** The most of an answer's body read (and dropped) to keep its connection; past it the connection is closed. */
const BODY_READ_BYTES = 65_536;
const BODY_READ_MS = 2_000;

class RefusedAddressError extends Error {}

/**
 * DNS resolution that answers only checked addresses: the connection is made to the address checked
 * here, so a host that resolves to a public address when checked and a private one a moment later
 * (DNS rebinding) cannot redirect it. Every answer must pass, not only the first.
 */
const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 4);
    const blocked = addresses.find(({ address }) => isBlockedAddress(address));
    if (blocked || addresses.length === 0) {
      return callback(new RefusedAddressError(`${hostname} resolves to a refused address`), '', 4);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/**
 * Posts one delivery: no redirect is followed (a 3xx is the answer), the whole exchange up to the
 * answer's status is bounded by `timeoutMs`, and under the AWS policy the URL is checked again and
 * connected only to a public address. The answer's body is read and dropped, and the connection kept for
 * the next delivery, only when it ends within BODY_READ_BYTES and BODY_READ_MS; else the connection is closed.
 */
export function makeSendWebhook(policy: UrlPolicy, timeoutMs = DELIVERY_TIMEOUT_MS): SendWebhook {
  return (delivery) =>
    new Promise<WebhookOutcome>((resolve) => {
      let url: URL;
      try {
        url = checkUrlShape(delivery.url, policy);
      } catch {
        return resolve({ error: 'refused_address' });
      }
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (!policy.allowLocal && isIP(host) && isBlockedAddress(host)) return resolve({ error: 'refused_address' });
      const https = url.protocol === 'https:';
      const req = (https ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        headers: { ...delivery.headers, 'content-length': String(Buffer.byteLength(delivery.body)) },
        ...(policy.allowLocal ? {} : { lookup: checkedLookup }),
        agent: https ? agents.https : agents.http,
      });
      const timer = setTimeout(() => {
        resolve({ error: 'timeout' });
        req.destroy();
      }, timeoutMs);
      req.on('response', (res) => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0 });
        // The status is the answer. A short body is read to its end, so the connection serves the next
        // event; a receiver that goes on sending must not hold the shared worker's connection past it.
        let read = 0;
        const cut = setTimeout(() => res.destroy(), BODY_READ_MS);
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > BODY_READ_BYTES) res.destroy();
        });
        res.on('close', () => clearTimeout(cut));
      });
      req.on('error', (error) => {
        clearTimeout(timer);
        resolve({ error: error instanceof RefusedAddressError ? 'refused_address' : 'network' });
      });
      req.end(delivery.body);
    });
}
