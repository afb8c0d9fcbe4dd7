import { describe, expect, it } from 'vitest';
import type { JobRow } from '#shared/jobs/job';
import { CHUNK_SIZE, chunkRows, MAX_CHUNK_BYTES } from '#shared/jobs/start-job';

const row = (index: number, bytes = 0): JobRow => ({
  index,
  input: { email: `${index}@example.com`, pad: 'x'.repeat(bytes) },
});

describe('chunkRows', () => {
  it('cuts at CHUNK_SIZE rows', () => {
    const chunks = chunkRows(Array.from({ length: CHUNK_SIZE * 2 + 1 }, (_, i) => row(i)));
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 1]);
  });

  it('keeps every chunk under MAX_CHUNK_BYTES, each row once and in order, a huge row alone', () => {
    const rows = [...Array.from({ length: 1001 }, (_, i) => row(i, 2_000)), row(1001, MAX_CHUNK_BYTES), row(1002)];
    const chunks = chunkRows(rows);
    expect(chunks.flat().map((r) => r.index)).toEqual(rows.map((r) => r.index));
    for (const chunk of chunks.filter((c) => c.length > 1))
      expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThanOrEqual(MAX_CHUNK_BYTES + chunk.length);
    expect(chunks.find((c) => c.some((r) => r.index === 1001))).toHaveLength(1);
    expect(chunks.length).toBeGreaterThan(Math.ceil(1003 / CHUNK_SIZE));
  });
});
