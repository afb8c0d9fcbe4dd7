import { describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/errors';
import { parseForm } from '#shared/http/http-handler';

const multipart = (boundary: string, parts: [string, string, string?][]) =>
  Buffer.from(
    parts
      .map(
        ([name, value, file]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ''}\r\n\r\n${value}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`,
  );

describe('parseForm', () => {
  it('reads a urlencoded form: + and %-escapes decoded, a repeated field as its list of values', async () => {
    const body = Buffer.from('action=enroll&identifiers=a%40x.org+b%40x.org&courses=c1&courses=c2&auto_enroll=true');
    expect(await parseForm(body, 'application/x-www-form-urlencoded; charset=utf-8')).toEqual({
      action: 'enroll',
      identifiers: 'a@x.org b@x.org',
      courses: ['c1', 'c2'],
      auto_enroll: 'true',
    });
  });

  it('reads a multipart form, as Django REST framework test clients send by default', async () => {
    const body = multipart('XyZ', [
      ['action', 'unenroll'],
      ['identifiers', 'a@x.org\nb@x.org'],
    ]);
    expect(await parseForm(body, 'multipart/form-data; boundary=XyZ')).toEqual({
      action: 'unenroll',
      identifiers: 'a@x.org\nb@x.org',
    });
  });

  it('refuses a file part and an unreadable multipart body, naming the body', async () => {
    const file = multipart('B', [['identifiers', 'a@x.org', 'list.txt']]);
    await expect(parseForm(file, 'multipart/form-data; boundary=B')).rejects.toMatchObject({
      code: 'malformed_form',
      details: [{ path: 'body', message: expect.stringContaining('file') }],
    });
    await expect(parseForm(Buffer.from('junk'), 'multipart/form-data; boundary=B')).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
