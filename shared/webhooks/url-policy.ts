import { isIP } from 'node:net';
import { ValidationError } from '#shared/errors';

/**
 * Where deliveries may go. In AWS: https only, to public addresses (no SSRF into the VPC, the metadata
 * service or the loopback). The local stack allows http and any address (a receiver on 127.0.0.1).
 */
export interface UrlPolicy {
  allowLocal: boolean;
}

export class WebhookUrlRefusedError extends ValidationError {
  constructor(reason: string) {
    super(`The webhook URL is refused: ${reason}`, [{ path: 'body.url', message: reason }], 'webhook_url_refused');
  }
}

/** [first address, prefix length] of every IPv4 range a delivery must never reach. */
const BLOCKED_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (the instance metadata service)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated): a tunnel entry, not a receiver
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];

const v4Number = (address: string) => address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);

function blockedV4(address: string): boolean {
  const n = v4Number(address);
  return BLOCKED_V4.some(
    ([first, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4Number(first) / 2 ** (32 - bits)),
  );
}

/** An IPv6 address as its eight 16-bit groups (a dotted IPv4 tail read as two of them). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4Number(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4Of = (high: number, low: number) => `${high >>> 8}.${high & 0xff}.${low >>> 8}.${low & 0xff}`;

function blockedV6(address: string): boolean {
  const g = v6Groups(address);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8) || (zeros(0, 7) && g[7] === 1)) return true; // unspecified, loopback
  if (zeros(0, 5) && g[5] === 0xffff) return blockedV4(v4Of(g[6]!, g[7]!)); // IPv4-mapped ::ffff:a.b.c.d
  if (zeros(0, 6)) return true; // IPv4-compatible (deprecated): never a public destination
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return true; // IPv4-translated ::ffff:0:a.b.c.d (SIIT)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return blockedV4(v4Of(g[6]!, g[7]!)); // NAT64
  // Local-use NAT64 64:ff9b:1::/48: where its translator puts the IPv4 address is the network's choice.
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return true;
  if (g[0] === 0x2002) return blockedV4(v4Of(g[1]!, g[2]!)); // 6to4 embeds an IPv4 address
  if (g[0] === 0x2001 && g[1] === 0) return true; // Teredo 2001::/32: a tunnel to an embedded IPv4 address
  if (g[0] === 0x100 && zeros(1, 4)) return true; // discard-only 100::/64
  if ((g[0]! & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g[0]! & 0xffc0) === 0xfec0) return true; // site-local fec0::/10 (deprecated, still routed by some stacks)
  if ((g[0]! & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g[0]! & 0xff00) === 0xff00) return true; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  return false;
}

/** Whether `address` (an IP literal) is loopback, private, link-local, unique-local or otherwise not public. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockedV4(address);
  if (family === 6) return blockedV6(address);
  return true;
}

/**
 * Checks a subscription's URL as written: absolute http(s), no credentials, and under the AWS policy
 * https on a host that is not a blocked address literal. The host's DNS answers are checked at
 * creation and again at each delivery (send-webhook.ts connects only to an address it checked).
 */
export function checkUrlShape(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlRefusedError('not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(policy.allowLocal && url.protocol === 'http:')) {
    throw new WebhookUrlRefusedError(policy.allowLocal ? 'http or https only' : 'https only');
  }
  if (url.username || url.password) throw new WebhookUrlRefusedError('credentials in the URL are not accepted');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowLocal && (isIP(host) ? isBlockedAddress(host) : /(^|\.)localhost\.?$/i.test(host))) {
    throw new WebhookUrlRefusedError('a private, loopback or link-local address');
  }
  return url;
}

/** Resolves a host to all its addresses (the port of node:dns `lookup(host, {all: true})`). */
export type ResolveHost = (host: string) => Promise<{ address: string; family: number }[]>;

/**
 * The URL checked as written and, under the AWS policy, every address its host resolves to now: one
 * blocked address refuses it. A host that does not resolve now is accepted (delivery checks again).
 */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy, resolve: ResolveHost): Promise<string> {
  const url = checkUrlShape(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (policy.allowLocal || isIP(host)) return url.href;
  const addresses = await resolve(host).catch(() => []);
  if (addresses.some(({ address }) => isBlockedAddress(address))) {
    throw new WebhookUrlRefusedError(`${host} resolves to a private, loopback or link-local address`);
  }
  return url.href;
}
