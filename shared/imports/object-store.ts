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
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config } from '#shared/config';
import type { MultipartUpload } from './write-in-parts';

// Created on first use, not at import: esbuild keeps every module-scope statement of a module the
// bundle imports, so a client built here would ride along (with the S3 SDK) wherever the module is
// imported. Locally the endpoint is an emulator on 127.0.0.1, which only path-style addressing reaches.
let client: S3Client | undefined;
const s3 = () => (client ??= new S3Client({ forcePathStyle: config.localInfo !== undefined }));

/** The bucket adapter: the only module that talks to S3. */
export const objectStore = {
  async size(bucket: string, key: string): Promise<number> {
    const out = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return out.ContentLength ?? 0;
  },

  async stream(bucket: string, key: string): Promise<Readable> {
    const out = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
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

  /** A time-limited download link. */
  presignedGet: (bucket: string, key: string, seconds = 3600) =>
    getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: seconds }),
};

export type ObjectStore = typeof objectStore;
