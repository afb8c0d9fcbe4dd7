import { assertAdministers, type Caller } from '#shared/auth/caller';
import type { Clock, IdGenerator } from '#shared/clock';
import { type UploadGrant, uploadKey, uploadMetadata, UPLOAD_TTL_SECONDS } from './upload-grant';

/** A link that stores one object: the request to send, its signed headers included, and until when it works. */
export interface UploadLink {
  url: string;
  method: 'PUT';
  /** Headers the request must carry exactly as given (they are signed): the content type and the grant's metadata. */
  headers: Record<string, string>;
}

export interface RequestImportUploadPorts {
  grants: { put(grant: UploadGrant): Promise<void> };
  /** A presigned PUT of `key` whose content type and `x-amz-meta-*` headers are signed. */
  presignPut(key: string, metadata: Record<string, string>, contentType: string, seconds: number): Promise<UploadLink>;
  clock: Clock;
  ids: IdGenerator;
}

export const CSV_CONTENT_TYPE = 'text/csv';

/**
 * Grants an admin of the tenant (or staff) the upload of one CSV of `kind`: records the grant
 * (uploader's issuer and sub, tenant, kind, key, expiry) before handing out a presigned PUT bound to
 * that key with the grant's metadata signed in, so the import can tell the drop was ours and whose.
 * Each upload gets its own key (`imports/{tenant}/{kind}/{upload_id}/{file_name}`): none replaces another.
 */
export const makeRequestImportUpload =
  ({ grants, presignPut, clock, ids }: RequestImportUploadPorts) =>
  async (caller: Caller, tenant: string, input: { kind: string; file_name: string }) => {
    assertAdministers(caller, tenant);
    const now = clock.now();
    const uploadId = ids.uuid();
    const grant: UploadGrant = {
      upload_id: uploadId,
      enterprise_customer_uuid: tenant,
      kind: input.kind,
      key: uploadKey(tenant, input.kind, uploadId, input.file_name),
      uploader_issuer: caller.issuer,
      uploader_sub: caller.sub,
      created: now,
      upload_expires: new Date(Date.parse(now) + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
    await grants.put(grant);
    const upload = await presignPut(grant.key, uploadMetadata(grant), CSV_CONTENT_TYPE, UPLOAD_TTL_SECONDS);
    return { grant, upload };
  };
