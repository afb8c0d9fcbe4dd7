import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvText } from '#shared/imports/csv-text';

/** Streams `chunks` through csvText and resolves to the text, or rejects with its reason. */
async function decode(chunks: Buffer[], maxBytes = 1_000): Promise<string> {
  let out = '';
  for await (const piece of Readable.from(chunks).pipe(csvText(maxBytes))) out += String(piece);
  return out;
}

describe('csvText', () => {
  it('passes UTF-8 through, a multi-byte character split across chunks included', async () => {
    const bytes = Buffer.from('email,first_name\nzoe@example.com,Zoë\n');
    const cut = bytes.indexOf(Buffer.from('ë')) + 1;
    expect(await decode([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe('email,first_name\nzoe@example.com,Zoë\n');
  });

  it('keeps a UTF-8 byte-order mark for the parser to drop', async () => {
    expect(await decode([Buffer.from('\uFEFFemail\n')])).toBe('\uFEFFemail\n');
  });

  it('refuses Latin-1 bytes, naming the line', async () => {
    const latin1 = Buffer.concat([Buffer.from('email\na@example.com\nJos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    await expect(decode([latin1])).rejects.toThrow(/line 3 is not UTF-8 text/);
  });

  it('refuses UTF-16, with or without its byte-order mark', async () => {
    await expect(decode([Buffer.from([0xff, 0xfe, 0x65, 0x00])])).rejects.toThrow(/UTF-16/);
    await expect(decode([Buffer.from('email', 'utf16le')])).rejects.toThrow(/NUL bytes/);
  });

  it('refuses more bytes than the limit, whatever size the object claimed', async () => {
    await expect(decode([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x61)])).rejects.toThrow(/over 1000 bytes/);
  });
});
