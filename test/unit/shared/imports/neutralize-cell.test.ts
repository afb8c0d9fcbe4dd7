import { describe, expect, it } from 'vitest';
import { neutralizeCell } from '#shared/imports/neutralize-cell';

describe('neutralizeCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('prefixes the formula start %j', (cell) => {
    expect(neutralizeCell(cell)).toBe(`'${cell}`);
  });

  it.each(['\u0000=cmd|"/c calc"!A1', '\u0000', '\n=1', '\u0001x', '\u001f=1', '\u007f=1', '\u0085=1'])(
    'prefixes a leading control character %j',
    (cell) => {
      expect(neutralizeCell(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['zoe@example.com', 'Zoë', '1-2', ' =1', ''])('leaves %j as it is', (cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });

  it('writes null and undefined as empty cells and other values as text', () => {
    expect([neutralizeCell(null), neutralizeCell(undefined), neutralizeCell(-3)]).toEqual(['', '', "'-3"]);
  });
});
