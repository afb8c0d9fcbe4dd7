import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Why a file cannot be imported as CSV text; the import fails with this message. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}

const REPLACEMENT = '\uFFFD';

/**
 * Bytes → UTF-8 text for the CSV parser, refusing what would otherwise be imported garbled or
 * unbounded: more than `maxBytes` (counted as they stream, whatever the object's declared size
 * said), UTF-16 (its byte-order mark, or the NUL bytes of its ASCII), and bytes that are not UTF-8
 * (a Latin-1 or Windows-1252 export), named by line. A UTF-8 byte-order mark is left to the parser.
 */
export function csvText(maxBytes: number): Transform {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let line = 1;
  const check = (text: string): string => {
    const bad = text.indexOf(REPLACEMENT);
    if (bad >= 0) {
      throw new UnreadableFileError(
        `line ${line + count(text.slice(0, bad), '\n')} is not UTF-8 text (a Latin-1 or Windows-1252 file?): ` +
          'save the file as CSV UTF-8 and upload it again',
      );
    }
    line += count(text, '\n');
    return text;
  };
  return new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      try {
        if (
          bytes === 0 &&
          chunk.length >= 2 &&
          ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
        )
          throw new UnreadableFileError('the file is UTF-16 text: save it as CSV UTF-8 and upload it again');
        bytes += chunk.length;
        if (bytes > maxBytes)
          throw new UnreadableFileError(`the file is over ${maxBytes} bytes, the most one import accepts`);
        if (chunk.includes(0)) {
          throw new UnreadableFileError(
            'the file holds NUL bytes (UTF-16 text without a byte-order mark, or not text at all): save it as CSV UTF-8',
          );
        }
        done(null, check(decoder.write(chunk)));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        done(null, check(decoder.end()));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}
