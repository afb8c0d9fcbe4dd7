import { describe, expect, it } from 'vitest';
import { checkUrlShape, checkWebhookUrl, isBlockedAddress, WebhookUrlRefusedError } from '#shared/webhooks/url-policy';

const aws = { allowLocal: false };
const local = { allowLocal: true };

describe('webhook address checks (SSRF)', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'febf::1',
    'fc00::1',
    'fd12:3456:789a::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::ffff:10.1.2.3',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    '2001:db8::1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    '::ffff:0:7f00:1', // IPv4-translated (SIIT) loopback
    '::ffff:0:169.254.169.254',
    '64:ff9b:1::a9fe:a9fe', // local-use NAT64 prefix
    '64:ff9b:1:ffff::1',
    'fec0::1', // site-local (deprecated, still routed by some stacks)
    '100::1', // discard-only
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo: a tunnel to an embedded IPv4 address
    '192.88.99.1', // 6to4 relay anycast
  ])('refuses the special-purpose address %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts the public address %s',
    (address) => {
      expect(isBlockedAddress(address)).toBe(false);
    },
  );

  it('accepts https only in AWS, and no credentials, loopback names or blocked literals', () => {
    expect(checkUrlShape('https://hooks.example.com/x', aws).href).toBe('https://hooks.example.com/x');
    for (const url of [
      'http://hooks.example.com/x',
      'ftp://hooks.example.com/x',
      'https://user:pw@hooks.example.com/x',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://127.0.0.1/x',
      'https://[::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://169.254.169.254/latest/meta-data',
      'https://2130706433/x', // 127.0.0.1 as one number: URL parsing normalizes it
      'https://0x7f.1/x',
      'not a url',
    ]) {
      expect(() => checkUrlShape(url, aws), url).toThrow(WebhookUrlRefusedError);
    }
  });

  it('refuses a loopback name written as an absolute name (a trailing dot)', () => {
    for (const url of ['https://localhost./x', 'https://LOCALHOST./x', 'https://api.localhost./x']) {
      expect(() => checkUrlShape(url, aws), url).toThrow(WebhookUrlRefusedError);
    }
  });

  it('accepts http and the loopback under the local stack’s policy', () => {
    expect(checkUrlShape('http://127.0.0.1:4000/hook', local).href).toBe('http://127.0.0.1:4000/hook');
    expect(() => checkUrlShape('ftp://127.0.0.1/x', local)).toThrow(WebhookUrlRefusedError);
  });

  it('refuses a host any of whose addresses is blocked, and accepts one that does not resolve now', async () => {
    const resolve = (answers: Record<string, string[]>) => async (host: string) => {
      if (!answers[host]) throw new Error('ENOTFOUND');
      return answers[host].map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
    const dns = resolve({ 'ok.example.com': ['93.184.215.14'], 'rebind.example.com': ['93.184.215.14', '10.0.0.5'] });
    await expect(checkWebhookUrl('https://ok.example.com/h', aws, dns)).resolves.toBe('https://ok.example.com/h');
    await expect(checkWebhookUrl('https://rebind.example.com/h', aws, dns)).rejects.toThrow(WebhookUrlRefusedError);
    await expect(checkWebhookUrl('https://later.example.com/h', aws, dns)).resolves.toBe('https://later.example.com/h');
  });
});
