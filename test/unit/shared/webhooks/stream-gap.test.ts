import { describe, expect, it } from 'vitest';
import { expiredThrough, INDEX_SETTLED_MS } from '#shared/webhooks/stream-gap';

const NOW = '2026-12-06T12:00:00.000Z';
const ago = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();
const kept = (sequence: number, recordedMsAgo: number) => ({ sequence, recorded_at: ago(recordedMsAgo) });

describe('a missing event in a webhook stream', () => {
  it('waits while the event after it was recorded too recently for the index to be sure', () => {
    expect(expiredThrough(4, 20, { firstKept: kept(9, 2_000) }, NOW)).toBeUndefined();
    expect(expiredThrough(4, 20, { firstKept: kept(9, INDEX_SETTLED_MS) }, NOW)).toBeUndefined();
  });

  it('skips to the oldest event kept when a later event was recorded long before', () => {
    expect(expiredThrough(4, 20, { firstKept: kept(9, INDEX_SETTLED_MS + 1) }, NOW)).toBe(8);
    expect(expiredThrough(4, 20, { firstKept: kept(5_000, 8 * 86_400_000) }, NOW)).toBe(20);
  });

  it('skips through the message when nothing is kept and the message was sent long ago', () => {
    expect(expiredThrough(4, 20, { sentAt: ago(8 * 86_400_000) }, NOW)).toBe(20);
    expect(expiredThrough(4, 20, { firstKept: kept(30, 1_000), sentAt: ago(8 * 86_400_000) }, NOW)).toBe(20);
  });

  it('waits when nothing proves when the missing events were recorded', () => {
    expect(expiredThrough(4, 20, {}, NOW)).toBeUndefined();
    expect(expiredThrough(4, 20, { sentAt: ago(1_000) }, NOW)).toBeUndefined();
  });

  it('never skips the awaited event itself or moves back', () => {
    expect(expiredThrough(4, 20, { firstKept: kept(5, 8 * 86_400_000) }, NOW)).toBeUndefined();
    expect(expiredThrough(20, 20, { sentAt: ago(8 * 86_400_000) }, NOW)).toBeUndefined();
  });
});
