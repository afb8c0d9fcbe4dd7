import { ObjectReplacedError } from './object-replaced-error';
import type { ImportedObject } from './import-events';
import { UPLOAD_METADATA, type UploadGrant, uploadMetadata } from './upload-grant';

/** The code a refused drop's job and results file carry. */
export const UNAUTHORIZED_UPLOAD = 'unauthorized_upload';

export interface VerifyUploadPorts {
  /** The object's user metadata (`x-amz-meta-*` names, without the prefix) and when it was stored. */
  objects: {
    describe(bucket: string, key: string, etag?: string): Promise<{ metadata: Record<string, string>; stored: string }>;
  };
  grants: {
    get(uploadId: string): Promise<UploadGrant | undefined>;
    claim(uploadId: string, etag: string): Promise<boolean>;
  };
}

export type UploadVerdict = { granted: true; grant: UploadGrant } | { granted: false; reason: string };

/**
 * Whether a dropped object was uploaded under a grant of ours. Metadata alone proves nothing (whoever
 * may PutObject can write any `x-amz-meta-*`): the upload id it names must be a recorded grant for
 * this very key (so tenant and kind), its metadata must be the grant's, the object must have been
 * stored before the link expired, and no other object may have used the grant (the first one claims
 * it; the same object again, a redelivered event, still passes). The uploader is the grant's.
 */
export const makeVerifyUpload =
  ({ objects, grants }: VerifyUploadPorts) =>
  async (object: ImportedObject): Promise<UploadVerdict> => {
    const refuse = (reason: string) => ({ granted: false as const, reason });
    // Pinned to the event's version: metadata read from a later object would vouch for the wrong bytes.
    const described = await objects.describe(object.bucket, object.key, object.etag).catch((error: unknown) => {
      if (error instanceof ObjectReplacedError) return undefined;
      throw error;
    });
    if (!described) return refuse('the file was replaced after its upload event: upload it again with a new grant');
    const { metadata, stored } = described;
    const uploadId = metadata[UPLOAD_METADATA.uploadId];
    if (!uploadId)
      return refuse(
        'the file carries no upload grant: request an upload with POST /api/v1/enterprise-customer/{enterprise_uuid}/imports and upload to the link it answers',
      );
    const grant = await grants.get(uploadId);
    if (!grant) return refuse(`upload ${uploadId} was not granted by this service`);
    if (grant.key !== object.key) return refuse(`upload ${uploadId} was granted for another key`);
    const expected = uploadMetadata(grant);
    if (Object.entries(expected).some(([name, value]) => metadata[name] !== value))
      return refuse(`the file's metadata does not match upload ${uploadId}`);
    if (Date.parse(stored) > Date.parse(grant.upload_expires))
      return refuse(`the file was stored at ${stored}, after upload ${uploadId} expired at ${grant.upload_expires}`);
    if (!(await grants.claim(uploadId, object.etag)))
      return refuse(`upload ${uploadId} was already used by another file`);
    return { granted: true, grant };
  };
