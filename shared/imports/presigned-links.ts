import { formatUrl } from '@aws-sdk/core/util';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { config } from '#shared/config';

/**
 * Presigned links to objects of the bucket, signed without an S3 client: the S3 SDK is ~170 KB of a
 * bundle, and a link needs only the URL the client would have built and its SigV4 query signature.
 * The links are the ones the SDK's getSignedUrl answers for the same GetObject/PutObject (the unit
 * test compares them): virtual-hosted in AWS (CDK names buckets DNS-compatibly, as that needs),
 * path-style on an endpoint override (the local emulator), the key escaped per segment, the payload
 * unsigned, the SDK's own headers left out.
 */
export interface PresignerOptions {
  region: string;
  /** An endpoint override (AWS_ENDPOINT_URL_S3); objects are then addressed path-style, as the emulator needs. */
  endpoint?: string;
  credentials: AwsCredentialIdentityProvider;
}

export function makePresigner({ region, endpoint, credentials }: PresignerOptions) {
  const presigner = new S3RequestPresigner({ region, credentials, sha256: Sha256, service: 's3' });

  const requestOf = (method: 'GET' | 'PUT', bucket: string, key: string, headers: Record<string, string> = {}) => {
    const path = `/${key.split('/').map(escapeSegment).join('/')}`;
    const base = endpoint ? new URL(endpoint) : undefined;
    return new HttpRequest({
      method,
      protocol: base ? base.protocol : 'https:',
      hostname: base ? base.hostname : `${bucket}.s3.${region}.${dnsSuffixOf(region)}`,
      port: base?.port ? Number(base.port) : undefined,
      path: base ? `${base.pathname.replace(/\/$/, '')}/${bucket}${path}` : path,
      query: { 'x-id': method === 'GET' ? 'GetObject' : 'PutObject' },
      // A copy: presigning adds the host and payload headers to the request's own.
      headers: { ...headers },
    });
  };

  return {
    /** A time-limited download link. */
    presignedGet: async (bucket: string, key: string, seconds = 3600): Promise<string> =>
      formatUrl(await presigner.presign(requestOf('GET', bucket, key, CHECKSUM_MODE), { expiresIn: seconds })),

    /**
     * A time-limited upload link for one key. The content type and every `x-amz-meta-*` header are
     * signed headers, not query parameters: the uploader must send them as given, and S3 refuses the
     * request if any differs. (A PUT link cannot bound the body's size; the import checks it.)
     */
    async presignedPut(
      bucket: string,
      key: string,
      metadata: Record<string, string>,
      contentType: string,
      seconds: number,
    ) {
      const headers = {
        'content-type': contentType,
        ...Object.fromEntries(Object.entries(metadata).map(([name, value]) => [`x-amz-meta-${name}`, value])),
      };
      const signed = new Set(Object.keys(headers));
      const request = requestOf('PUT', bucket, key, headers);
      const url = formatUrl(
        await presigner.presign(request, { expiresIn: seconds, signableHeaders: signed, unhoistableHeaders: signed }),
      );
      return { url, method: 'PUT' as const, headers };
    },
  };
}

export type Presigner = ReturnType<typeof makePresigner>;

/** A GET asks S3 for the object's stored checksums (hoisted into the link), as the SDK's GetObject does. */
const CHECKSUM_MODE = { 'x-amz-checksum-mode': 'ENABLED' };

/** S3's escaping of one segment of a key (encodeURIComponent, and `!'()*` too). */
const escapeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const dnsSuffixOf = (region: string) => (region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');

let presigner: Presigner | undefined;
/** The function's presigner: its region, endpoint override and credentials, as its SDK clients find them. */
export const presignedLinks = (): Presigner =>
  (presigner ??= makePresigner({
    region: config.region,
    endpoint: config.s3Endpoint,
    credentials: defaultProvider(),
  }));
