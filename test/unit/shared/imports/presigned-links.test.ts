import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePresigner } from '#shared/imports/presigned-links';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const KEY = "results/tenant-1/job (1)/it's*.csv";
const metadata = { 'upload-id': 'u-1', tenant: 'tenant-1' };

/** The links the S3 SDK presigns for the same requests: what ours must equal, signature included. */
function sdkLinks(options: { region: string; endpoint?: string }) {
  const client = new S3Client({
    region: options.region,
    credentials,
    forcePathStyle: options.endpoint !== undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  return {
    get: (bucket: string, key: string, seconds: number) =>
      getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: seconds }),
    put: (bucket: string, key: string, seconds: number) => {
      const signed = new Set(['content-type', ...Object.keys(metadata).map((name) => `x-amz-meta-${name}`)]);
      return getSignedUrl(
        client,
        new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: 'text/csv', Metadata: metadata }),
        { expiresIn: seconds, signableHeaders: signed, unhoistableHeaders: signed },
      );
    },
  };
}

describe('presigned links', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T12:34:56Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('signs each link for its own bucket however many it signed before', async () => {
    const options = { region: 'eu-west-1' };
    const ours = makePresigner({ ...options, credentials: async () => credentials });
    const sdk = sdkLinks(options);

    for (const bucket of ['lms-results-one', 'lms-results-two']) {
      expect(await ours.presignedGet(bucket, KEY, 60)).toBe(await sdk.get(bucket, KEY, 60));
      expect((await ours.presignedPut(bucket, KEY, metadata, 'text/csv', 60)).url).toBe(await sdk.put(bucket, KEY, 60));
    }
  });

  for (const [where, options] of [
    ['in AWS (virtual-hosted)', { region: 'eu-west-1' }],
    ['on an endpoint override (path-style)', { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' }],
  ] as const) {
    it(`signs the download link the SDK signs, ${where}`, async () => {
      const ours = makePresigner({ ...options, credentials: async () => credentials });

      const link = await ours.presignedGet('lms-imports-bucket', KEY, 900);

      expect(link).toBe(await sdkLinks(options).get('lms-imports-bucket', KEY, 900));
      expect(link).toContain('X-Amz-Expires=900');
    });

    it(`signs the upload link the SDK signs, its content type and metadata as signed headers, ${where}`, async () => {
      const ours = makePresigner({ ...options, credentials: async () => credentials });

      const upload = await ours.presignedPut('lms-imports-bucket', KEY, metadata, 'text/csv', 600);

      expect(upload.url).toBe(await sdkLinks(options).put('lms-imports-bucket', KEY, 600));
      expect(upload.method).toBe('PUT');
      expect(upload.headers).toEqual({
        'content-type': 'text/csv',
        'x-amz-meta-upload-id': 'u-1',
        'x-amz-meta-tenant': 'tenant-1',
      });
      expect(decodeURIComponent(new URL(upload.url).searchParams.get('X-Amz-SignedHeaders')!)).toBe(
        'content-type;host;x-amz-meta-tenant;x-amz-meta-upload-id',
      );
    });
  }
});
