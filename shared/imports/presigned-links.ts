import { formatUrl } from '@aws-sdk/core/util';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { config } from '#shared/config';
import { objectAddress, type S3Location } from './object-address';

/**
 * Presigned links to objects of the bucket, signed without an S3 client: the S3 SDK is ~170 KB of a
 * bundle, and a link needs only the URL the client would have built and its SigV4 query signature.
 * The links are the ones the SDK's getSignedUrl answers for the same GetObject/PutObject (the unit
 * test compares them): the object's address (object-address.ts), the payload unsigned, the SDK's own
 * headers left out.
 */
export interface PresignerOptions extends S3Location {
  credentials: AwsCredentialIdentityProvider;
}

export function makePresigner({ credentials, ...location }: PresignerOptions) {
  const { region } = location;
  const presigner = new S3RequestPresigner({ region, credentials, sha256: Sha256, service: 's3' });

  const requestOf = (method: 'GET' | 'PUT', bucket: string, key: string, headers: Record<string, string> = {}) => {
    return new HttpRequest({
      method,
      ...objectAddress(location, bucket, key),
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

let presigner: Presigner | undefined;
/** The function's presigner: its region, endpoint override and credentials, as its SDK clients find them. */
export const presignedLinks = (): Presigner =>
  (presigner ??= makePresigner({
    region: config.region,
    endpoint: config.s3Endpoint,
    credentials: defaultProvider(),
  }));
