import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '#shared/imports/csv-records';

const ALPHABET = ['a', 'Z', ' ', ',', ';', '|', '\t', '"', "'", '\n', '\r', '\r\n', 'é', '😀', '=', '0'];
function randomCell(next: () => number): string {
  let cell = '';
  for (let length = Math.floor(next() * 6); length > 0; length--)
    cell += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return cell;
}
function seeded(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('csvRecords', () => {
  it('quotes only cells holding the delimiter, a quote, CR or LF, doubling their quotes', () => {
    expect(
      csvRecords([
        ['a', 'b,c', 'say "hi"', 'two\nlines', 'cr\r', ''],
        ['x;y', null, undefined],
      ]),
    ).toBe('a,"b,c","say ""hi""","two\nlines","cr\r",\nx;y,,\n');
    expect(csvRecords([['x;y', 'a,b', 'tab\there']], ';')).toBe('"x;y";a,b;tab\there\n');
    expect(csvRecords([['tab\there', 'p|q']], '\t')).toBe('"tab\there"\tp|q\n');
    expect(csvRecords([])).toBe('');
  });

  it('writes what csv-stringify writes, and what csv-parse reads back, for random cells and every delimiter', () => {
    const next = seeded(20261206);
    for (const delimiter of [',', ';', '|', '\t']) {
      for (let round = 0; round < 200; round++) {
        const width = 1 + Math.floor(next() * 4);
        const rows = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
          Array.from({ length: width }, () => randomCell(next)),
        );
        const text = csvRecords(rows, delimiter);
        expect(text).toBe(stringify(rows, { delimiter }));
        // A record of one empty cell is an empty line, which a parser skips or reads as no cells.
        if (rows.every((row) => row.join('') !== '' || row.length > 1))
          expect(parse(text, { delimiter, relax_column_count: true })).toEqual(rows);
      }
    }
  });
});
