import * as z from 'zod';
import { CSV_KINDS, IMPORTS_PREFIX_PATH } from './csv-kinds';

/** How long an upload link works: the object must be stored by then. */
export const UPLOAD_TTL_SECONDS = 15 * 60;

/**
 * How long a grant is kept after its link expired: as long as SQS keeps an import's event (its
 * retries, its DLQ and a redrive), so a late start still finds it. DynamoDB deletes it after that.
 */
export const GRANT_RETENTION_SECONDS = 14 * 24 * 3600;

/**
 * The permission to drop one file, recorded by the upload route before it hands out a link: who asked
 * (issuer and sub of a verified token), for which tenant, kind and key, and until when. The import
 * trusts an object only through the grant its metadata names.
 */
export interface UploadGrant {
  upload_id: string;
  enterprise_customer_uuid: string;
  kind: string;
  key: string;
  uploader_issuer: string;
  uploader_sub: string;
  created: string;
  /** When the upload link expires (ISO): an object stored later is not this grant's. */
  upload_expires: string;
  /** The ETag of the object imported under this grant once one was: a grant admits one file. */
  used_etag?: string | undefined;
}

/** The object metadata an upload must carry (`x-amz-meta-<name>`), signed into its link. */
export const UPLOAD_METADATA = {
  uploadId: 'upload-id',
  tenant: 'enterprise-uuid',
  kind: 'kind',
  issuer: 'uploader-issuer',
  sub: 'uploader-sub',
} as const;

/** The metadata of an upload under `grant`, by `x-amz-meta-` name. */
export const uploadMetadata = (grant: UploadGrant): Record<string, string> => ({
  [UPLOAD_METADATA.uploadId]: grant.upload_id,
  [UPLOAD_METADATA.tenant]: grant.enterprise_customer_uuid,
  [UPLOAD_METADATA.kind]: grant.kind,
  [UPLOAD_METADATA.issuer]: grant.uploader_issuer,
  [UPLOAD_METADATA.sub]: grant.uploader_sub,
});

/** The longest file name an upload may give. */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * A base name ending in `.csv`: letters, digits, `.`, `_`, `-` and spaces, starting with a letter or
 * digit, so it cannot climb out of its prefix (`..`, `/`), hide (`.x.csv`) or carry control characters.
 */
export const FileName = z
  .string()
  .max(MAX_FILE_NAME_LENGTH)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._ -]*\.csv$/i, 'a file name: letters, digits, . _ - and spaces, ending in .csv');

export const ImportKind = z.enum(Object.keys(CSV_KINDS) as [string, ...string[]]);

/** The key of an upload: its own folder under the tenant and kind, so no upload replaces another. */
export const uploadKey = (tenant: string, kind: string, uploadId: string, fileName: string) =>
  `${IMPORTS_PREFIX_PATH}${tenant}/${kind}/${uploadId}/${fileName}`;
