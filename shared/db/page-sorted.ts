import * as z from 'zod';
import { readCursor, writeCursor } from './page-cursor';
import type { Page } from './paging';

/** Opaque cursor of an in-memory listing: the sort key to continue after (`a`) or before (`b`). */
interface Cursor {
  a?: string;
  b?: string;
}

/** An object whose position (`a`, else `b`) is a string. */
const SortedCursor = z.custom<Cursor>(
  (v) => typeof v === 'object' && v !== null && typeof ((v as Cursor).a ?? (v as Cursor).b) === 'string',
);
const encode = (cursor: Cursor) => writeCursor(cursor);
const decode = (cursor: string) => readCursor(cursor, SortedCursor);

/**
 * One page of a list that was read whole and is sorted in memory, with keyset cursors both ways
 * (like the index listings: a page never repeats or skips an item that stays put). `keyOf` must be
 * unique per item (end it with the item's id).
 */
export function pageSorted<T>(
  all: T[],
  keyOf: (item: T) => string,
  q: { pageSize: number; cursor?: string | undefined; descending?: boolean | undefined },
): Page<T> {
  const keyed = all.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  if (q.descending) keyed.reverse();
  const before = (k: string, than: string) => (q.descending ? k > than : k < than);
  const cursor = q.cursor ? decode(q.cursor) : {};
  let start: number;
  let end: number;
  if (cursor.b !== undefined) {
    const bound = cursor.b;
    end = keyed.findIndex((e) => !before(e.key, bound));
    if (end === -1) end = keyed.length;
    start = Math.max(0, end - q.pageSize);
  } else {
    const bound = cursor.a;
    start = bound === undefined ? 0 : keyed.findIndex((e) => before(bound, e.key));
    if (start === -1) start = keyed.length;
    end = Math.min(keyed.length, start + q.pageSize);
  }
  const page = keyed.slice(start, end);
  const first = page[0];
  const last = page.at(-1);
  return {
    items: page.map((e) => e.item),
    next: end < keyed.length && last ? encode({ a: last.key }) : null,
    previous: start > 0 && first ? encode({ b: first.key }) : null,
  };
}
