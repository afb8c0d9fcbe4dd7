import type { Readable } from 'node:stream';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { config } from '#shared/config';
import { ObjectReplacedError } from './object-replaced-error';
import { elementOf, S3Requests, textOf } from './s3-requests';
import type { MultipartUpload } from './write-in-parts';

// Created on first use, not at import: a module-scope client would be built wherever the module is imported.
let requests: S3Requests | undefined;
const s3 = () =>
  (requests ??= new S3Requests({ region: config.region, endpoint: config.s3Endpoint }, defaultProvider()));

/** The bucket adapter: the only module that sends requests to S3 (presigned-links.ts only signs them). */
export const objectStore = {
  /** The object's user metadata (`x-amz-meta-*` names without the prefix, lower-cased) and when it was stored. */
  async describe(
    bucket: string,
    key: string,
    etag?: string,
  ): Promise<{ metadata: Record<string, string>; stored: string }> {
    const { headers, body } = await pinned(bucket, key, () =>
      s3().send({ operation: 'HeadObject', input: { Bucket: bucket, Key: key }, headers: ifMatch(etag) }),
    );
    body.resume();
    const metadata = Object.fromEntries(
      Object.entries(headers)
        .filter(([name]) => name.startsWith(META))
        .map(([name, value]) => [name.slice(META.length), String(value)]),
    );
    const modified = headers['last-modified'];
    return { metadata, stored: (modified ? new Date(modified) : new Date(0)).toISOString() };
  },

  /** The object's bytes; with `etag`, only if it is still that version (else ObjectReplacedError). */
  async stream(bucket: string, key: string, etag?: string): Promise<Readable> {
    const { body } = await pinned(bucket, key, () =>
      s3().send({
        operation: 'GetObject',
        input: { Bucket: bucket, Key: key },
        query: { 'x-id': 'GetObject' },
        headers: ifMatch(etag),
      }),
    );
    return body;
  },

  async put(bucket: string, key: string, body: string | Buffer, contentType: string): Promise<void> {
    const answer = await s3().send({
      operation: 'PutObject',
      input: { Bucket: bucket, Key: key },
      query: { 'x-id': 'PutObject' },
      headers: { 'content-type': contentType },
      body,
    });
    answer.body.resume();
  },

  /** A multipart upload of one object (s3:PutObject; its abort s3:AbortMultipartUpload), parts numbered in order. */
  async startUpload(bucket: string, key: string, contentType: string): Promise<MultipartUpload> {
    const started = await s3().send({
      operation: 'CreateMultipartUpload',
      input: { Bucket: bucket, Key: key },
      query: { uploads: '' },
      headers: { 'content-type': contentType },
    });
    const UploadId = elementOf(await textOf(started.body), 'UploadId');
    if (!UploadId) throw new Error(`S3 started no upload of s3://${bucket}/${key}`);
    const input = { Bucket: bucket, Key: key, UploadId };
    const etags: string[] = [];
    return {
      async part(body) {
        const partNumber = String(etags.length + 1);
        const answer = await s3().send({
          operation: 'UploadPart',
          input,
          query: { partNumber, uploadId: UploadId },
          body,
        });
        answer.body.resume();
        etags.push(String(answer.headers.etag));
      },
      async complete() {
        const parts = etags.map(
          (etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${xmlText(etag)}</ETag></Part>`,
        );
        const answer = await s3().send({
          operation: 'CompleteMultipartUpload',
          input,
          query: { uploadId: UploadId },
          headers: { 'content-type': 'application/xml' },
          body: `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts.join('')}</CompleteMultipartUpload>`,
        });
        // S3 may answer 200 and put the failure in the body (the upload was still being assembled).
        const xml = await textOf(answer.body);
        if (xml.includes('<Error>'))
          throw new Error(`S3 did not complete s3://${bucket}/${key}: ${elementOf(xml, 'Code')}`);
      },
      async abort() {
        const answer = await s3().send({ operation: 'AbortMultipartUpload', input, query: { uploadId: UploadId } });
        answer.body.resume();
      },
    };
  },
};

const META = 'x-amz-meta-';
const ifMatch = (etag: string | undefined): Record<string, string> => (etag ? { 'if-match': quoted(etag)! } : {});
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export type ObjectStore = typeof objectStore;

/** An ETag as If-Match takes it: S3 events carry it bare, headers quoted. */
const quoted = (etag: string | undefined) => (etag === undefined || etag.startsWith('"') ? etag : `"${etag}"`);

/** S3 answers 412 when If-Match names another version: the object was replaced since its event. */
async function pinned<T>(bucket: string, key: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 412) throw new ObjectReplacedError(`s3://${bucket}/${key} was replaced after its upload event`);
    throw error;
  }
}
