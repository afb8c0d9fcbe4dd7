import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Messaging, startMessaging } from '#local/messaging';
import { dynamodbEndpoint } from './dynamo';

/**
 * The local addresses of the sockets listening on `port`, from the kernel's tables (/proc/net/tcp and
 * tcp6: hex address and port, state 0A = LISTEN), whatever process owns them.
 */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${hexPort}`))
      .map((fields) => fields[1]!.split(':')[0]!),
  );
}

const IPV4_LOOPBACK = '0100007F'; // 127.0.0.1, little-endian
const IPV4_MAPPED_LOOPBACK = '0000000000000000FFFF00000100007F'; // ::ffff:127.0.0.1

let messaging: Messaging;
beforeAll(async () => {
  messaging = await startMessaging({ port: 0 });
});
afterAll(() => messaging.stop());

/** The emulators serve every tenant's data without authentication: nobody on the network may reach them. */
describe('the local emulators', () => {
  it('run DynamoDB Local on 127.0.0.1 only', () => {
    const addresses = listeningAddresses(Number(new URL(dynamodbEndpoint).port));
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect([IPV4_LOOPBACK, IPV4_MAPPED_LOOPBACK]).toContain(address);
  });

  it('run the SQS/S3 emulator on 127.0.0.1 only', () => {
    const addresses = listeningAddresses(messaging.port);
    expect(addresses).toEqual([IPV4_LOOPBACK]);
  });
});
