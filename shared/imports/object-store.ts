import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  type CompletedPart,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { config } from '#shared/config';
import { ObjectReplacedError } from './object-replaced-error';
import type { MultipartUpload } from './write-in-parts';

// Created on first use, not at import: esbuild keeps every module-scope statement of a module the
// bundle imports, so a client built here would ride along (with the S3 SDK) wherever the module is
// imported. Locally the endpoint is an emulator on 127.0.0.1, which only path-style addressing reaches.
let client: S3Client | undefined;
const s3 = () => (client ??= new S3Client({ forcePathStyle: config.localInfo !== undefined }));
/** The bucket adapter: the only module that sends requests to S3 (presigned-links.ts only signs them). */
export const objectStore = {
  /** The object's user metadata (`x-amz-meta-*` names without the prefix, lower-cased) and when it was stored. */
  async describe(
    bucket: string,
    key: string,
    etag?: string,
  ): Promise<{ metadata: Record<string, string>; stored: string }> {
    const out = await pinned(bucket, key, () =>
      s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key, IfMatch: quoted(etag) })),
    );
    return { metadata: out.Metadata ?? {}, stored: (out.LastModified ?? new Date(0)).toISOString() };
  },

  /** The object's bytes; with `etag`, only if it is still that version (else ObjectReplacedError). */
  async stream(bucket: string, key: string, etag?: string): Promise<Readable> {
    const out = await pinned(bucket, key, () =>
      s3().send(new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: quoted(etag) })),
    );
    return out.Body as Readable;
  },

  async put(bucket: string, key: string, body: string | Buffer, contentType: string): Promise<void> {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  },

  /** A multipart upload of one object (s3:PutObject; its abort s3:AbortMultipartUpload), parts numbered in order. */
  async startUpload(bucket: string, key: string, contentType: string): Promise<MultipartUpload> {
    const { UploadId } = await s3().send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
    );
    const at = { Bucket: bucket, Key: key, UploadId };
    const parts: CompletedPart[] = [];
    return {
      async part(body) {
        const PartNumber = parts.length + 1;
        const { ETag } = await s3().send(new UploadPartCommand({ ...at, PartNumber, Body: body }));
        parts.push({ PartNumber, ETag });
      },
      async complete() {
        await s3().send(new CompleteMultipartUploadCommand({ ...at, MultipartUpload: { Parts: parts } }));
      },
      async abort() {
        await s3().send(new AbortMultipartUploadCommand(at));
      },
    };
  },
};

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
