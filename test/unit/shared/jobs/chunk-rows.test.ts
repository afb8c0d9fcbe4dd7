import { describe, expect, it } from 'vitest';
import { CHUNK_MAX_BYTES, CHUNK_SIZE, chunkRows, rowBytes } from '#shared/jobs/chunk-rows';
import type { JobRow } from '#shared/jobs/job';

const rowsOf = (count: number, cellLength = 10): JobRow[] =>
  Array.from({ length: count }, (_, index) => ({ index, input: { email: 'x'.repeat(cellLength) } }));
const bytesOf = (chunk: JobRow[]) => chunk.reduce((sum, row) => sum + rowBytes(row), 0);

describe('chunkRows', () => {
  it('cuts small rows by count: chunks of CHUNK_SIZE and the rest', () => {
    const chunks = chunkRows(rowsOf(1_201));
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 201]);
    expect(chunks.flat().map((r) => r.index)).toEqual(rowsOf(1_201).map((r) => r.index));
  });

  it('cuts wide rows by bytes, so that no chunk of 500 rows of 800 bytes passes the byte bound', () => {
    const rows = rowsOf(1_000, 800);
    const chunks = chunkRows(rows);
    expect(bytesOf(rows)).toBeGreaterThan(2 * 400_000);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(bytesOf(chunk)).toBeLessThanOrEqual(CHUNK_MAX_BYTES);
    expect(chunks.flat()).toEqual(rows);
  });

  it('keeps a row larger than the bound, alone in its chunk', () => {
    const rows = [...rowsOf(2), { index: 2, input: { email: 'x'.repeat(CHUNK_MAX_BYTES) } }, ...rowsOf(1)];
    expect(chunkRows(rows).map((c) => c.map((r) => r.index))).toEqual([[0, 1], [2], [0]]);
  });

  it('makes the same chunks from the same rows, and none from no rows', () => {
    const rows = rowsOf(700, 900);
    expect(chunkRows(rows)).toEqual(chunkRows(structuredClone(rows)));
    expect(chunkRows([])).toEqual([]);
  });

  it('takes other limits', () => {
    expect(chunkRows(rowsOf(5), { maxRows: 2 }).map((c) => c.length)).toEqual([2, 2, 1]);
    const one = rowBytes(rowsOf(1)[0]!);
    expect(chunkRows(rowsOf(5), { maxBytes: 2 * one }).map((c) => c.length)).toEqual([2, 2, 1]);
  });
});
