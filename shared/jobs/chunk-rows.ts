import type { JobRow } from './job';

/** Rows per chunk at most: one SQS message and one worker invocation each. */
export const CHUNK_SIZE = 500;

/**
 * Serialized bytes of a chunk's rows at most. A chunk is one DynamoDB item, which may not pass
 * 400 KB: this leaves room for the item's keys and for DynamoDB's own encoding of the rows.
 */
export const CHUNK_MAX_BYTES = 300_000;

export interface ChunkLimits {
  maxRows?: number;
  maxBytes?: number;
}

/** A row's size as it is stored: its JSON in UTF-8 (close to, and above, DynamoDB's count for such maps). */
export const rowBytes = (row: JobRow) => Buffer.byteLength(JSON.stringify(row));

/**
 * Groups rows, in order, into chunks of at most `maxRows` rows and `maxBytes` serialized bytes.
 * `add` returns the chunk a row closed (the row starts the next one); `rest` the last, unclosed one.
 * A row alone larger than `maxBytes` makes a chunk of its own: the store refuses it, as the file's fault.
 * The same rows always make the same chunks, so a producer replaying its input stores the same ones.
 */
export function makeChunker({ maxRows = CHUNK_SIZE, maxBytes = CHUNK_MAX_BYTES }: ChunkLimits = {}) {
  let rows: JobRow[] = [];
  let bytes = 0;
  return {
    add(row: JobRow): JobRow[] | undefined {
      const size = rowBytes(row);
      let closed: JobRow[] | undefined;
      if (rows.length > 0 && (rows.length >= maxRows || bytes + size > maxBytes)) {
        closed = rows;
        rows = [];
        bytes = 0;
      }
      rows.push(row);
      bytes += size;
      return closed;
    },
    rest(): JobRow[] | undefined {
      const last = rows.length > 0 ? rows : undefined;
      rows = [];
      bytes = 0;
      return last;
    },
  };
}

/** Splits rows into chunks within `limits` (see makeChunker), keeping every row (nothing is ever truncated). */
export function chunkRows(rows: JobRow[], limits: ChunkLimits = {}): JobRow[][] {
  const chunker = makeChunker(limits);
  const chunks: JobRow[][] = [];
  for (const row of rows) {
    const closed = chunker.add(row);
    if (closed) chunks.push(closed);
  }
  const last = chunker.rest();
  if (last) chunks.push(last);
  return chunks;
}
